package sunshine.review;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BookletLabelTest {

    @Test
    void readsTheLabelPrintedOnEveryPage() {
        assertThat(BookletLabel.parse(" P42-V3-C2 ")).contains(new BookletLabel(42, 3, 2));
        assertThat(new BookletLabel(42, 3, 2)).hasToString("P42-V3-C2");
    }

    @Test
    void anythingElseIsNoLabel() {
        assertThat(BookletLabel.parse("P42-V3")).isEmpty();
        assertThat(BookletLabel.parse("版本号 P42-V3-C2")).isEmpty();
        assertThat(BookletLabel.parse("p42-v3-c2")).isEmpty();
        assertThat(BookletLabel.parse(null)).isEmpty();
    }
}
