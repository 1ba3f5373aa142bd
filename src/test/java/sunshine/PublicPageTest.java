package sunshine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import sunshine.publicity.PublicLinks;

/** An area's public page (R27, R35) and complaints from the public (R33): no login, no personal data, rate-limited. */
@PlatformTest
class PublicPageTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PublicLinks links;

    Fixtures fx;
    long area;
    String token;

    @BeforeEach
    void area() {
        fx = new Fixtures(jdbc);
        // a B01 village with filed customers (the demo files ~3000 people in B01-B03)
        area = jdbc.sql("""
                select c.area_id from customer c join area a on a.id = c.area_id
                 where a.branch_id = :b and a.manager_id is not null group by c.area_id order by count(*) desc limit 1""")
                .param("b", fx.branch("ZQRCB", "B01"))
                .query(Long.class)
                .single();
        token = links.tokenFor(area);
    }

    private static MockHttpServletRequestBuilder from(MockHttpServletRequestBuilder b, String ip) {
        return b.with(r -> {
            r.setRemoteAddr(ip);
            return r;
        });
    }

    @Test
    void thePageOpensWithoutLogin_andShowsTermsManagersAndPhones_butNoCustomerData() throws Exception {
        MockHttpServletResponse res =
                mvc.perform(from(get("/p/" + token), "10.1.0.1")).andReturn().getResponse();
        assertThat(res.getStatus()).isEqualTo(200);
        String page = res.getContentAsString();
        String areaName = jdbc.sql("select name from area where id = :a")
                .param("a", area)
                .query(String.class)
                .single();
        var manager = jdbc.sql("select s.name, s.staff_no, s.phone from area a join staff s on s.id = a.manager_id"
                        + " where a.id = :a")
                .param("a", area)
                .query((rs, n) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3)))
                .single();
        // the demo bank's terms v1: complaint phone and the AA rate of 4.85%
        assertThat(page)
                .contains("章丘农商银行")
                .contains(areaName)
                .contains(manager.get(0))
                .contains(manager.get(1))
                .contains(manager.get(2))
                .contains("0531-83212345")
                .contains("4.85%")
                .doesNotContain("<script");
        // no customer's resident ID or phone (R27: nothing beyond what the notice allows)
        assertThat(Pattern.compile("\\d{17}[\\dX]").matcher(page).find()).isFalse();
        List<String> phones = jdbc.sql("select phone from customer where area_id = :a and phone is not null")
                .param("a", area)
                .query(String.class)
                .list();
        assertThat(phones).isNotEmpty();
        phones.forEach(p -> assertThat(page).doesNotContain(p));
        // INTERNAL mode (the demo bank's policy): no notice section, no amount
        assertThat(page).doesNotContain("id=\"notice\"").doesNotContain("元");

        String en = mvc.perform(from(get("/p/" + token + "?lang=en"), "10.1.0.1"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(en).contains("Loan conditions");
        assertThat(mvc.perform(from(get("/p/AAAAAAAAAAAAAAAA"), "10.1.0.1"))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);
        // the area id is not a link
        assertThat(mvc.perform(from(get("/p/" + area), "10.1.0.1"))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);
    }

    /** The question and signed field of the page; answer = the sum, or a wrong one. */
    private MockHttpServletResponse complain(String ip, boolean rightAnswer, String content) throws Exception {
        String page = mvc.perform(from(get("/p/" + token), ip))
                .andReturn()
                .getResponse()
                .getContentAsString();
        Matcher q = Pattern.compile("(\\d+) \\+ (\\d+) = \\?").matcher(page);
        assertThat(q.find()).isTrue();
        int sum = Integer.parseInt(q.group(1)) + Integer.parseInt(q.group(2));
        Matcher t =
                Pattern.compile("name=\"challengeToken\" value=\"([^\"]+)\"").matcher(page);
        assertThat(t.find()).isTrue();
        return mvc.perform(from(post("/p/" + token + "/complaint"), ip)
                        .with(csrf())
                        .param("kind", "OBJECTION")
                        .param("content", content)
                        .param("phone", "13912345678")
                        .param("challengeToken", t.group(1))
                        .param("answer", String.valueOf(rightAnswer ? sum : sum + 1)))
                .andReturn()
                .getResponse();
    }

    private long complaintsWith(String content) {
        return jdbc.sql(
                        "select count(*) from complaint where content = :c and area_id = :a and channel = 'PUBLIC_PAGE'")
                .param("c", content)
                .param("a", area)
                .query(Long.class)
                .single();
    }

    @Test
    void aComplaintWithTheRightAnswerEntersTheLog_aWrongAnswerIsRefused() throws Exception {
        String content = "公开页面测试：评议不公 " + System.nanoTime();
        MockHttpServletResponse wrong = complain("10.2.0.1", false, content);
        assertThat(wrong.getStatus()).isEqualTo(400);
        assertThat(wrong.getContentAsString()).contains("计算题答案不对");
        assertThat(complaintsWith(content)).isZero();

        MockHttpServletResponse ok = complain("10.2.0.1", true, content);
        assertThat(ok.getStatus()).isEqualTo(200);
        assertThat(ok.getContentAsString()).contains("已收到您的反映");
        assertThat(complaintsWith(content)).isEqualTo(1);
        long id = jdbc.sql("select id from complaint where content = :c")
                .param("c", content)
                .query(Long.class)
                .single();

        // the staff log of B01 shows it (phone masked in the list); B02's head neither lists nor opens it
        var b01 = Logins.as(mvc, "b01_head");
        String log = mvc.perform(get("/complaints").session(b01))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(log).contains(content).contains("139****5678").doesNotContain("13912345678");
        var b02 = Logins.as(mvc, "b02_head");
        String other = mvc.perform(get("/complaints").session(b02))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(other).doesNotContain(content);
        assertThat(mvc.perform(get("/complaints/" + id).session(b02))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);
        // account managers do not read the log (complaints are often about them)
        var am = Logins.as(mvc, "b01_am1");
        assertThat(mvc.perform(get("/complaints").session(am))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(403);

        // worked step by step: it cannot be closed before it was assigned and followed up (R33)
        long amId = fx.staffOf("b01_am1");
        step(b01, id, "CLOSED", null, "直接办结");
        assertThat(status(id)).isEqualTo("RECEIVED");
        step(b01, id, "ASSIGNED", amId, null);
        assertThat(status(id)).isEqualTo("ASSIGNED");
        step(b01, id, "FOLLOWED_UP", null, "已入户核实");
        step(b01, id, "CLOSED", null, "已答复反映人");
        assertThat(status(id)).isEqualTo("CLOSED");
        String detail = mvc.perform(get("/complaints/" + id).session(b01))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(detail).contains("13912345678").contains("已入户核实").contains("已答复反映人");
    }

    private void step(
            org.springframework.mock.web.MockHttpSession s, long id, String status, Long assignee, String note)
            throws Exception {
        var req = post("/complaints/" + id + "/steps").session(s).with(csrf()).param("status", status);
        if (assignee != null) {
            req.param("assigneeId", String.valueOf(assignee));
        }
        if (note != null) {
            req.param("note", note);
        }
        assertThat(mvc.perform(req).andReturn().getResponse().getStatus()).isEqualTo(302);
    }

    private String status(long id) {
        return jdbc.sql("select status from complaint where id = :id")
                .param("id", id)
                .query(String.class)
                .single();
    }

    @Test
    void tooManyComplaintsFromOneAddressAnswer429InChinese() throws Exception {
        String content = "限流测试 " + System.nanoTime();
        for (int i = 0; i < 5; i++) {
            assertThat(complain("10.3.0.1", true, content).getStatus()).isEqualTo(200);
        }
        MockHttpServletResponse sixth = complain("10.3.0.1", true, content);
        assertThat(sixth.getStatus()).isEqualTo(429);
        assertThat(sixth.getContentAsString()).contains("请求过于频繁");
        assertThat(complaintsWith(content)).isEqualTo(5);
        // another address is not limited
        assertThat(complain("10.3.0.2", true, content).getStatus()).isEqualTo(200);
        // page views too: 60 a minute per address
        int last = 0;
        for (int i = 0; i < 61; i++) {
            last = mvc.perform(from(get("/p/" + token), "10.3.0.3"))
                    .andReturn()
                    .getResponse()
                    .getStatus();
        }
        assertThat(last).isEqualTo(429);
    }
}
