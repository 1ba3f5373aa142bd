package sunshine.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import sunshine.Fixtures;
import sunshine.JsonCalls;
import sunshine.Logins;
import sunshine.PlatformTest;
import sunshine.credit.CreditFixture;
import sunshine.customer.ResidentId;
import sunshine.shared.Today;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 8 on the real database: one fresh village's coverage moves as people are filed and pre-credited (R9), the
 * drill-down names the households missing (masked), the funnel carries steps 10 and 20, the targets are head
 * office's, the batch template and the CRM extract read back (R30), and a branch sees only its subtree.
 */
@PlatformTest
class DashboardTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    @Autowired
    FiguresRefresh refresh;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate tx;

    Fixtures fx;
    long bank;
    long b01;
    long b02;
    long area;
    long onList;
    long backToPanel;
    String onListId;

    @BeforeEach
    void village() {
        fx = new Fixtures(jdbc);
        bank = fx.bank("ZQRCB");
        b01 = fx.branch("ZQRCB", "B01");
        b02 = fx.branch("ZQRCB", "B02");
        // a fresh village per test (the database is shared by every test): four households to file, two filed
        area = jdbc.sql("""
                        insert into area (bank_id, branch_id, kind, name, actual_households)
                        values (:bank, :b, 'VILLAGE', '看板测试村', 4) returning id""")
                .param("bank", bank)
                .param("b", b01)
                .query(Long.class)
                .single();
        onListId = residentId(1);
        onList = fx.householdOf(fx.customerIn(area, onListId, "看板甲"));
        backToPanel = fx.householdOf(fx.customerIn(area, residentId(2), "看板乙"));
        result(onList, "COMPLETE", true, "50000.00", "A");
        result(backToPanel, "BACK_TO_PANEL", false, null, null);
        refresh.refresh(bank);
    }

    /** A resident ID of this test's village: the birth date follows the area id, so no two villages share one. */
    String residentId(int n) {
        LocalDate born = LocalDate.of(1940, 1, 1).plusDays(area);
        return ResidentId.complete("370181" + born.toString().replace("-", "") + "88" + n);
    }

    void result(long household, String status, boolean eligible, String amount, String grade) {
        jdbc.sql("delete from review_aggregation where household_id = :h")
                .param("h", household)
                .update();
        jdbc.sql("""
                insert into review_aggregation (bank_id, household_id, rule_set_version, status, proposed_amount, grade,
                                                eligible, explanation)
                values (:bank, :h, 1, :s, cast(:a as numeric), :g, :e, cast('{}' as json))""")
                .param("bank", bank)
                .param("h", household)
                .param("s", status)
                .param("a", amount)
                .param("g", grade)
                .param("e", eligible)
                .update();
    }

    JsonCalls as(String user) throws Exception {
        return new JsonCalls(mvc, json, Logins.as(mvc, user));
    }

    @Test
    void aVillagesCoverageMovesAsPeopleAreFiledAndPreCredited() throws Exception {
        JsonCalls ho = as("ho_bd");
        JsonNode line = ho.get("/api/v1/dashboard/coverage/areas/" + area).body();
        assertThat(line.get("toFile").asLong()).isEqualTo(4);
        assertThat(line.get("filed").asLong()).isEqualTo(2);
        assertThat(line.get("filingPercent").decimalValue()).isEqualByComparingTo("50.0");
        assertThat(line.get("eligible").asLong()).isEqualTo(2);
        assertThat(line.get("preCredited").asLong()).isEqualTo(1);
        assertThat(line.get("preCreditPercent").decimalValue()).isEqualByComparingTo("50.0");
        assertThat(line.get("preCreditAmount").decimalValue()).isEqualByComparingTo("50000");

        long b01Before = branchLine(ho, b01).get("filed").asLong();
        fx.customerIn(area, residentId(3), "看板丙");
        result(backToPanel, "COMPLETE", true, "30000.00", "B");
        refresh.refresh(bank);
        line = ho.get("/api/v1/dashboard/coverage/areas/" + area).body();
        assertThat(line.get("filed").asLong()).isEqualTo(3);
        assertThat(line.get("filingPercent").decimalValue()).isEqualByComparingTo("75.0");
        assertThat(line.get("preCredited").asLong()).isEqualTo(2);
        assertThat(line.get("preCreditAmount").decimalValue()).isEqualByComparingTo("80000");
        assertThat(branchLine(ho, b01).get("filed").asLong()).isEqualTo(b01Before + 1);

        // the bank line is the sum of its branch lines
        JsonNode bankLine =
                ho.get("/api/v1/dashboard/coverage?by=BANK").body().get("lines").get(0);
        long sum = 0;
        for (JsonNode l : ho.get("/api/v1/dashboard/coverage?by=BRANCH").body().get("lines")) {
            sum += l.get("filed").asLong();
        }
        assertThat(bankLine.get("filed").asLong()).isEqualTo(sum);
        long filedInBank = jdbc.sql("""
                select count(distinct c.household_id) from customer c join area a on a.id = c.area_id
                 where c.bank_id = :b and a.active""").param("b", bank).query(Long.class).single();
        assertThat(sum).isEqualTo(filedInBank);
    }

    /**
     * R9 "always current" with kept pages: the pages keep their rendered figures (FigureCache) until the figures
     * change (the refresh, every minute): the same village's page, seen by
     * two people of the same scope, moves after the refresh, and a person of another scope never gets the kept HTML.
     */
    @Test
    void theVillagesPageMovesWithItsFigures_notBeforeTheRefresh() throws Exception {
        MockHttpSession ho = Logins.as(mvc, "ho_bd");
        MockHttpSession ho2 = Logins.as(mvc, "ho_credit");
        String url = "/dashboard/coverage/areas/" + area;
        assertThat(page(ho, url)).contains("2 / 4").doesNotContain("3 / 4");
        assertThat(page(ho2, url)).contains("2 / 4");

        fx.customerIn(area, residentId(3), "看板丙");
        // not refreshed yet: the figures (and so the kept page) are the last refresh's, as the page says
        assertThat(page(ho, url)).contains("2 / 4");
        refresh.refresh(bank);
        assertThat(page(ho, url)).contains("3 / 4").doesNotContain("2 / 4");
        assertThat(page(ho2, url)).contains("3 / 4");
        // another branch's head is refused, not served the page kept for head office
        assertThat(mvc.perform(get(url).session(Logins.as(mvc, "b02_head")))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);
    }

    String page(MockHttpSession session, String url) throws Exception {
        MockHttpServletResponse r = mvc.perform(get(url).session(session).header("Accept-Language", "zh-CN"))
                .andReturn()
                .getResponse();
        assertThat(r.getStatus()).as(url).isEqualTo(200);
        r.setCharacterEncoding("UTF-8");
        return r.getContentAsString();
    }

    JsonNode branchLine(JsonCalls calls, long branchId) throws Exception {
        for (JsonNode l :
                calls.get("/api/v1/dashboard/coverage?by=BRANCH").body().get("lines")) {
            if (l.get("id").asLong() == branchId) {
                return l;
            }
        }
        throw new AssertionError("no line for branch " + branchId);
    }

    @Test
    void theDrillDownNamesTheHouseholdsMissingFromTheList_masked_withWhy() throws Exception {
        JsonCalls head = as("b01_head");
        JsonNode missing = head.get("/api/v1/dashboard/coverage/areas/" + area + "/missing")
                .body();
        List<Long> ids = new ArrayList<>();
        missing.forEach(m -> ids.add(m.get("householdId").asLong()));
        assertThat(ids).contains(backToPanel).doesNotContain(onList);
        JsonNode m = missing.get(ids.indexOf(backToPanel));
        assertThat(m.get("gap").asText()).isEqualTo("BACK_TO_PANEL");
        assertThat(m.get("residentIdMasked").asText()).contains("*").doesNotContain(onListId.substring(6, 14));

        String page = html("b01_head", "/dashboard/coverage/areas/" + area);
        assertThat(page).contains("看板乙").contains("退回评议小组").doesNotContain(onListId);
    }

    @Test
    void aBranchSeesOnlyItsSubtree_andCannotDrillIntoAnotherBranch() throws Exception {
        JsonCalls head = as("b01_head");
        String b01Path = path(b01);
        for (JsonNode l :
                head.get("/api/v1/dashboard/coverage?by=BRANCH").body().get("lines")) {
            assertThat(path(l.get("id").asLong())).startsWith(b01Path);
        }
        long b02Area = fx.firstArea(b02);
        long audited = fx.outOfScopeEntries(bank);
        assertThat(head.get("/api/v1/dashboard/coverage/areas/" + b02Area).status())
                .isEqualTo(404);
        assertThat(head.get("/api/v1/dashboard/coverage/areas/" + b02Area + "/missing")
                        .status())
                .isEqualTo(404);
        assertThat(head.get("/api/v1/dashboard/coverage?by=AREA&branchId=" + b02)
                        .status())
                .isEqualTo(404);
        assertThat(head.get("/api/v1/dashboard/funnel?areaId=" + b02Area).status())
                .isEqualTo(404);
        assertThat(status("b01_head", "/dashboard/coverage/areas/" + b02Area)).isEqualTo(404);
        assertThat(status("b01_head", "/dashboard/coverage?by=AREA&branchId=" + b02))
                .isEqualTo(404);
        assertThat(fx.outOfScopeEntries(bank)).isGreaterThan(audited);
        // the other bank sees nothing of this one
        assertThat(as("lc_head").get("/api/v1/dashboard/coverage/areas/" + area).status())
                .isEqualTo(404);
    }

    @Test
    void theFunnelOrdersTheStepsItFinds_withFilingsTwoSteps() throws Exception {
        JsonNode steps =
                as("ho_bd").get("/api/v1/dashboard/funnel?areaId=" + area).body();
        assertThat(steps.get(0).get("order").asInt()).isEqualTo(10);
        assertThat(steps.get(0).get("households").asLong()).isEqualTo(4);
        assertThat(steps.get(1).get("order").asInt()).isEqualTo(20);
        assertThat(steps.get(1).get("households").asLong()).isEqualTo(2);
        assertThat(steps.get(1).get("keptPercent").decimalValue()).isEqualByComparingTo("50.0");
        for (int i = 1; i < steps.size(); i++) {
            assertThat(steps.get(i).get("order").asInt())
                    .isGreaterThan(steps.get(i - 1).get("order").asInt());
        }
    }

    @Test
    void targetsAreHeadOfficesToSet_andAStaleFormIsRefused() throws Exception {
        JsonCalls ho = as("ho_bd");
        JsonNode t = ho.get("/api/v1/dashboard/settings").body();
        int version = t.get("version").asInt();
        assertThat(as("b01_head")
                        .put("/api/v1/dashboard/settings", "{\"filing\":90,\"preCredit\":60,\"termMonths\":24}")
                        .status())
                .isEqualTo(403);
        var saved = ho.put(
                "/api/v1/dashboard/settings",
                "{\"filing\":90,\"preCredit\":60,\"termMonths\":24,\"version\":" + version + "}");
        assertThat(saved.status()).isEqualTo(200);
        assertThat(saved.body().get("filing").decimalValue()).isEqualByComparingTo("90");
        assertThat(ho.put(
                                "/api/v1/dashboard/settings",
                                "{\"filing\":91,\"preCredit\":60,\"termMonths\":24,\"version\":" + version + "}")
                        .status())
                .isEqualTo(409);
        assertThat(ho.put("/api/v1/dashboard/settings", "{\"filing\":0,\"preCredit\":60,\"termMonths\":24}")
                        .status())
                .isEqualTo(400);
        String page = html("ho_bd", "/dashboard/coverage");
        assertThat(page).contains("≥ 90%");
        // back to the defaults for the other tests
        int now = saved.body().get("version").asInt();
        ho.put(
                "/api/v1/dashboard/settings",
                "{\"filing\":95,\"preCredit\":70,\"termMonths\":36,\"version\":" + now + "}");
        assertThat(ho.get("/api/v1/dashboard/settings").body().get("filing").decimalValue())
                .isEqualByComparingTo(new BigDecimal("95"));
    }

    @Test
    void theBatchTemplateHasOneRowPerHouseholdWithAnApprovedLimit_fullIdsOnlyForHeadOffice() throws Exception {
        // the review proposed 50,000 (A); approval decided 45,000 (AA), its notice over: the file carries the decision
        long representative = jdbc.sql("select representative_id from household where id = :h")
                .param("h", onList)
                .query(Long.class)
                .single();
        new CreditFixture(jdbc, events, tx)
                .approve(
                        new CreditFixture.Household(bank, b01, area, onList, representative, onListId),
                        "45000.00",
                        "AA",
                        Today.date().minusDays(1));
        List<Row> rows = sheet("ho_credit", "/dashboard/batch-template?format=xlsx&unmasked=true");
        assertThat(texts(rows.get(0))).isEqualTo(BatchTemplate.HEADERS);
        Row mine = rows.stream()
                .filter(r -> onListId.equals(r.getCellText(3)))
                .findFirst()
                .orElseThrow();
        assertThat(mine.getCellText(1)).isEqualTo("看板甲");
        assertThat(mine.getCellText(2)).isEqualTo("居民身份证");
        assertThat(new BigDecimal(mine.getCellText(4))).isEqualByComparingTo("45000");
        assertThat(mine.getCellText(5)).isEqualTo("36");
        assertThat(mine.getCellText(6)).isEqualTo("AA");
        assertThat(mine.getCellText(7)).isEqualTo("明水支行");
        assertThat(mine.getCellText(11)).isEqualTo(Long.toString(onList));
        assertThat(rows.stream().map(r -> r.getCellText(11))).doesNotContain(Long.toString(backToPanel));
        long approvedInBank = jdbc.sql("""
                select count(*) from household h join customer r on r.id = h.representative_id
                  join area a on a.id = h.area_id
                 where h.bank_id = :b and not r.excluded and a.active
                   and (exists (select 1 from credit_line l where l.household_id = h.id and l.status <> 'CLOSED')
                        or exists (select 1 from credit_grantable g where g.household_id = h.id and not g.withdrawn
                                      and g.grantable_from <= :today))""")
                .param("b", bank)
                .param("today", Today.date())
                .query(Long.class)
                .single();
        assertThat(rows).hasSize((int) approvedInBank + 1);

        List<Row> masked = sheet("b01_head", "/dashboard/batch-template?format=xlsx");
        Row row = masked.stream()
                .filter(r -> Long.toString(onList).equals(r.getCellText(11)))
                .findFirst()
                .orElseThrow();
        assertThat(row.getCellText(3)).isNotEqualTo(onListId).contains("*");
        assertThat(status("b01_head", "/dashboard/batch-template?unmasked=true"))
                .isEqualTo(403);
        assertThat(status("b01_am1", "/dashboard/batch-template")).isEqualTo(403);
    }

    @Test
    void theCrmExtractCarriesTheSegments_fullOrChangedSince_andASavedRule() throws Exception {
        String all = text("ho_bd", "/api/v1/dashboard/crm-extract?format=csv");
        assertThat(all).startsWith("\uFEFF" + String.join(",", CrmExtract.HEADERS));
        String mine = all.lines().filter(l -> l.contains("看板甲")).findFirst().orElseThrow();
        assertThat(mine).contains(",是,看板甲,").contains(",农户,看板测试村,").contains(",A,50000.00,否,");
        long customers = jdbc.sql("select count(*) from customer where bank_id = :b")
                .param("b", bank)
                .query(Long.class)
                .single();
        assertThat(all.lines().count()).isEqualTo(customers + 1);

        String tomorrow = Today.date().plusDays(2).toString();
        assertThat(text("ho_bd", "/api/v1/dashboard/crm-extract?format=csv&since=" + tomorrow)
                        .lines()
                        .count())
                .isEqualTo(1);
        assertThat(text(
                        "ho_bd",
                        "/api/v1/dashboard/crm-extract?format=csv&since="
                                + Today.date().minusDays(1)))
                .contains("看板甲")
                .contains("看板乙");

        JsonCalls ho = as("ho_bd");
        String name = "看板测试分群" + System.nanoTime();
        var saved = ho.post(
                "/api/v1/dashboard/segments",
                "{\"name\":\"" + name + "\",\"areaId\":" + area + ",\"hasLimit\":true,\"customerType\":\"FARMER\"}");
        assertThat(saved.status()).isEqualTo(201);
        long id = saved.id();
        assertThat(ho.post("/api/v1/dashboard/segments", "{\"name\":\"" + name + "\"}")
                        .status())
                .isEqualTo(409);
        assertThat(as("b01_head")
                        .post("/api/v1/dashboard/segments", "{\"name\":\"x\"}")
                        .status())
                .isEqualTo(403);
        List<String> lines = text("b01_head", "/api/v1/dashboard/crm-extract?format=csv&segmentId=" + id)
                .lines()
                .toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(1)).contains("看板甲").doesNotContain(onListId);
        // full IDs are for the head office's CRM feed only
        assertThat(text("ho_bd", "/api/v1/dashboard/crm-extract?format=csv&unmasked=true&segmentId=" + id))
                .contains(onListId);
        assertThat(status("b01_head", "/api/v1/dashboard/crm-extract?unmasked=true"))
                .isEqualTo(403);
        assertThat(as("lc_head")
                        .get("/api/v1/dashboard/crm-extract?segmentId=" + id)
                        .status())
                .isIn(403, 404);
        assertThat(ho.delete("/api/v1/dashboard/segments/" + id).status()).isEqualTo(204);
        assertThat(ho.get("/api/v1/dashboard/segments").body().toString()).doesNotContain(name);
    }

    @Test
    void theFiguresRefreshOnTheirOwnSchedule() throws Exception {
        long before = jdbc.sql("select filed_households from dashboard_area_figure where area_id = :a")
                .param("a", area)
                .query(Long.class)
                .single();
        fx.customerIn(area, residentId(4), "看板定时");
        long deadline = System.currentTimeMillis() + 30_000;
        long now = before;
        while (now == before && System.currentTimeMillis() < deadline) {
            Thread.sleep(500);
            now = jdbc.sql("select filed_households from dashboard_area_figure where area_id = :a")
                    .param("a", area)
                    .query(Long.class)
                    .single();
        }
        assertThat(now).isEqualTo(before + 1);
    }

    // ---- helpers

    String path(long branchId) {
        return jdbc.sql("select path from branch where id = :b")
                .param("b", branchId)
                .query(String.class)
                .single();
    }

    MockHttpServletResponse response(String user, String url) throws Exception {
        MockHttpSession session = Logins.as(mvc, user);
        MockHttpServletResponse r = mvc.perform(get(url).session(session).header("Accept-Language", "zh-CN"))
                .andReturn()
                .getResponse();
        r.setCharacterEncoding("UTF-8");
        return r;
    }

    int status(String user, String url) throws Exception {
        return response(user, url).getStatus();
    }

    String html(String user, String url) throws Exception {
        MockHttpServletResponse r = response(user, url);
        assertThat(r.getStatus()).isEqualTo(200);
        return r.getContentAsString();
    }

    String text(String user, String url) throws Exception {
        MockHttpServletResponse r = response(user, url);
        assertThat(r.getStatus()).isEqualTo(200);
        return new String(r.getContentAsByteArray(), StandardCharsets.UTF_8);
    }

    List<Row> sheet(String user, String url) throws Exception {
        MockHttpServletResponse r = response(user, url);
        assertThat(r.getStatus()).isEqualTo(200);
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(r.getContentAsByteArray()))) {
            return wb.getFirstSheet().read();
        }
    }

    static List<String> texts(Row row) {
        List<String> t = new ArrayList<>();
        for (int i = 0; i < row.getCellCount(); i++) {
            t.add(row.getCellText(i));
        }
        return t;
    }
}
