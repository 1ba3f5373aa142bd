package sunshine.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The scan finds declarations however the bytes arrive, and does not cry wolf at ordinary parts. */
class XmlPartScanTest {

    @Test
    void aDoctypeSplitAcrossReadsIsFound() {
        byte[] bytes = "<?xml version=\"1.0\"?><!DocType x><x/>".getBytes(StandardCharsets.UTF_8);
        XmlPartScan scan = new XmlPartScan(true);
        for (byte b : bytes) {
            scan.feed(new byte[] {b}, 1);
        }
        assertThat(scan.declaresEntities()).isTrue();
        assertThat(scan.startsLikeXml()).isTrue();
        assertThat(scan.declaresForeignEncoding()).isFalse();
    }

    @Test
    void anOrdinaryPartDeclaresNothing() {
        XmlPartScan scan =
                scan("\uFEFF<?xml version=\"1.0\" encoding=\"utf-8\"?><sst><t>&lt;!DOCTYPE ENTITY</t></sst>");
        assertThat(scan.startsLikeXml()).isTrue();
        assertThat(scan.declaresEntities()).isFalse();
        assertThat(scan.declaresForeignEncoding()).isFalse();
        assertThat(scan.mentionsMacros()).isFalse();
    }

    @Test
    void utf16BigEndianIsReadThroughItsNulBytes() {
        XmlPartScan scan =
                scan("\uFEFF<?xml version=\"1.0\" encoding=\"UTF-16\"?><!ENTITY a \"b\">", StandardCharsets.UTF_16BE);
        assertThat(scan.startsLikeXml()).isTrue();
        assertThat(scan.declaresEntities()).isTrue();
        assertThat(scan.declaresForeignEncoding()).isFalse();
    }

    @Test
    void aDeclarationTooLongToJudgeCountsAsForeign() {
        XmlPartScan scan = scan("<?xml version=\"1.0\"" + " ".repeat(2000) + "encoding=\"IBM037\"?><x/>");
        assertThat(scan.declaresForeignEncoding()).isTrue();
    }

    @Test
    void binaryThatIsNotNamedXmlIsNotScanned() {
        XmlPartScan scan = new XmlPartScan(false);
        byte[] bytes = "\u0089PNG <!DOCTYPE".getBytes(StandardCharsets.ISO_8859_1);
        scan.feed(bytes, bytes.length);
        assertThat(scan.startsLikeXml()).isFalse();
        assertThat(scan.declaresEntities()).isFalse();
    }

    @Test
    void declarationsFarPastTheHeadAreFoundInAnyChunking() {
        String rows = "<row r=\"1\"><c t=\"inlineStr\"><is><t>m</t></is></c></row>".repeat(200);
        for (Charset charset : List.of(StandardCharsets.UTF_8, StandardCharsets.UTF_16LE)) {
            byte[] bytes = ("<?xml version=\"1.0\"?><sheetData>" + rows + "<!Entity x \"y\">" + rows
                            + "application/vnd.ms-excel.sheet.MacroEnabled.main+xml</sheetData>")
                    .getBytes(charset);
            for (int chunk : new int[] {1, 7, 8192}) {
                XmlPartScan scan = new XmlPartScan(true);
                for (int at = 0; at < bytes.length; at += chunk) {
                    byte[] part = Arrays.copyOfRange(bytes, at, Math.min(bytes.length, at + chunk));
                    scan.feed(part, part.length);
                }
                assertThat(scan.declaresEntities())
                        .as(charset + " in chunks of " + chunk)
                        .isTrue();
                assertThat(scan.mentionsMacros())
                        .as(charset + " in chunks of " + chunk)
                        .isTrue();
            }
        }
        XmlPartScan clean = scan("<?xml version=\"1.0\"?><sheetData>" + rows + "</sheetData>");
        assertThat(clean.declaresEntities()).isFalse();
        assertThat(clean.mentionsMacros()).isFalse();
    }

    private static XmlPartScan scan(String text) {
        return scan(text, StandardCharsets.UTF_8);
    }

    private static XmlPartScan scan(String text, Charset charset) {
        byte[] bytes = text.getBytes(charset);
        XmlPartScan scan = new XmlPartScan(true);
        scan.feed(bytes, bytes.length);
        return scan;
    }
}
