package sunshine.credit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import sunshine.Logins;
import sunshine.PlatformTest;
import sunshine.shared.Today;

/** Every credit page renders for the roles that use it, in both languages, without untranslated keys or full IDs. */
@PlatformTest
class CreditPagesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate tx;

    @Test
    void pagesRenderForEachRole() throws Exception {
        CreditFixture fx = new CreditFixture(jdbc, events, tx);
        CreditFixture.Household h = fx.household("B01");
        fx.approve(h, "30000", "AA", Today.date().minusDays(1));
        CreditFixture.Household waiting = fx.household("B01");
        fx.approve(waiting, "20000", "A", Today.date().plusDays(2));
        MockHttpSession am = Logins.as(mvc, "b01_am1");
        MockHttpServletResponse signed = mvc.perform(post("/credit/contracts")
                        .session(am)
                        .with(csrf())
                        .param("householdId", "" + h.id())
                        .param("termMonths", "36"))
                .andReturn()
                .getResponse();
        assertThat(signed.getStatus()).isEqualTo(302);
        String lineUrl = signed.getRedirectedUrl();
        assertThat(lineUrl).startsWith("/credit/lines/");
        long area = h.areaId();
        List<String> pages = List.of(
                "/credit",
                lineUrl,
                "/credit/certificates",
                "/credit/certificates/" + area,
                "/credit/adjustments",
                "/credit/reviews",
                "/credit/incentives");
        for (String user : List.of("b01_am1", "b01_head", "b01_acct", "ho_bd", "ho_credit", "ho_audit")) {
            MockHttpSession s = Logins.as(mvc, user);
            for (String lang : List.of("zh_CN", "en")) {
                for (String url : pages) {
                    MockHttpServletResponse res = mvc.perform(
                                    get(url).param("lang", lang).session(s))
                            .andReturn()
                            .getResponse();
                    String body = res.getContentAsString(StandardCharsets.UTF_8);
                    assertThat(res.getStatus()).as(user + " " + url).isEqualTo(200);
                    assertThat(body).as(user + " " + url).doesNotContain("??").doesNotContain(h.residentId());
                }
            }
        }
        // the branch of another township sees neither the line nor the area's list
        MockHttpSession other = Logins.as(mvc, "b02_head");
        assertThat(mvc.perform(get(lineUrl).session(other))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);
        assertThat(mvc.perform(get("/credit/certificates/" + area).session(other))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);
        // a refusal lands on the page in the user's language with the date it becomes possible
        MockHttpServletResponse early = mvc.perform(
                        post("/credit/contracts").session(am).with(csrf()).param("householdId", "" + waiting.id()))
                .andReturn()
                .getResponse();
        assertThat(early.getRedirectedUrl()).isEqualTo("/credit");
        String shown = mvc.perform(get("/credit")
                        .session(am)
                        .flashAttrs(java.util.Map.of("errorKey", "credit.error.notYet", "errorArgs", new Object[] {
                            Today.date().plusDays(2).toString(), "x"
                        })))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(shown).contains(Today.date().plusDays(2).toString()).contains("公示期未满");
    }
}
