package sunshine.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import sunshine.ActingAs;
import sunshine.Fixtures;
import sunshine.Logins;
import sunshine.PlatformTest;
import sunshine.publicity.NoticeMode;
import sunshine.publicity.PublicLinks;

/**
 * The term on the notice (R27) is the bank's setting (approval settings; 36 months only when the bank set none), on
 * every place the notice is shown: the staff page, the poster PDF and the public page in Chinese and in English. A
 * posted notice keeps the term it was posted with.
 */
@PlatformTest
class NoticeTermTest extends ApprovalTestBase {

    @Autowired
    ApprovalSettings settings;

    @Autowired
    PublicLinks links;

    private long bank() {
        return new Fixtures(jdbc).bank(BANK);
    }

    private void setTerm(int months) throws Exception {
        long bank = bank();
        ActingAs.call(
                mvc,
                "ho_credit",
                () -> settings.save(
                        NoticeMode.PUBLIC,
                        5,
                        months,
                        settings.of(bank).version(),
                        settings.chain(bank).stages()));
    }

    @AfterEach
    void defaultSettings() {
        jdbc.sql("delete from approval_setting where bank_id = :b")
                .param("b", bank())
                .update();
        jdbc.sql("delete from approval_stage where bank_id = :b")
                .param("b", bank())
                .update();
    }

    private String publicPage(long area, String lang) throws Exception {
        return mvc.perform(get("/p/" + links.tokenFor(area)).param("lang", lang).with(r -> {
                    r.setRemoteAddr("10.8." + (System.nanoTime() % 250) + ".9");
                    return r;
                }))
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    @Test
    void theNoticeShowsTheBanksTerm_onThePagesAndThePoster_andKeepsItAfterTheSettingChanges() throws Exception {
        assertThat(settings.of(bank()).termMonths()).isEqualTo(36); // no row: the V24 default
        setTerm(24);
        var hs = fx.freshHouseholds(BANK, "B01", 1);
        throughTheChain("B01", hs, List.of("33000"));
        long area = hs.get(0).areaId();
        Notice n = postToday("B01", area);
        assertThat(n.termMonths()).isEqualTo(24);
        setTerm(12); // later changes do not rewrite what was posted

        String zh = publicPage(area, "zh_CN");
        assertThat(zh)
                .contains(hs.get(0).name())
                .contains("24 个月")
                .doesNotContain("36 个月")
                .doesNotContain("months");
        String en = publicPage(area, "en");
        assertThat(en).contains(hs.get(0).name()).contains("24 months").doesNotContain("个月");

        MockHttpSession am1 = Logins.as(mvc, "b01_am1");
        String staffPage = mvc.perform(get("/approval/notices/" + n.id()).session(am1))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(staffPage).contains("24 个月");

        byte[] pdf = mvc.perform(
                        get("/approval/notices/" + n.id() + "/poster.pdf").session(am1))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("24个月").doesNotContain("36个月").doesNotContain("12个月");
        }
    }
}
