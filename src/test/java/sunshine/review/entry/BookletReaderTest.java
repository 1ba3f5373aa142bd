package sunshine.review.entry;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The corrections column (R18) as a member writes it: a mobile number, an address after 住址/地址. */
class BookletReaderTest {

    @Test
    void aMobileNumberInTheCorrectionIsThePhone() {
        assertThat(BookletReader.phone("电话应为13912345678")).isEqualTo("13912345678");
        // twelve digits are not a mobile number; a landline is not taken
        assertThat(BookletReader.phone("139123456789")).isNull();
        assertThat(BookletReader.phone("0531-83001117")).isNull();
        assertThat(BookletReader.phone(null)).isNull();
    }

    @Test
    void textAfterZhuzhiIsTheAddress_upToASemicolon() {
        assertThat(BookletReader.address("住址：东关村3号；电话13912345678")).isEqualTo("东关村3号");
        assertThat(BookletReader.address("地址 西关村1号")).isEqualTo("西关村1号");
        assertThat(BookletReader.address("身份证号缺")).isNull();
    }

    @Test
    void columnsAreLetteredLikeExcel() {
        assertThat(BookletReader.column(0)).isEqualTo("A");
        assertThat(BookletReader.column(6)).isEqualTo("G");
        assertThat(BookletReader.column(25)).isEqualTo("Z");
        assertThat(BookletReader.column(26)).isEqualTo("AA");
    }
}
