package sunshine.review.booklet;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class BookletContentTest {

    @Test
    void theSharedStartOfTheAddresses_endsAtTheLastAdministrativeLevel() {
        // shared: "山东省济南市章丘区明水街道东关村" + "1"; cut after 村
        assertThat(of("山东省济南市章丘区明水街道东关村1组3号", "山东省济南市章丘区明水街道东关村12组4号").addressPrefix())
                .isEqualTo("山东省济南市章丘区明水街道东关村");
        // two villages: only the street is shared
        assertThat(of("山东省济南市章丘区明水街道东关村1组", "山东省济南市章丘区明水街道西关村2组").addressPrefix())
                .isEqualTo("山东省济南市章丘区明水街道");
        assertThat(of("东关村1组", "西关村2组").addressPrefix()).isEmpty();
        assertThat(of("山东省济南市章丘区明水街道东关村1组").addressPrefix()).as("one household").isEmpty();
    }

    @Test
    void theHashChangesWithWhatIsPrinted_notWithTheVersionOrDate() {
        BookletContent a = of("东关村1号", "东关村2号");
        assertThat(a.asVersion(7, LocalDate.of(2027, 1, 1)).contentHash()).isEqualTo(a.contentHash());
        assertThat(of("东关村1号", "东关村3号").contentHash()).isNotEqualTo(a.contentHash());
    }

    private static BookletContent of(String... addresses) {
        List<BookletContent.Row> rows = new java.util.ArrayList<>();
        for (int i = 0; i < addresses.length; i++) {
            rows.add(new BookletContent.Row(
                    i + 1, 100 + i, "户主" + i, List.of(), "3701**********0001", addresses[i], "138"));
        }
        return new BookletContent(
                "银行",
                "支行",
                1,
                "小组",
                1,
                LocalDate.of(2026, 9, 16),
                List.of(new BookletContent.Copy(1, "甲", null, null)),
                rows);
    }
}
