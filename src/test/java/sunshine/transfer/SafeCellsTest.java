package sunshine.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Values a spreadsheet would run get an apostrophe; everything else is left alone; CSV fields quote as RFC 4180 says. */
class SafeCellsTest {

    @ParameterizedTest
    @ValueSource(strings = {"=1+1", "+86 138", "-2+3", "@SUM(A1:A9)", "\t=cmd", "\r=cmd", "=", "-"})
    void aValueThatCouldRunGetsAnApostrophe(String value) {
        assertThat(SafeCells.neutralise(value)).isEqualTo("'" + value);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "张三", "6222020200112233445", "1250.50", "a=b", " =1+1", "'=1+1", "\n=1", "＝1+1"})
    void otherValuesAreLeftAlone(String value) {
        assertThat(SafeCells.neutralise(value)).isSameAs(value);
    }

    @Test
    void nullStaysNull() {
        assertThat(SafeCells.neutralise(null)).isNull();
    }

    @Test
    void aPlainCsvFieldIsNotQuoted() {
        assertThat(SafeCells.csvField("张三")).isEqualTo("张三");
        assertThat(SafeCells.csvField("")).isEmpty();
        assertThat(SafeCells.csvField(null)).isEmpty();
    }

    @Test
    void commasQuotesAndLineBreaksAreQuoted() {
        assertThat(SafeCells.csvField("1,250.50")).isEqualTo("\"1,250.50\"");
        assertThat(SafeCells.csvField("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(SafeCells.csvField("line\nbreak")).isEqualTo("\"line\nbreak\"");
        assertThat(SafeCells.csvField("cr\rhere")).isEqualTo("\"cr\rhere\"");
    }

    @Test
    void aCsvFieldIsNeutralisedBeforeItIsQuoted() {
        assertThat(SafeCells.csvField("=HYPERLINK(\"http://x\",\"y\")"))
                .isEqualTo("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"");
        assertThat(SafeCells.csvField("-5")).isEqualTo("'-5");
        assertThat(SafeCells.csvField("\r=1")).isEqualTo("\"'\r=1\"");
    }
}
