package sunshine.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CopyCsvTest {

    @Test
    void nullIsAnEmptyFieldAndTextIsQuotedWithInnerQuotesDoubledAndNulDropped() {
        StringBuilder line = new StringBuilder();
        CopyCsv.field(line, "7");
        CopyCsv.next(line, null);
        CopyCsv.next(line, "说\"引号\"");
        CopyCsv.next(line, "a\u0000b,c");
        CopyCsv.next(line, "");
        assertThat(line).hasToString("\"7\",,\"说\"\"引号\"\"\",\"ab,c\",\"\"");
    }
}
