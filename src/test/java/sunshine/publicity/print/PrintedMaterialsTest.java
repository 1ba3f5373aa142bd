package sunshine.publicity.print;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import sunshine.publicity.GradeRate;
import sunshine.publicity.PublicArea;
import sunshine.publicity.TermsVersion;

/**
 * The village prints (R34) drawn through the shared PdfDoc writer: one sheet each without a page-number footer, every
 * line of the published terms on the poster, and no line of the letter starting with closing punctuation.
 */
class PrintedMaterialsTest {

    private static final PublicArea AREA = new PublicArea(
            1,
            1,
            "章丘农商银行",
            2,
            "明水支行",
            "0531-1234567",
            "明水路1号",
            "明秀村",
            "明水街道",
            "tok",
            List.of(
                    new PublicArea.Manager("张经理", "B0101", "13800000001"),
                    new PublicArea.Manager("李经理", "B0102", null)),
            List.of());

    private static final TermsVersion TERMS = new TermsVersion(
            1,
            1,
            3,
            LocalDate.of(2026, 1, 1),
            "年满18周岁至65周岁，具有完全民事行为能力；在本地有固定住所，从事合法生产经营\n无不良信用记录",
            "客户申请\n评议小组评议\n审批\n公示（不少于5天），接受群众监督\n签约发证",
            "不吃拿卡要，不收取任何额外费用\n群众反映的问题5个工作日内答复",
            "0531-83211111",
            "0531-83212345",
            "某人",
            Instant.parse("2026-01-01T00:00:00Z"),
            List.of(new GradeRate("AAA", new BigDecimal("4.85")), new GradeRate("B", new BigDecimal("6.50"))));

    private static String[] render(PrintKind kind) throws Exception {
        byte[] pdf = new PrintedMaterials()
                .render(kind, AREA, TERMS, "http://localhost/p/abcdefgh", LocalDate.of(2026, 11, 26));
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getNumberOfPages()).as(kind.name()).isEqualTo(1);
            return new PDFTextStripper().getText(doc).split("\\R");
        }
    }

    @Test
    void eachPrintIsOneSheet_withoutAPageFooter_andThePosterCarriesEveryTermsLine() throws Exception {
        for (PrintKind kind : PrintKind.values()) {
            String text = String.join("\n", render(kind));
            assertThat(text)
                    .as(kind.name())
                    .doesNotContain("第 1 页")
                    .contains("0531-83212345")
                    .contains("张经理");
        }
        String poster = String.join("\n", render(PrintKind.POSTER));
        assertThat(poster)
                .contains("“阳光信贷”公示")
                .contains("无不良信用记录")
                .contains("5. 签约发证")
                .contains("4.85%")
                .contains("6.50%")
                .contains("以上条款第 3 版，自 2026-01-01 起执行。");
    }

    @Test
    void noLineOfTheLetterStartsWithClosingPunctuation() throws Exception {
        String[] lines = render(PrintKind.LETTER);
        assertThat(Arrays.stream(lines).filter(l -> !l.isEmpty()).map(l -> l.charAt(0)))
                .as(String.join("\n", lines))
                .doesNotContain('，', '。', '；', '）', '、', '”');
        assertThat(String.join("", lines)).contains("让大家不求人、不托关系就能贷到款，做到能不能贷");
    }
}
