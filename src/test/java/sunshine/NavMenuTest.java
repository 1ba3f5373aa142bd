package sunshine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The main menu is rendered once per set of roles and language and kept (NavMenu): whoever asks first, each person
 * still gets the menus of their own roles, in their own language, with their own name, and a logout form whose CSRF
 * token belongs to their own session.
 */
@PlatformTest
class NavMenuTest {

    static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MessageSource messages;

    @Test
    void eachPersonGetsTheMenuOfTheirRoles_inTheirLanguage_withTheirNameAndTheirOwnToken() throws Exception {
        MockHttpSession audit = Logins.as(mvc, "ho_audit");
        MockHttpSession manager = Logins.as(mvc, "b01_am1");
        String auditName = name("ho_audit");
        String managerName = name("b01_am1");

        // the audit log is in head office audit's menu, not in an account manager's, in whichever order they come
        String first = page(audit, "zh_CN");
        String second = page(manager, "zh_CN");
        String third = page(audit, "zh_CN");
        assertThat(first).contains("href=\"/audit\"").contains(auditName);
        assertThat(second)
                .doesNotContain("href=\"/audit\"")
                .contains(managerName)
                .doesNotContain(auditName);
        assertThat(third).contains("href=\"/audit\"").contains(auditName).doesNotContain(managerName);

        // the menu's words follow the language asked for
        String english = page(manager, "en");
        assertThat(english)
                .contains(messages.getMessage("nav.organisation", null, Locale.ENGLISH))
                .doesNotContain(messages.getMessage("nav.organisation", null, Locale.SIMPLIFIED_CHINESE));
        assertThat(second).contains(messages.getMessage("nav.organisation", null, Locale.SIMPLIFIED_CHINESE));

        // the logout form carries the session's own token: another session's is refused, one's own signs out
        String managerToken = token(second);
        assertThat(mvc.perform(post("/logout").session(audit).param("_csrf", managerToken))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(403);
        MockHttpServletResponse out = mvc.perform(
                        post("/logout").session(manager).param("_csrf", managerToken))
                .andReturn()
                .getResponse();
        assertThat(out.getRedirectedUrl()).isEqualTo("/login?logout");
    }

    private String page(MockHttpSession session, String lang) throws Exception {
        // pages take the language from ?lang= (then a cookie), as the layout's switch sends it
        MockHttpServletResponse r = mvc.perform(
                        get("/dashboard/coverage?lang=" + lang).session(session))
                .andReturn()
                .getResponse();
        assertThat(r.getStatus()).isEqualTo(200);
        r.setCharacterEncoding("UTF-8");
        return r.getContentAsString();
    }

    private String name(String username) {
        return jdbc.sql("select s.name from user_account u join staff s on s.id = u.staff_id where u.username = :u")
                .param("u", username)
                .query(String.class)
                .single();
    }

    private static String token(String page) {
        Matcher m = CSRF.matcher(page);
        assertThat(m.find()).as("a CSRF token on the page").isTrue();
        return m.group(1);
    }
}
