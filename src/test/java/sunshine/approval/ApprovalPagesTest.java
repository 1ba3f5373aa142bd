package sunshine.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import sunshine.ActingAs;
import sunshine.Logins;
import sunshine.PlatformTest;

/** Every approval page renders for the roles that use it, in Chinese and English, without an untranslated key. */
@PlatformTest
class ApprovalPagesTest extends ApprovalTestBase {

    @Override
    protected String noticeMode() {
        return null; // the pages as the bank's policy has them
    }

    @Test
    void pagesRenderForEachRole_inBothLanguages() throws Exception {
        var h = fx.freshHouseholds("ZQRCB", "B01", 1);
        long id = fx.fix(h, List.of("20000")).get(0);
        ActingAs.call(mvc, "b01_am1", () -> cases.decide(id, DecisionCommand.approve(Stage.PROPOSAL, fx.version(id))));
        long area = h.get(0).areaId();
        for (String user : List.of("b01_am2", "b01_credit", "b01_head", "ho_credit", "ho_audit")) {
            MockHttpSession s = Logins.as(mvc, user);
            for (String url : List.of("/approval", "/approval/cases/" + id, "/approval/areas/" + area)) {
                for (String lang : List.of("zh_CN", "en")) {
                    MockHttpServletResponse res = mvc.perform(
                                    get(url).param("lang", lang).session(s))
                            .andReturn()
                            .getResponse();
                    assertThat(res.getStatus()).as(user + " " + url).isEqualTo(200);
                    String body = res.getContentAsString();
                    assertThat(body).as(user + " " + url).doesNotContain("??").doesNotContain("approval.");
                }
            }
        }
        MockHttpSession am2 = Logins.as(mvc, "b01_am2");
        String page = mvc.perform(
                        get("/approval/cases/" + id).param("lang", "en").session(am2))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("Account manager review").contains("Record decision");
        MockHttpSession ho = Logins.as(mvc, "ho_credit");
        for (String lang : List.of("zh_CN", "en")) {
            String settings = mvc.perform(
                            get("/approval/settings").param("lang", lang).session(ho))
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            assertThat(settings).doesNotContain("??").doesNotContain("approval.");
        }
        MockHttpSession entry = Logins.as(mvc, "b01_entry");
        assertThat(mvc.perform(get("/approval").session(entry))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(403);
    }
}
