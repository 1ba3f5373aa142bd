package sunshine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import sunshine.publicity.PublicLinks;

/** The printed poster, open letter and proposal of a village (R34): bank, village, manager, and the poster's QR code. */
@PlatformTest
class PublicityPrintTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PublicLinks links;

    @Test
    void eachMaterialNamesBankVillageAndManager_andThePosterQrLeadsToThePublicPage() throws Exception {
        Fixtures fx = new Fixtures(jdbc);
        long area = jdbc.sql("select min(id) from area where branch_id = :b and manager_id is not null")
                .param("b", fx.branch("ZQRCB", "B01"))
                .query(Long.class)
                .single();
        var expected = jdbc.sql("select a.name, s.name, s.staff_no from area a join staff s on s.id = a.manager_id"
                        + " where a.id = :a")
                .param("a", area)
                .query((rs, n) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3)))
                .single();
        var session = Logins.as(mvc, "b01_head");
        for (String kind : List.of("poster", "letter", "proposal")) {
            MockHttpServletResponse res = mvc.perform(get("/publicity/areas/" + area + "/" + kind + ".pdf")
                            .session(session))
                    .andReturn()
                    .getResponse();
            assertThat(res.getStatus()).as(kind).isEqualTo(200);
            assertThat(res.getContentType()).isEqualTo("application/pdf");
            try (PDDocument doc = Loader.loadPDF(res.getContentAsByteArray())) {
                String text = new PDFTextStripper().getText(doc);
                assertThat(text)
                        .as(kind)
                        .contains("章丘农商银行")
                        .contains(expected.get(0))
                        .contains(expected.get(1))
                        .contains(expected.get(2));
                if (kind.equals("poster")) {
                    assertThat(text).contains("4.85%").contains("0531-83212345");
                    BufferedImage img = new PDFRenderer(doc).renderImageWithDPI(0, 150);
                    int[] px = img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth());
                    var bitmap = new BinaryBitmap(
                            new HybridBinarizer(new RGBLuminanceSource(img.getWidth(), img.getHeight(), px)));
                    String url = new QRCodeReader().decode(bitmap).getText();
                    assertThat(url).isEqualTo("http://localhost/p/" + links.tokenFor(area));
                }
                if (kind.equals("letter")) {
                    assertThat(text).contains("致客户的公开信");
                }
                if (kind.equals("proposal")) {
                    assertThat(text).contains("倡");
                }
            }
        }
        // another branch's head: like a missing area
        var b02 = Logins.as(mvc, "b02_head");
        assertThat(mvc.perform(get("/publicity/areas/" + area + "/poster.pdf").session(b02))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);
    }
}
