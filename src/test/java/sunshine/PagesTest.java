package sunshine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Every page renders for every kind of user, in Chinese and in English, with no untranslated message key;
 * pages a role may not use answer 403.
 */
@PlatformTest
class PagesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    sunshine.review.Booklets bookletService;

    @Test
    void everyPageRendersForEveryRoleInBothLanguages() throws Exception {
        Fixtures fx = new Fixtures(jdbc);
        long b01 = fx.branch("ZQRCB", "B01");
        long staff = fx.staffOf("b01_am1");
        long area = fx.firstArea(b01);
        List<String> common = List.of(
                "/",
                "/org/branches",
                "/org/staff",
                "/org/staff?branchId=" + b01 + "&sort=name",
                "/org/areas",
                "/org/areas?branchId=" + b01 + "&kind=VILLAGE&q=村&page=1",
                "/me",
                "/review/rules",
                "/review/calculator",
                // the example, and a household that goes back to its panel
                "/review/calculator?calculate=1&s1=50000&s2=60000&s3=60000&s4=70000&s5=90000"
                        + "&a1=1&a2=1&a3=1&a4=1&a5=1&l1=0&l2=0&l3=0&l4=0&l5=0&g1=1&g2=1&g3=1&g4=1&g5=1"
                        + "&n1=40000&n2=40000&n3=40000&n4=40000&n5=40000&age=40&type=FARMER&residence=LOCAL&members=3",
                "/review/calculator?calculate=1&s1=1&n1=1&dnr2=on&own3=on&s3=5");
        Map<String, List<String>> allowedOnlyFor = new java.util.LinkedHashMap<>(Map.of(
                "/audit",
                List.of("admin", "ho_audit"),
                "/org/branches/new",
                List.of("admin"),
                "/org/branches/" + b01 + "/edit",
                List.of("admin"),
                "/org/staff/new",
                List.of("admin", "b01_head"),
                "/org/staff/" + staff + "/edit",
                List.of("admin", "b01_head"),
                "/org/staff/" + staff + "/account",
                List.of("admin", "b01_head"),
                "/org/areas/new?branchId=" + b01,
                List.of("admin", "b01_head", "ho_bd"),
                "/org/areas/" + area + "/edit",
                List.of("admin", "b01_head", "ho_bd"),
                "/org/areas/import",
                List.of("admin", "b01_head", "ho_bd")));
        List<String> filing = List.of("ho_bd", "ho_audit", "b01_head", "b01_am1", "b01_entry");
        List<String> filers = List.of("ho_bd", "b01_head", "b01_am1", "b01_entry");
        for (String page : List.of(
                "/customers?sort=name", "/customers?q=zs", "/filing/coverage?by=AREA", "/filing/coverage?by=MANAGER")) {
            allowedOnlyFor.put(page, filing);
        }
        long customer = jdbc.sql("select min(id) from customer where branch_id = :b")
                .param("b", b01)
                .query(Long.class)
                .single();
        allowedOnlyFor.put("/customers/" + customer, filing);
        allowedOnlyFor.put("/filing/import", filers);
        allowedOnlyFor.put("/customers/new", filers);
        allowedOnlyFor.put("/filing/fields", List.of("admin", "ho_bd"));
        // panel module: everyone reads panels, plans, working groups and training; only some change them
        List<String> everyone = List.of("admin", "ho_bd", "ho_audit", "b01_head", "b01_am1", "b01_entry");
        long panel = jdbc.sql("select min(id) from panel where branch_id = :b and status = 'CONFIRMED'")
                .param("b", b01)
                .query(Long.class)
                .single();
        long training = jdbc.sql("select min(id) from training_session where branch_id = :b")
                .param("b", b01)
                .query(Long.class)
                .single();
        for (String page : List.of(
                "/panels",
                "/panels?branchId=" + b01 + "&status=CONFIRMED",
                "/panels/" + panel,
                "/panels/" + panel + "/notice",
                "/plans",
                "/plans?branchId=" + b01,
                "/plans/" + area,
                "/working-groups",
                "/working-groups/" + b01,
                "/trainings",
                "/trainings?branchId=" + b01,
                "/trainings/" + training)) {
            allowedOnlyFor.put(page, everyone);
        }
        List<String> editors = List.of("admin", "ho_bd", "b01_head", "b01_am1");
        allowedOnlyFor.put("/panels/new?branchId=" + b01, editors);
        allowedOnlyFor.put("/trainings/new?branchId=" + b01, editors);
        allowedOnlyFor.put("/working-groups/" + b01 + "/edit", List.of("admin", "ho_bd", "b01_head"));
        allowedOnlyFor.put("/plans/phases", List.of("admin", "ho_bd"));
        // booklets of a B01 panel (review module): whoever works with customers, not the IT administrator
        jdbc.sql("delete from panel where branch_id = :b and name = '页面测试小组'")
                .param("b", b01)
                .update();
        BookletFixture booklets = BookletFixture.of(jdbc, "ZQRCB");
        long bookletPanel = booklets.panel(b01, "页面测试小组", "CONFIRMED", area);
        booklets.seat(bookletPanel, 1, "页面测试", "CADRE", false, null);
        allowedOnlyFor.put("/panels/" + bookletPanel + "/booklets", filing);
        // checks: whoever sees the customer base reads them; branch heads and head office upload
        long snapshot = jdbc.sql("""
                        select min(s.id) from check_snapshot s join branch b on b.path = s.scope_path
                         where s.kind = 'LEDGER' and b.id = :b""").param("b", b01).query(Long.class).single();
        for (String page : List.of(
                "/checks",
                "/checks/households",
                "/checks/households?filter=CERTIFICATE",
                "/checks/snapshots/" + snapshot,
                "/checks/snapshots/" + snapshot + "?status=VALID")) {
            allowedOnlyFor.put(page, filing);
        }
        allowedOnlyFor.put("/checks/upload", List.of("ho_bd", "b01_head"));
        // entry and verification (review module): the copies' status for whoever sees booklets; keying a copy only
        // for data-entry staff
        allowedOnlyFor.put("/panels/" + bookletPanel + "/entry", filing);
        ActingAs.call(mvc, "b01_head", () -> bookletService.print(bookletPanel));
        allowedOnlyFor.put("/panels/" + bookletPanel + "/entry/1", List.of("b01_entry"));
        // publicity module: terms, coverage and an area's publicity for everyone; the complaint log for the heads,
        // supervisors and head office (not account managers, not the IT administrator); the public page for anyone
        long terms = jdbc.sql(
                        "select min(t.id) from published_terms t join bank k on k.id = t.bank_id where k.code = 'ZQRCB'")
                .query(Long.class)
                .single();
        for (String page : List.of(
                "/publicity/terms",
                "/publicity/terms?date=2020-01-01",
                "/publicity/terms/" + terms,
                "/publicity/coverage",
                "/publicity/coverage?branchId=" + b01,
                "/publicity/areas/" + area)) {
            allowedOnlyFor.put(page, everyone);
        }
        allowedOnlyFor.put("/publicity/terms/new", List.of("admin", "ho_bd"));
        jdbc.sql("""
                insert into complaint (bank_id, branch_id, area_id, channel, kind, phone, content)
                select bank_id, branch_id, id, 'PHONE', 'OBJECTION', '13800000000', '页面测试' from area where id = :a""").param("a", area).update();
        long complaint = jdbc.sql("select max(id) from complaint where area_id = :a")
                .param("a", area)
                .query(Long.class)
                .single();
        allowedOnlyFor.put("/complaints", List.of("ho_bd", "ho_audit", "b01_head"));
        allowedOnlyFor.put("/complaints?status=RECEIVED", List.of("ho_bd", "ho_audit", "b01_head"));
        allowedOnlyFor.put("/complaints/" + complaint, List.of("ho_bd", "ho_audit", "b01_head"));
        String token = jdbc.sql("""
                insert into area_public_link (area_id, bank_id, token) select id, bank_id, 'PagesTestToken00' from area
                 where id = :a on conflict (area_id) do update set area_id = excluded.area_id returning token""").param("a", area).query(String.class).single();
        allowedOnlyFor.put("/p/" + token, everyone);
        List<String> problems = new ArrayList<>();
        for (String user : List.of("admin", "ho_bd", "ho_audit", "b01_head", "b01_am1", "b01_entry")) {
            MockHttpSession session = Logins.as(mvc, user);
            for (String lang : List.of("zh_CN", "en")) {
                for (String page : common) {
                    check(session, page, lang, 200, user, problems);
                }
                for (var e : allowedOnlyFor.entrySet()) {
                    check(session, e.getKey(), lang, e.getValue().contains(user) ? 200 : 403, user, problems);
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void theLoginPageIsChineseFirst_withEnglishOneClickAway() throws Exception {
        String zh = mvc.perform(get("/login")).andReturn().getResponse().getContentAsString();
        assertThat(zh).contains("登录").contains("lang=en").contains("name=\"_csrf\"");
        String en = mvc.perform(get("/login?lang=en")).andReturn().getResponse().getContentAsString();
        assertThat(en).contains("Sign in").doesNotContain("??");
    }

    private void check(
            MockHttpSession session, String page, String lang, int expected, String user, List<String> problems)
            throws Exception {
        String url = page + (page.contains("?") ? "&" : "?") + "lang=" + lang;
        var res = mvc.perform(get(url).session(session).accept(MediaType.TEXT_HTML))
                .andReturn()
                .getResponse();
        String body = res.getContentAsString();
        if (res.getStatus() != expected) {
            problems.add(user + " " + url + ": " + res.getStatus() + " instead of " + expected);
        } else if (body.contains("??")) {
            int i = body.indexOf("??");
            problems.add(user + " " + url + ": untranslated " + body.substring(i, Math.min(body.length(), i + 60)));
        }
    }
}
