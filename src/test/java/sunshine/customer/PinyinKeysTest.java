package sunshine.customer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PinyinKeysTest {

    @Test
    void fullPinyinAndInitials() {
        assertThat(PinyinKeys.of("张伟")).contains(" zhangwei").contains(" zw");
    }

    @Test
    void everyReadingOfAPolyphonicSurname() {
        String shan = PinyinKeys.of("单田芳");
        assertThat(shan)
                .contains(" shantianfang")
                .contains(" dantianfang")
                .contains(" stf")
                .contains(" dtf");
        String zeng = PinyinKeys.of("曾国藩");
        assertThat(zeng)
                .contains(" zengguofan")
                .contains(" cengguofan")
                .contains(" zgf")
                .contains(" cgf");
    }

    @Test
    void latinLettersStay() {
        assertThat(PinyinKeys.of("李A")).contains(" lia").contains(" la");
    }

    @Test
    void masking() {
        assertThat(Masking.phone("13812345678")).isEqualTo("138****5678");
        assertThat(Masking.address("山东省济南市章丘区明水街道百脉泉路1号")).isEqualTo("山东省济南市****");
    }
}
