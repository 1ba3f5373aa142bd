package sunshine.review.booklet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import sunshine.transfer.pdf.CjkFont;

/** The printed booklet (R16): pages, covers, repeated header, numbering, version, font, own household (R13). */
class BookletPdfTest {

    final BookletPdf pdf = new BookletPdf(CjkFont.get());

    @Test
    void oneHousehold_isACoverAndOneTablePage_numberedOneAndTwoOfTwo() throws Exception {
        BookletContent c = SampleBooklet.of(1);
        try (PDDocument doc = render(c, 1)) {
            assertThat(doc.getNumberOfPages()).isEqualTo(2);
            assertThat(pageText(doc, 1))
                    .contains("第 1 页 / 共 2 页")
                    .contains("填写说明")
                    .contains("第 1 册");
            assertThat(pageText(doc, 2))
                    .contains("第 2 页 / 共 2 页")
                    .contains("联系电话")
                    .contains("王秀英");
        }
    }

    @Test
    void noHouseholds_stillPrintsTheCoverAndAnEmptyTableSayingSo() throws Exception {
        try (PDDocument doc = render(SampleBooklet.of(0), 2)) {
            assertThat(doc.getNumberOfPages()).isEqualTo(2);
            assertThat(pageText(doc, 2)).contains("还没有已建档的家庭");
        }
    }

    @Test
    void fourHundredHouseholds_everyPageNumberedOfTheTotal_headerRepeated_versionOnEveryPage() throws Exception {
        BookletContent c = SampleBooklet.of(400);
        BookletPdf.Prepared p = pdf.prepare(c);
        try (PDDocument doc = render(c, 2)) {
            int pages = doc.getNumberOfPages();
            assertThat(pages).isEqualTo(p.pages());
            // at least 40 pt of writing room per household: no more than 12 rows on a page
            assertThat(pages).isGreaterThan(1 + 400 / 12);
            for (int i = 1; i <= pages; i++) {
                String text = pageText(doc, i);
                assertThat(text).as("page " + i).contains("第 " + i + " 页 / 共 " + pages + " 页");
                assertThat(text).as("page " + i).contains("P42-V3-C2");
                if (i > 1) {
                    assertThat(text)
                            .as("page " + i)
                            .contains("序")
                            .contains("联系电话")
                            .contains("备注");
                }
            }
            String all = new PDFTextStripper().getText(doc);
            for (BookletContent.Row r : c.rows()) {
                assertThat(all).contains(r.representative()).contains(r.phone());
            }
            // the masked ID, never a full one
            assertThat(all.replaceAll("\\s", "")).contains("3701**********0400");
        }
    }

    @Test
    void coverNamesBankBranchPanelMemberAndCopy_withTheIncomeGuidanceOfR17() throws Exception {
        try (PDDocument doc = render(SampleBooklet.of(3), 4)) {
            String cover = pageText(doc, 1);
            assertThat(cover)
                    .contains("章丘农商银行")
                    .contains("明水支行")
                    .contains("东关村评议小组")
                    .contains("刘海燕")
                    .contains("第 4 册")
                    .contains("共 5 册")
                    .contains("1.1 倍到 1.5 倍")
                    .contains("背靠背")
                    .contains("P42-V3-C4");
        }
    }

    @Test
    void theMembersOwnHouseholdIsShadedAndRecusedInTheirCopyOnly() throws Exception {
        BookletContent c = SampleBooklet.of(5);
        for (int copy = 1; copy <= 5; copy++) {
            try (PDDocument doc = render(c, copy)) {
                String table = pageText(doc, 2);
                // copy 3 belongs to 赵志强, whose household is row 2 (household 1002)
                assertThat(table.contains("本人家庭 · 回避")).as("copy " + copy).isEqualTo(copy == 3);
            }
        }
    }

    @Test
    void a4Landscape_withNotoSansScEmbeddedAsASubset() throws Exception {
        try (PDDocument doc = render(SampleBooklet.of(20), 1)) {
            PDPage page = doc.getPage(1);
            assertThat(page.getMediaBox().getWidth()).isCloseTo(841.89f, org.assertj.core.data.Offset.offset(0.5f));
            assertThat(page.getMediaBox().getHeight()).isCloseTo(595.28f, org.assertj.core.data.Offset.offset(0.5f));
            List<PDFont> fonts = new ArrayList<>();
            for (COSName n : page.getResources().getFontNames()) {
                fonts.add(page.getResources().getFont(n));
            }
            assertThat(fonts).isNotEmpty().allSatisfy(f -> {
                assertThat(f.getName()).contains("NotoSansSC");
                assertThat(f.isEmbedded()).isTrue();
            });
        }
    }

    @Test
    void charactersTheFontLacksAreReplaced_notAnError() throws Exception {
        BookletContent c = SampleBooklet.of(1);
        BookletContent.Row odd = new BookletContent.Row(
                1, 1001, "王\uD840\uDC0B", List.of("李四（配偶）"), "3701**********0001", "某村\u0007一组", "13800000001");
        BookletContent withOdd = new BookletContent(
                c.bankName(),
                c.branchName(),
                c.panelId(),
                c.panelName(),
                c.version(),
                c.printedOn(),
                c.copies(),
                List.of(odd));
        try (PDDocument doc = render(withOdd, 1)) {
            assertThat(pageText(doc, 2)).contains("王□");
        }
    }

    @Test
    void wrapping_keepsClosingPunctuationOffTheStartOfALine() {
        List<String> lines = pdf.wrap("黄桂兰（儿媳女婿）", 40, 11);
        assertThat(lines).hasSizeGreaterThan(1);
        assertThat(lines).noneMatch(l -> l.startsWith("）"));
        assertThat(String.join("", lines)).isEqualTo("黄桂兰（儿媳女婿）");
    }

    private PDDocument render(BookletContent c, int copy) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        pdf.write(pdf.prepare(c), copy, out);
        return Loader.loadPDF(out.toByteArray());
    }

    private static String pageText(PDDocument doc, int page) throws Exception {
        PDFTextStripper s = new PDFTextStripper();
        s.setStartPage(page);
        s.setEndPage(page);
        return s.getText(doc);
    }
}
