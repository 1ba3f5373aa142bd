package sunshine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import sunshine.demo.DemoBank;
import tools.jackson.databind.json.JsonMapper;

/** Login and sessions (foundation issue, point 7). */
@PlatformTest
class LoginTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    @Test
    void aCorrectPasswordSignsIn_withANewSessionId() throws Exception {
        MockHttpSession before = new MockHttpSession();
        String oldId = before.getId();
        var result = mvc.perform(formLogin("/login")
                        .user("b03_am1")
                        .password(DemoBank.PASSWORD)
                        .userParameter("username"))
                .andExpect(redirectedUrl("/"))
                .andReturn();
        assertThat(result.getRequest().getSession().getId()).isNotEqualTo(oldId);
        assertThat(jdbc.sql("select last_login_at is not null from user_account where username = 'b03_am1'")
                        .query(Boolean.class)
                        .single())
                .isTrue();
    }

    @Test
    void passwordsAreStoredHashed() {
        String hash = jdbc.sql("select password_hash from user_account where username = 'admin'")
                .query(String.class)
                .single();
        assertThat(hash).startsWith("$2").doesNotContain(DemoBank.PASSWORD);
    }

    @Test
    void fiveWrongPasswordsLockTheAccount_andTheAnswerLooksLikeAnUnknownUser() throws Exception {
        String user = "b18_am1";
        for (int i = 0; i < 5; i++) {
            mvc.perform(formLogin("/login").user(user).password("wrong-" + i)).andExpect(redirectedUrl("/login?error"));
        }
        // now even the right password is refused, with the same answer as for a user that does not exist
        mvc.perform(formLogin("/login").user(user).password(DemoBank.PASSWORD))
                .andExpect(redirectedUrl("/login?error"));
        mvc.perform(formLogin("/login").user("nobody-at-all").password(DemoBank.PASSWORD))
                .andExpect(redirectedUrl("/login?error"));
        long minutes = jdbc.sql("select round(extract(epoch from locked_until - now()) / 60) from user_account"
                        + " where username = :u")
                .param("u", user)
                .query(Long.class)
                .single();
        assertThat(minutes).isBetween(14L, 15L);
        // the administrator unlocks it, and the right password works again
        jdbc.sql("update user_account set locked_until = null where username = :u")
                .param("u", user)
                .update();
        mvc.perform(formLogin("/login").user(user).password(DemoBank.PASSWORD)).andExpect(redirectedUrl("/"));
    }

    @Test
    void fourWrongPasswordsDoNotLock() throws Exception {
        String user = "b17_am1";
        for (int i = 0; i < 4; i++) {
            mvc.perform(formLogin("/login").user(user).password("wrong")).andExpect(redirectedUrl("/login?error"));
        }
        mvc.perform(formLogin("/login").user(user).password(DemoBank.PASSWORD)).andExpect(redirectedUrl("/"));
    }

    @Test
    void formsWithoutACsrfTokenAreRefused() throws Exception {
        MockHttpSession session = Logins.as(mvc, "admin");
        mvc.perform(post("/org/staff").session(session).param("name", "x")).andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/staff")
                        .session(session)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .andExpect(status().isForbidden());
    }

    @Test
    void pagesNeedALogin() throws Exception {
        mvc.perform(get("/org/staff").accept(MediaType.TEXT_HTML)).andExpect(redirectedUrl("/login"));
        mvc.perform(get("/api/v1/staff").accept(MediaType.APPLICATION_JSON))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.status").value(401));
    }

    @Test
    void apiTokensWorkAsBearer_untilRevoked_andAreStoredHashed() throws Exception {
        MockHttpSession session = Logins.as(mvc, "b04_head");
        String created = mvc.perform(post("/api/v1/tokens")
                        .session(session)
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"夜间脚本\",\"days\":30}"))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        var node = json.readTree(created);
        String secret = node.get("secret").asText();
        long id = node.get("token").get("id").asLong();
        assertThat(secret).startsWith("sct_");
        assertThat(jdbc.sql("select count(*) from api_token where token_hash = :s or token_prefix = :s")
                        .param("s", secret)
                        .query(Long.class)
                        .single())
                .isZero();

        // no session, no CSRF: the token alone
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + secret))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.user.username").value("b04_head"));
        mvc.perform(post("/api/v1/staff/" + new Fixtures(jdbc).staffOf("b04_am1") + "/deactivate")
                        .header("Authorization", "Bearer " + secret))
                .andExpect(status().isOk());
        mvc.perform(post("/api/v1/staff/" + new Fixtures(jdbc).staffOf("b04_am1") + "/activate")
                        .header("Authorization", "Bearer " + secret))
                .andExpect(status().isOk());

        mvc.perform(post("/me/tokens/" + id + "/revoke").session(session).with(csrf()))
                .andExpect(redirectedUrl("/me"));
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + secret))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.status").value(401));
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer sct_made-up"))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void aDeactivatedStaffMemberCannotSignIn() throws Exception {
        long id = new Fixtures(jdbc).staffOf("b16_am1");
        jdbc.sql("update staff set active = false where id = :id")
                .param("id", id)
                .update();
        try {
            mvc.perform(formLogin("/login").user("b16_am1").password(DemoBank.PASSWORD))
                    .andExpect(redirectedUrl("/login?error"));
        } finally {
            jdbc.sql("update staff set active = true where id = :id")
                    .param("id", id)
                    .update();
        }
    }
}
