package sunshine.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import sunshine.Fixtures;
import sunshine.Logins;
import sunshine.PlatformTest;
import sunshine.customer.ResidentId;
import sunshine.shared.Today;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Ledger checks (issue 6 points 2, 3, 6, 7; R23, R24, R7): findings from a ledger held against the pre-credit list,
 * explained by the branch, accepted or referred by head office, audit cases followed to a close; the final list of
 * an area refused while a finding is unexplained, then fixed with the right households and amounts, and never
 * changed. Pre-credit results are inserted directly (the review's own results come from its batch); expected values
 * are worked out by hand from the rules.
 */
@PlatformTest
@RecordApplicationEvents
class FindingsTest {

    static final String LEDGER_HEADER = "贷款账号,借款人身份证号,机构代码,客户经理工号,贷款产品,金额,余额,发放日期,到期日期,五级分类,担保人身份证号(多个用;分隔)\n";
    static final AtomicInteger AREAS = new AtomicInteger();

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    @Autowired
    ApplicationEvents events;

    Fixtures fx;
    long bank;
    long b03;
    MockHttpSession head;
    String managerNo;

    @BeforeEach
    void setUp() throws Exception {
        fx = new Fixtures(jdbc);
        bank = fx.bank("ZQRCB");
        b03 = fx.branch("ZQRCB", "B03");
        head = Logins.as(mvc, "b03_head");
        managerNo = jdbc.sql("select staff_no from staff where id = :s")
                .param("s", fx.staffOf("b03_am1"))
                .query(String.class)
                .single();
    }

    /** A valid resident ID no demo customer has (region 370124, born 1961-02-03). */
    static String id(int n) {
        return ResidentId.complete("37012419610203" + String.format("%03d", n));
    }

    long newArea() {
        return jdbc.sql(
                        "insert into area (bank_id, branch_id, kind, name) values (:b, :br, 'VILLAGE', :n) returning id")
                .param("b", bank)
                .param("br", b03)
                .param("n", "核查发现测试村" + AREAS.incrementAndGet() + "-" + System.nanoTime() % 100000)
                .query(Long.class)
                .single();
    }

    long household(long area, int n) {
        return fx.householdOf(fx.customerIn(area, id(n), "发现测试" + n));
    }

    /** A review result for the household (the latest one is its current one). */
    long result(long household, String amount, boolean eligible) {
        return CheckTestData.result(jdbc, bank, household, amount, eligible);
    }

    String loan(String no, int borrower, String amount) {
        return no + "," + id(borrower) + ",B03," + managerNo + ",农户小额信用贷款," + amount
                + ",1000.00,2025-01-01,2027-01-01,正常,\n";
    }

    long upload(MockHttpSession who, String kind, String name, String csv) throws Exception {
        return CheckTestData.upload(mvc, json, jdbc, who, kind, name, csv);
    }

    MockHttpServletResponse postJson(MockHttpSession who, String url, String body) throws Exception {
        return mvc.perform(post(url)
                        .session(who)
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andReturn()
                .getResponse();
    }

    JsonNode getJson(MockHttpSession who, String url) throws Exception {
        MockHttpServletResponse res =
                mvc.perform(get(url).session(who)).andReturn().getResponse();
        assertThat(res.getStatus()).as(url).isEqualTo(200);
        return json.readTree(res.getContentAsString());
    }

    /** Loan number to (kind, status) of the findings with the given loan-number prefix. */
    Map<String, String> findings(String prefix) {
        Map<String, String> m = new HashMap<>();
        jdbc.sql("select loan_no, kind, status from check_finding where loan_no like :p")
                .param("p", prefix + "%")
                .query((org.springframework.jdbc.core.RowCallbackHandler)
                        rs -> m.put(rs.getString(1), rs.getString(2) + "/" + rs.getString(3)));
        return m;
    }

    long findingId(String loanNo) {
        return jdbc.sql("select id from check_finding where loan_no = :l")
                .param("l", loanNo)
                .query(Long.class)
                .single();
    }

    @Test
    void aLedgerIsHeldAgainstTheList_reRunsDuplicateNothing_andDecidedFindingsStayDecided() throws Exception {
        long area = newArea();
        long onList = household(area, 1);
        long small = household(area, 2);
        household(area, 3); // filed, no result: not on the list
        long ineligible = household(area, 4);
        result(onList, "50000.00", true);
        result(small, "20000.00", true);
        result(ineligible, "30000.00", false);
        // an area without any result yet: its borrowers are not held against a list that does not exist
        long unreviewed = newArea();
        household(unreviewed, 5);
        String ledger = LEDGER_HEADER
                + loan("FA-1", 1, "50000.00") // equal to the amount: fine
                + loan("FA-2", 2, "20000.01") // a cent above: (b)
                + loan("FA-3", 3, "10000.00") // (a)
                + loan("FA-4", 4, "10000.00") // ineligible result: not on the list, (a)
                + loan("FA-5", 5, "10000.00") // area without a list: nothing
                + loan("FA-6", 6, "10000.00"); // never filed, at a branch with a list: (a)
        long snapshot = upload(head, "LEDGER", "fa-ledger.csv", ledger);
        // the upload ran the check (SnapshotLoaded)
        assertThat(findings("FA-"))
                .containsOnly(
                        Map.entry("FA-2", "ABOVE_PRE_CREDIT/OPEN"),
                        Map.entry("FA-3", "NOT_ON_LIST/OPEN"),
                        Map.entry("FA-4", "NOT_ON_LIST/OPEN"),
                        Map.entry("FA-6", "NOT_ON_LIST/OPEN"));
        JsonNode above = getJson(head, "/api/v1/checks/findings/" + findingId("FA-2"));
        assertThat(above.get("preCreditAmount").decimalValue()).isEqualByComparingTo("20000.00");
        assertThat(above.get("loanAmount").decimalValue()).isEqualByComparingTo("20000.01");
        assertThat(above.get("snapshotId").asLong()).isEqualTo(snapshot);
        assertThat(above.get("rowNo").asInt()).isEqualTo(3);
        assertThat(above.get("managerNo").asText()).isEqualTo(managerNo);
        assertThat(above.toString()).doesNotContain(id(2));

        // the button, on the same snapshot: nothing new, nothing duplicated
        MockHttpServletResponse run = postJson(head, "/api/v1/checks/run", "{\"branchId\":" + b03 + "}");
        assertThat(run.getStatus()).isEqualTo(200);
        assertThat(findings("FA-")).hasSize(4);
        long count = jdbc.sql("select count(*) from check_finding where loan_no like 'FA-%'")
                .query(Long.class)
                .single();
        assertThat(count).isEqualTo(4);

        // decide two, then a new snapshot with the same loans and one more: only the new one opens
        assertThat(postJson(head, "/api/v1/checks/findings/" + findingId("FA-3") + "/explain", "{\"reason\":\"新迁入\"}")
                        .getStatus())
                .isEqualTo(200);
        MockHttpSession credit = Logins.as(mvc, "ho_credit");
        assertThat(postJson(credit, "/api/v1/checks/findings/" + findingId("FA-3") + "/accept", "{\"note\":\"同意\"}")
                        .getStatus())
                .isEqualTo(200);
        household(area, 7);
        upload(head, "LEDGER", "fa-ledger-2.csv", ledger + loan("FA-7", 7, "5000.00"));
        assertThat(findings("FA-"))
                .containsOnly(
                        Map.entry("FA-2", "ABOVE_PRE_CREDIT/OPEN"),
                        Map.entry("FA-3", "NOT_ON_LIST/ACCEPTED"),
                        Map.entry("FA-4", "NOT_ON_LIST/OPEN"),
                        Map.entry("FA-6", "NOT_ON_LIST/OPEN"),
                        Map.entry("FA-7", "NOT_ON_LIST/OPEN"));
        // the finding still names the snapshot it was first seen in
        assertThat(getJson(head, "/api/v1/checks/findings/" + findingId("FA-2"))
                        .get("snapshotId")
                        .asLong())
                .isEqualTo(snapshot);
    }

    @Test
    void theBranchExplains_headOfficeAcceptsOrRefers_andAuditClosesTheCase_everyStepAudited() throws Exception {
        long area = newArea();
        long h = household(area, 11);
        result(h, "30000.00", true);
        household(area, 12);
        upload(
                head,
                "LEDGER",
                "fb-ledger.csv",
                LEDGER_HEADER + loan("FB-1", 11, "45000.00") + loan("FB-2", 12, "8000"));
        long above = findingId("FB-1");
        long notOnList = findingId("FB-2");
        long audits = auditCount();

        // the branch's page shows the form; head office cannot accept what the branch has not explained
        MockHttpSession credit = Logins.as(mvc, "ho_credit");
        assertThat(postJson(credit, "/api/v1/checks/findings/" + above + "/accept", "{}")
                        .getStatus())
                .isEqualTo(409);
        assertThat(postJson(head, "/api/v1/checks/findings/" + above + "/explain", "{\"reason\":\"  \"}")
                        .getStatus())
                .isEqualTo(400);
        assertThat(postJson(head, "/api/v1/checks/findings/" + above + "/explain", "{\"reason\":\"经营扩大，总行特批\"}")
                        .getStatus())
                .isEqualTo(200);
        assertThat(postJson(head, "/api/v1/checks/findings/" + above + "/accept", "{}")
                        .getStatus())
                .isEqualTo(403);
        JsonNode accepted = json.readTree(postJson(credit, "/api/v1/checks/findings/" + above + "/accept", "{}")
                .getContentAsString());
        assertThat(accepted.get("status").asText()).isEqualTo("ACCEPTED");
        assertThat(accepted.get("reason").asText()).isEqualTo("经营扩大，总行特批");
        // decided: the branch can no longer change its reason
        assertThat(postJson(head, "/api/v1/checks/findings/" + above + "/explain", "{\"reason\":\"改\"}")
                        .getStatus())
                .isEqualTo(409);

        // referral without a reason: needs evidence, an audit owner and a deadline
        MockHttpSession risk = Logins.as(mvc, "ho_risk");
        long auditor = fx.staffOf("ho_audit");
        String deadline = Today.date().toString();
        assertThat(postJson(
                                risk,
                                "/api/v1/checks/findings/" + notOnList + "/refer",
                                "{\"evidence\":\"台账\",\"ownerId\":" + fx.staffOf("ho_credit") + ",\"deadline\":\""
                                        + deadline + "\"}")
                        .getStatus())
                .isEqualTo(400);
        MockHttpServletResponse referred = postJson(
                risk,
                "/api/v1/checks/findings/" + notOnList + "/refer",
                "{\"evidence\":\"台账第3行：未列入名单即放款\",\"ownerId\":" + auditor + ",\"deadline\":\"" + deadline + "\"}");
        assertThat(referred.getStatus()).isEqualTo(201);
        JsonNode referral = json.readTree(referred.getContentAsString());
        long referralId = referral.get("id").asLong();
        assertThat(referral.get("status").asText()).isEqualTo("OPEN");
        assertThat(referral.get("branchName").asText()).isNotBlank();
        assertThat(referral.get("managerNo").asText()).isEqualTo(managerNo);
        assertThat(referral.get("customerName").asText()).isEqualTo("发现测试12");
        assertThat(referral.toString()).doesNotContain(id(12));
        assertThat(getJson(head, "/api/v1/checks/findings/" + notOnList)
                        .get("status")
                        .asText())
                .isEqualTo("REFERRED");

        // an overdue case comes first in audit's list
        jdbc.sql("update check_referral set deadline = current_date - 1 where id = :r")
                .param("r", referralId)
                .update();
        MockHttpSession audit = Logins.as(mvc, "ho_audit");
        JsonNode first = getJson(audit, "/api/v1/checks/referrals").get("items").get(0);
        assertThat(first.get("id").asLong()).isEqualTo(referralId);
        assertThat(first.get("overdue").asBoolean()).isTrue();
        String page = mvc.perform(get("/checks/referrals").session(audit))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("table-danger").contains("已逾期");
        MockHttpServletResponse casePage = mvc.perform(
                        get("/checks/referrals/" + referralId).session(audit))
                .andReturn()
                .getResponse();
        assertThat(casePage.getStatus()).isEqualTo(200);
        assertThat(casePage.getContentAsString())
                .contains("台账第3行：未列入名单即放款")
                .contains("保存进展")
                .doesNotContain(id(12));
        MockHttpServletResponse findingPage = mvc.perform(
                        get("/checks/findings/" + notOnList).session(risk))
                .andReturn()
                .getResponse();
        assertThat(findingPage.getStatus()).isEqualTo(200);
        assertThat(findingPage.getContentAsString())
                .contains("FB-2")
                .contains("已移交审计")
                .doesNotContain("??");

        // audit moves it on; closing needs a resolution; a closed case does not change
        assertThat(postJson(risk, "/api/v1/checks/referrals/" + referralId + "/steps", "{\"status\":\"INVESTIGATING\"}")
                        .getStatus())
                .isEqualTo(403);
        assertThat(postJson(
                                audit,
                                "/api/v1/checks/referrals/" + referralId + "/steps",
                                "{\"status\":\"INVESTIGATING\"}")
                        .getStatus())
                .isEqualTo(200);
        assertThat(postJson(audit, "/api/v1/checks/referrals/" + referralId + "/steps", "{\"status\":\"CLOSED\"}")
                        .getStatus())
                .isEqualTo(400);
        JsonNode closed = json.readTree(postJson(
                        audit,
                        "/api/v1/checks/referrals/" + referralId + "/steps",
                        "{\"status\":\"CLOSED\",\"resolution\":\"客户经理违规放款，已问责\"}")
                .getContentAsString());
        assertThat(closed.get("status").asText()).isEqualTo("CLOSED");
        assertThat(closed.get("overdue").asBoolean()).isFalse();
        assertThat(postJson(
                                audit,
                                "/api/v1/checks/referrals/" + referralId + "/steps",
                                "{\"status\":\"INVESTIGATING\"}")
                        .getStatus())
                .isEqualTo(409);

        // explained, accepted, referred, opened, investigating, closed: six entries
        assertThat(auditCount() - audits).isEqualTo(6);
        assertThat(jdbc.sql("""
                        select string_agg(action, ',' order by seq) from audit_log
                         where entity_type = 'check_referral' and entity_id = :r""")
                        .param("r", String.valueOf(referralId))
                        .query(String.class)
                        .single())
                .isEqualTo("CHECK_REFERRAL_OPENED,CHECK_REFERRAL_INVESTIGATING,CHECK_REFERRAL_CLOSED");
    }

    @Test
    void anotherBranchNeitherSeesNorExplainsAFinding() throws Exception {
        long area = newArea();
        result(household(area, 21), "10000.00", true);
        household(area, 22);
        upload(head, "LEDGER", "fc-ledger.csv", LEDGER_HEADER + loan("FC-1", 22, "1000"));
        long finding = findingId("FC-1");
        MockHttpSession other = Logins.as(mvc, "b02_head");
        long outOfScope = fx.outOfScopeEntries(bank);
        assertThat(mvc.perform(get("/api/v1/checks/findings/" + finding).session(other))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);
        assertThat(postJson(other, "/api/v1/checks/findings/" + finding + "/explain", "{\"reason\":\"越权\"}")
                        .getStatus())
                .isEqualTo(404);
        assertThat(mvc.perform(post("/checks/findings/" + finding + "/explain")
                                .param("reason", "越权")
                                .session(other)
                                .with(csrf()))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);
        assertThat(fx.outOfScopeEntries(bank)).isGreaterThan(outOfScope);
        assertThat(getJson(other, "/api/v1/checks/findings?size=500").toString())
                .doesNotContain("FC-1");
        assertThat(getJson(head, "/api/v1/checks/findings?size=500").toString()).contains("FC-1");
        assertThat(findings("FC-")).containsEntry("FC-1", "NOT_ON_LIST/OPEN");
    }

    @Test
    void theFinalListWaitsForReasons_leavesOffR24R7AndAuditCases_andNeverChanges() throws Exception {
        long area = newArea();
        long a = household(area, 31); // on the list, clean
        long b = household(area, 32); // on the list, a loan above it (explained, accepted): stays
        long c = household(area, 33); // on the list, a personal write-off (R24-3): left off
        long d = household(area, 34); // on the list, an excluded member (R7): left off
        long e = household(area, 35); // on the list, loan above it referred to audit (case open): left off
        long f = household(area, 36); // ineligible: never on it
        household(area, 37); // filed, no result; its loan: NOT_ON_LIST, holds the list up
        result(a, "10000.00", true);
        result(a, "30000.00", true); // the latest result is the current one
        result(b, "20000.00", true);
        result(c, "40000.00", true);
        result(d, "50000.00", true);
        result(e, "60000.00", true);
        result(f, "70000.00", false);
        jdbc.sql("update customer set excluded = true where resident_id = :r")
                .param("r", id(34))
                .update();
        upload(
                head,
                "LEDGER",
                "fd-ledger.csv",
                LEDGER_HEADER + loan("FD-2", 32, "25000") + loan("FD-5", 35, "65000") + loan("FD-7", 37, "3000"));
        long writeOff = upload(
                head,
                "WRITE_OFF",
                "fd-writeoff.csv",
                "贷款账号,借款人身份证号,机构代码,金额,发生日期,是否个人贷款\n" + "FD-W1," + id(33) + ",B03,5000,2019-06-30,是\n");
        MockHttpSession credit = Logins.as(mvc, "ho_credit");
        postJson(head, "/api/v1/checks/findings/" + findingId("FD-2") + "/explain", "{\"reason\":\"旧贷\"}");
        postJson(credit, "/api/v1/checks/findings/" + findingId("FD-2") + "/accept", "{}");
        postJson(
                credit,
                "/api/v1/checks/findings/" + findingId("FD-5") + "/refer",
                "{\"evidence\":\"超额\",\"ownerId\":" + fx.staffOf("ho_audit") + ",\"deadline\":\""
                        + Today.date().plusDays(10) + "\"}");

        // FD-7 has no reason yet: refused, saying why
        MockHttpServletResponse refused = postJson(head, "/api/v1/checks/final-lists", "{\"areaId\":" + area + "}");
        assertThat(refused.getStatus()).isEqualTo(409);
        assertThat(refused.getContentAsString()).contains("1 条核查发现未说明原因").contains("FD-7");
        assertThat(jdbc.sql("select count(*) from check_final_list where area_id = :a")
                        .param("a", area)
                        .query(Long.class)
                        .single())
                .isZero();

        postJson(head, "/api/v1/checks/findings/" + findingId("FD-7") + "/explain", "{\"reason\":\"亲属代办\"}");
        events.clear();
        MockHttpServletResponse fixed = postJson(head, "/api/v1/checks/final-lists", "{\"areaId\":" + area + "}");
        assertThat(fixed.getStatus()).as(fixed.getContentAsString()).isEqualTo(201);
        JsonNode list = json.readTree(fixed.getContentAsString());
        long listId = list.get("id").asLong();
        assertThat(list.get("households").asInt()).isEqualTo(2);
        assertThat(list.get("totalAmount").decimalValue()).isEqualByComparingTo("50000.00");
        assertThat(list.get("fixedByName").asText()).isNotBlank();

        JsonNode detail = getJson(head, "/api/v1/checks/final-lists/" + listId);
        Map<Long, BigDecimal> items = new HashMap<>();
        detail.get("items")
                .forEach(i ->
                        items.put(i.get("householdId").asLong(), i.get("amount").decimalValue()));
        assertThat(items).containsOnlyKeys(a, b);
        assertThat(items.get(a)).isEqualByComparingTo("30000.00");
        assertThat(items.get(b)).isEqualByComparingTo("20000.00");
        Map<Long, String> leftOff = new HashMap<>();
        detail.get("leftOff")
                .forEach(o -> leftOff.put(
                        o.get("householdId").asLong(),
                        o.get("reason").asText()
                                + (o.get("snapshotId").isNull()
                                        ? ""
                                        : "@" + o.get("snapshotId").asLong() + ":"
                                                + o.get("rowNo").asInt())));
        assertThat(leftOff)
                .containsOnly(
                        Map.entry(c, "WRITTEN_OFF@" + writeOff + ":2"),
                        Map.entry(d, "EXCLUDED"),
                        Map.entry(
                                e,
                                "AUDIT_OPEN@"
                                        + jdbc.sql("select snapshot_id from check_finding where loan_no = 'FD-5'")
                                                .query(Long.class)
                                                .single()
                                        + ":3"));

        // the event, with exactly the stored items
        List<FinalListFixed> published = events.stream(FinalListFixed.class).toList();
        assertThat(published).hasSize(1);
        assertThat(published.get(0).finalListId()).isEqualTo(listId);
        assertThat(published.get(0).areaId()).isEqualTo(area);
        assertThat(published.get(0).branchId()).isEqualTo(b03);
        assertThat(published.get(0).items())
                .extracting(FinalListFixed.Item::householdId)
                .containsExactlyInAnyOrder(a, b);

        // fixed once; never changed
        assertThat(postJson(head, "/api/v1/checks/final-lists", "{\"areaId\":" + area + "}")
                        .getStatus())
                .isEqualTo(409);
        assertThatThrownBy(() -> jdbc.sql("update check_final_list_item set amount = 1 where final_list_id = :l")
                        .param("l", listId)
                        .update())
                .hasMessageContaining("cannot be changed");
        assertThatThrownBy(() -> jdbc.sql("delete from check_final_list where id = :l")
                        .param("l", listId)
                        .update())
                .hasMessageContaining("cannot be changed");

        // the page links each household to its explanation; the xlsx downloads
        String page = mvc.perform(get("/checks/final-lists/" + listId).session(head))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page)
                .contains("/review/households/" + a + "/explanation")
                .contains("个人贷款核销（R24-3）")
                .contains("快照 " + writeOff + " 第 2 行")
                .doesNotContain(id(31));
        MockHttpServletResponse xlsx = mvc.perform(
                        get("/checks/final-lists/" + listId + ".xlsx").session(head))
                .andReturn()
                .getResponse();
        assertThat(xlsx.getStatus()).isEqualTo(200);
        assertThat(xlsx.getContentAsByteArray()).startsWith((byte) 'P', (byte) 'K');
        // another branch: 404
        assertThat(mvc.perform(get("/checks/final-lists/" + listId).session(Logins.as(mvc, "b02_head")))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);
    }

    @Test
    void pagesRenderForTheRolesThatUseThem() throws Exception {
        for (String[] p : new String[][] {
            {"b03_head", "/checks/findings"},
            {"b03_head", "/checks/final-lists"},
            {"ho_audit", "/checks/referrals"},
            {"ho_credit", "/checks/findings?status=OPEN"},
            {"b03_am1", "/checks/findings"}
        }) {
            MockHttpServletResponse res = mvc.perform(get(p[1]).session(Logins.as(mvc, p[0])))
                    .andReturn()
                    .getResponse();
            assertThat(res.getStatus()).as(p[1]).isEqualTo(200);
            assertThat(res.getContentAsString()).as(p[1]).doesNotContain("??");
        }
        assertThat(mvc.perform(get("/checks/referrals").session(Logins.as(mvc, "b03_head")))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(403);
    }

    long auditCount() {
        return jdbc.sql("select count(*) from audit_log where bank_id = :b and action like 'CHECK_%'")
                .param("b", bank)
                .query(Long.class)
                .single();
    }
}
