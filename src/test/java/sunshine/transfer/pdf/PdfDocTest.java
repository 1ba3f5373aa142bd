package sunshine.transfer.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class PdfDocTest {

    @Test
    void aLongTableContinuesOnNewPagesWithItsHeaderAndEveryPageIsNumbered() throws IOException {
        List<List<String>> rows = new ArrayList<>();
        for (int i = 1; i <= 120; i++) {
            rows.add(List.of("户主" + i, "明水街道明秀村第" + i + "组", String.format("%,d", i * 1000)));
        }
        byte[] bytes;
        try (PdfDoc doc = PdfDoc.portrait("预授信公示", "章丘农商银行")) {
            bytes = doc.title("阳光信贷预授信公示")
                    .paragraph("下列农户经评议小组背对背评议、银行审查审批，拟给予预授信额度。")
                    .table(
                            List.of(
                                    PdfDoc.col("户主", 2),
                                    PdfDoc.col("地址", 4),
                                    PdfDoc.col("金额（元）", 2).right()),
                            rows)
                    .signatures("客户经理", "日期")
                    .toBytes();
        }
        java.nio.file.Files.createDirectories(java.nio.file.Path.of("target"));
        java.nio.file.Files.write(java.nio.file.Path.of("target/pdfdoc-sample.pdf"), bytes);
        try (PDDocument pdf = Loader.loadPDF(bytes)) {
            int pages = pdf.getNumberOfPages();
            assertThat(pages).as("120 rows do not fit one A4 page").isGreaterThan(2);
            assertThat(pdf.getDocumentInformation().getTitle()).isEqualTo("预授信公示");
            String all = new PDFTextStripper().getText(pdf);
            assertThat(all).contains("阳光信贷预授信公示", "户主1", "户主120", "120,000");
            for (int p = 1; p <= pages; p++) {
                PDFTextStripper page = new PDFTextStripper();
                page.setStartPage(p);
                page.setEndPage(p);
                String text = page.getText(pdf);
                assertThat(text).as("page " + p).contains("第 " + p + " 页 / 共 " + pages + " 页");
                assertThat(text).as("header on page " + p).contains("金额（元）");
            }
        }
    }

    @Test
    void closingPunctuationNeverStartsALineAndNothingIsLost() {
        String text = "下列农户经评议小组背对背评议，银行审查审批，拟给予预授信额度。如有异议，请在公示期内向监督电话反映。";
        try (PdfDoc doc = PdfDoc.portrait("t", "a")) {
            for (float width = 40; width < 400; width += 7) {
                List<String> lines = doc.wrap(text, width, 10.5f);
                assertThat(String.join("", lines)).isEqualTo(text);
                for (String l : lines.subList(1, lines.size())) {
                    assertThat(l).as("width " + width).doesNotStartWith("，").doesNotStartWith("。");
                }
            }
        }
    }

    @Test
    void aDocumentClosedAfterAnErrorGivesItsFontBack() {
        // more documents than the pool holds fonts: a font kept by an abandoned document would make this wait
        for (int i = 0; i < 3 * Math.max(2, Runtime.getRuntime().availableProcessors()); i++) {
            try (PdfDoc doc = PdfDoc.landscape("t", "a")) {
                doc.heading("h");
            }
        }
        try (PdfDoc doc = PdfDoc.portrait("t", "a")) {
            assertThat(doc.paragraph("完").toBytes()).isNotEmpty();
        }
    }
}
