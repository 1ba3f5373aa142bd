package sunshine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import sunshine.customer.ResidentId;
import sunshine.shared.Today;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks (issue 6 points 1, 4, 5): core-system snapshots validated row by row, idempotent and scoped; the
 * bad-record rule R24 (and R7) removing households with the snapshot row named; R25's certificate categories.
 * Expected values are worked out from the rules by hand.
 */
@PlatformTest
class ChecksTest {

    static final String LEDGER_HEADER = "贷款账号,借款人身份证号,机构代码,客户经理工号,贷款产品,金额,余额,发放日期,到期日期,五级分类,担保人身份证号(多个用;分隔)\n";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    Fixtures fx;
    MockHttpSession head;
    long b03Area;

    @BeforeEach
    void setUp() throws Exception {
        fx = new Fixtures(jdbc);
        b03Area = fx.firstArea(fx.branch("ZQRCB", "B03"));
        head = Logins.as(mvc, "b03_head");
    }

    /** A valid resident ID no demo customer has (region 370124, born 1955-06-07). */
    static String id(int n) {
        return ResidentId.complete("37012419550607" + String.format("%03d", n));
    }

    /** The same with the wrong check character. */
    static String badChecksum(int n) {
        String good = id(n);
        char wrong = good.charAt(17) == '1' ? '2' : '1';
        return good.substring(0, 17) + wrong;
    }

    MockHttpServletResponse upload(MockHttpSession who, String kind, LocalDate asOf, String name, String csv)
            throws Exception {
        return mvc.perform(multipart("/api/v1/checks/snapshots")
                        .file(new MockMultipartFile("file", name, "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
                        .param("kind", kind)
                        .param("asOf", asOf.toString())
                        .session(who)
                        .with(csrf()))
                .andReturn()
                .getResponse();
    }

    JsonNode read(MockHttpServletResponse res) throws Exception {
        return json.readTree(res.getContentAsString());
    }

    /** An upload accepted for the background load (202), followed until it is done: the snapshot as then. */
    JsonNode loaded(MockHttpServletResponse res) throws Exception {
        assertThat(res.getStatus()).as(res.getContentAsString()).isEqualTo(202);
        assertThat(read(res).get("alreadyLoaded").asBoolean()).isFalse();
        return awaitLoad(read(res).get("snapshot").get("id").asLong());
    }

    JsonNode awaitLoad(long id) throws Exception {
        long end = System.currentTimeMillis() + 60_000;
        JsonNode s = getJson(head, "/api/v1/checks/snapshots/" + id);
        while ("LOADING".equals(s.get("status").asText()) && System.currentTimeMillis() < end) {
            Thread.sleep(50);
            s = getJson(head, "/api/v1/checks/snapshots/" + id);
        }
        return s;
    }

    JsonNode getJson(MockHttpSession who, String url) throws Exception {
        MockHttpServletResponse res =
                mvc.perform(get(url).session(who)).andReturn().getResponse();
        assertThat(res.getStatus()).as(url).isEqualTo(200);
        return json.readTree(res.getContentAsString());
    }

    @Test
    void badRowsAreRefusedWithAReasonPerRowAndField() throws Exception {
        String csv = LEDGER_HEADER
                + "BR-L1," + id(1) + ",B03,M01,农户小额信用贷款,50000.00,20000.00,2025-03-01,2027-03-01,正常,\n"
                + "BR-L2," + badChecksum(2) + ",B03,M01,农户小额信用贷款,50000,20000,2025-03-01,2027-03-01,正常,\n"
                + "BR-L3," + id(3) + ",B03,M01,农户小额信用贷款,50000,20000,2025-03-01,2027-03-01,很差,\n"
                + "BR-L4," + id(4) + ",B03,M01,农户小额信用贷款,50000,-1.00,2025-03-01,2027-03-01,关注,\n"
                + "BR-L5," + id(5) + ",B01,M01,农户小额信用贷款,50000,20000,2025-03-01,2027-03-01,正常,\n";
        MockHttpServletResponse res = upload(head, "LEDGER", Today.date(), "ledger-bad.csv", csv);
        JsonNode snap = loaded(res);
        assertThat(snap.get("status").asText()).isEqualTo("LOADED");
        assertThat(snap.get("rowsTotal").asLong()).isEqualTo(5);
        assertThat(snap.get("rowsValid").asLong()).isEqualTo(1);
        assertThat(snap.get("rowsInvalid").asLong()).isEqualTo(4);
        long sid = snap.get("id").asLong();
        JsonNode rows = getJson(head, "/api/v1/checks/snapshots/" + sid + "/rows?status=INVALID");
        Map<Integer, String> reasons = new HashMap<>();
        rows.get("items")
                .forEach(r ->
                        reasons.put(r.get("rowNo").asInt(), r.get("reasons").asText()));
        // header is line 1: the data rows are 2..6
        assertThat(reasons).containsOnlyKeys(3, 4, 5, 6);
        assertThat(reasons.get(3)).isEqualTo("BORROWER_ID:customer.id.checksum");
        assertThat(reasons.get(4)).startsWith("CLASS:check.choice.unknown");
        assertThat(reasons.get(5)).isEqualTo("BALANCE:check.amount.negative");
        assertThat(reasons.get(6)).isEqualTo("BRANCH:check.branch.outOfScope");
        // the valid row keeps its parsed values, money exact
        var valid = jdbc.sql(
                        "select loan_no, balance, loan_class from check_row where snapshot_id = :s and status = 'VALID'")
                .param("s", sid)
                .query((rs, n) -> List.of(rs.getString(1), rs.getBigDecimal(2).toPlainString(), rs.getString(3)))
                .single();
        assertThat(valid).containsExactly("BR-L1", "20000.00", "NORMAL");
        // the page says it in Chinese
        String page = mvc.perform(get("/checks/snapshots/" + sid).session(head))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("校验位不对").contains("不能为负数").contains("不在上传人的辖内");
    }

    @Test
    void theSameFileTwiceChangesNothingAndSaysSo() throws Exception {
        String csv = LEDGER_HEADER + "SF-L1," + id(11) + ",B03,M01,农户小额信用贷款,1000,1000,2025-01-01,2026-12-31,正常,\n";
        LocalDate asOf = Today.date().minusDays(3);
        MockHttpServletResponse first = upload(head, "LEDGER", asOf, "same.csv", csv);
        assertThat(loaded(first).get("status").asText()).isEqualTo("LOADED");
        long snapshots = jdbc.sql("select count(*) from check_snapshot")
                .query(Long.class)
                .single();
        long rows = jdbc.sql("select count(*) from check_row").query(Long.class).single();
        long audits =
                jdbc.sql("select count(*) from audit_log").query(Long.class).single();
        MockHttpServletResponse second = upload(head, "LEDGER", asOf, "same-again.csv", csv);
        assertThat(second.getStatus()).isEqualTo(200);
        assertThat(read(second).get("alreadyLoaded").asBoolean()).isTrue();
        assertThat(read(second).get("snapshot").get("id").asLong())
                .isEqualTo(read(first).get("snapshot").get("id").asLong());
        assertThat(jdbc.sql("select count(*) from check_snapshot")
                        .query(Long.class)
                        .single())
                .isEqualTo(snapshots);
        assertThat(jdbc.sql("select count(*) from check_row").query(Long.class).single())
                .isEqualTo(rows);
        assertThat(jdbc.sql("select count(*) from audit_log").query(Long.class).single())
                .isEqualTo(audits);
    }

    @Test
    void aWrongHeaderIsRefusedWhole_theSnapshotSaysWhy_andNoRowIsKept() throws Exception {
        MockHttpServletResponse res = upload(head, "WRITE_OFF", Today.date(), "wrong.csv", LEDGER_HEADER + "x\n");
        JsonNode snap = loaded(res);
        assertThat(snap.get("status").asText()).isEqualTo("FAILED");
        assertThat(snap.get("errorKey").asText()).isEqualTo("check.error.header");
        // column 1 of a write-off file is headed 贷款账号 like the ledger's; column 4 is not
        assertThat(snap.get("errorArgs").toString()).contains("\"4\"").contains("金额");
        long sid = snap.get("id").asLong();
        assertThat(jdbc.sql("select count(*) from check_row where snapshot_id = :s")
                        .param("s", sid)
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(getJson(head, "/api/v1/checks/snapshots/current").toString()).doesNotContain("" + sid);
        String page = mvc.perform(get("/checks/snapshots/" + sid).session(head))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("文件未能加载").contains("请使用模板");
    }

    @Test
    void eachBadRecordRemovesTheHousehold_namingTheSnapshotRow_andCertificatesAreSorted() throws Exception {
        long[] c = new long[20];
        for (int i = 1; i <= 16; i++) {
            c[i] = fx.customerIn(b03Area, id(100 + i), "核查测试" + i);
        }
        // c8 lives in c9's household: a member's litigation removes the whole household
        jdbc.sql("update customer set household_id = :h, relationship = 'SPOUSE' where id = :c")
                .param("h", fx.householdOf(c[9]))
                .param("c", c[8])
                .update();
        jdbc.sql("update customer set excluded = true where id = :c")
                .param("c", c[10])
                .update();
        LocalDate today = Today.date();
        String ledger = LEDGER_HEADER
                + "T-L1," + id(101) + ",B03,M01,农户贷款,30000,12000.50,2025-01-01,2027-01-01,次级,\n"
                + "T-L2," + id(102) + ",B03,M01,农户贷款,30000,12000,2025-01-01,2027-01-01,正常,\n"
                + "T-L3," + id(103) + ",B03,M01,农户贷款,30000,0,2020-01-01,2021-01-01,损失,\n"
                + "T-L4," + id(111) + ",B03,M01,农户贷款,30000,10000,2025-01-01,2027-01-01,关注," + id(112) + "\n";
        long ledgerId = snapshotId(upload(head, "LEDGER", today, "t-ledger.csv", ledger));
        String writeOff = "贷款账号,借款人身份证号,机构代码,金额,发生日期,是否个人贷款\n"
                + "T-W1," + id(104) + ",B03,5000,2019-06-30,是\n"
                + "T-W2," + id(105) + ",B03,5000,2019-06-30,否\n"
                + "T-W3," + id(115) + ",B03,8000,2018-12-31,是\n";
        long writeOffId = snapshotId(upload(head, "WRITE_OFF", today, "t-writeoff.csv", writeOff));
        String repaid =
                "贷款账号,借款人身份证号,机构代码,金额,发生日期,担保人身份证号\n" + "T-G1," + id(106) + ",B03,7000,2022-05-01," + id(102) + "\n";
        long repaidId = snapshotId(upload(head, "GUARANTOR_REPAID", today, "t-repaid.csv", repaid));
        String guaranteeDefault = "贷款账号,担保人身份证号,机构代码,金额,发生日期\n" + "T-D1," + id(107) + ",B03,9000,2023-02-01\n";
        long defaultId = snapshotId(upload(head, "GUARANTEE_DEFAULT", today, "t-default.csv", guaranteeDefault));
        String litigation = "贷款账号,借款人身份证号,机构代码,金额,发生日期\n" + "T-S1," + id(108) + ",B03,4000,2024-08-08\n";
        long litigationId = snapshotId(upload(head, "LITIGATION", today, "t-litigation.csv", litigation));
        String certificates = "贷款证号,持证人身份证号,机构代码,金额,余额,发放日期,到期日期,拖欠情况,是否正常付息,是否申请提额\n"
                + "T-C1," + id(111) + ",B03,50000,10000,2024-01-01,2027-01-01,无,是,是\n"
                + "T-C2," + id(112) + ",B03,50000,10000,2024-01-01,2027-01-01,无,是,否\n"
                + "T-C3," + id(113) + ",B03,50000,10000,2024-01-01,2027-01-01,恶意拖欠,否,否\n"
                + "T-C4," + id(114) + ",B03,50000,10000,2024-01-01,2027-01-01,非恶意拖欠,是,否\n"
                + "T-C5," + id(115) + ",B03,50000,10000,2024-01-01,2027-01-01,无,是,是\n"
                + "T-C6," + id(116) + ",B03,50000,10000,2024-01-01,2027-01-01,非恶意拖欠,否,否\n";
        long certId = snapshotId(upload(head, "CERTIFICATE", today, "t-cert.csv", certificates));

        Map<Long, JsonNode> flagged = new HashMap<>();
        getJson(head, "/api/v1/checks/households?size=500")
                .get("items")
                .forEach(h -> flagged.put(h.get("householdId").asLong(), h));
        // R24(1): substandard with a balance; a normal loan and a repaid loss loan are not bad records
        assertReasons(flagged.get(fx.householdOf(c[1])), "NON_PERFORMING", ledgerId, 2);
        assertThat(flagged).doesNotContainKey(fx.householdOf(c[2]));
        assertThat(flagged).doesNotContainKey(fx.householdOf(c[3]));
        // R24(3): a personal loan written off; not a company loan
        assertReasons(flagged.get(fx.householdOf(c[4])), "WRITTEN_OFF", writeOffId, 2);
        assertThat(flagged).doesNotContainKey(fx.householdOf(c[5]));
        // R24(2), (4), (5)
        assertReasons(flagged.get(fx.householdOf(c[6])), "GUARANTOR_REPAID", repaidId, 2);
        assertReasons(flagged.get(fx.householdOf(c[7])), "GUARANTEE_DEFAULT", defaultId, 2);
        assertReasons(flagged.get(fx.householdOf(c[9])), "LITIGATION", litigationId, 2);
        assertThat(flagged.get(fx.householdOf(c[9]))
                        .get("reasons")
                        .get(0)
                        .get("memberName")
                        .asText())
                .isEqualTo("核查测试8");
        // R7: an excluded person's household, with no snapshot row
        JsonNode excluded = flagged.get(fx.householdOf(c[10]));
        assertThat(excluded.get("removed").asBoolean()).isTrue();
        assertThat(excluded.get("reasons").get(0).get("reason").asText()).isEqualTo("EXCLUDED");
        assertThat(excluded.get("reasons").get(0).get("snapshotId").isNull()).isTrue();
        // IDs are masked
        assertThat(flagged.get(fx.householdOf(c[1])).toString()).doesNotContain(id(101));

        // R25
        assertCategory(flagged.get(fx.householdOf(c[11])), "RAISE_AFTER_REPAYMENT", certId, 2);
        assertThat(flagged.get(fx.householdOf(c[11])).get("removed").asBoolean())
                .isFalse();
        assertCategory(flagged.get(fx.householdOf(c[12])), "RUN_TO_MATURITY", certId, 3);
        assertCategory(flagged.get(fx.householdOf(c[13])), "NO_CREDIT", certId, 4);
        assertCategory(flagged.get(fx.householdOf(c[14])), "AFTER_FULL_REPAYMENT", certId, 5);
        // written off (T-W3) though no arrears are declared on the certificate: no credit; and removed by R24
        assertCategory(flagged.get(fx.householdOf(c[15])), "NO_CREDIT", certId, 6);
        assertReasons(flagged.get(fx.householdOf(c[15])), "WRITTEN_OFF", writeOffId, 4);
        // non-wilful but no interest paid: not one of R25's easier cases
        assertCategory(flagged.get(fx.householdOf(c[16])), "NO_CREDIT", certId, 7);

        // the filters
        List<Long> removedOnly = new ArrayList<>();
        getJson(head, "/api/v1/checks/households?filter=REMOVED&size=500")
                .get("items")
                .forEach(h -> removedOnly.add(h.get("householdId").asLong()));
        assertThat(removedOnly).contains(fx.householdOf(c[1])).doesNotContain(fx.householdOf(c[12]));

        // the page shows the reasons and categories, and no full ID
        String page = mvc.perform(get("/checks/households").session(head))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page)
                .contains("当前不良贷款（R24-1）")
                .contains("已排除（R7）")
                .contains("不予授信")
                .contains("快照 " + ledgerId + " 第 2 行")
                .doesNotContain(id(101));

        // another branch's head sees neither these households nor B03's snapshots
        MockHttpSession other = Logins.as(mvc, "b02_head");
        List<Long> seenByB02 = new ArrayList<>();
        getJson(other, "/api/v1/checks/households?size=500")
                .get("items")
                .forEach(h -> seenByB02.add(h.get("householdId").asLong()));
        assertThat(seenByB02).doesNotContain(fx.householdOf(c[1]), fx.householdOf(c[10]));
        assertThat(mvc.perform(get("/api/v1/checks/snapshots/" + ledgerId).session(other))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);
    }

    @Test
    void templatesCarryTheHeaderTheReaderChecks() throws Exception {
        MockHttpServletResponse csv = mvc.perform(
                        get("/checks/templates/LEDGER.csv").session(head))
                .andReturn()
                .getResponse();
        assertThat(csv.getStatus()).isEqualTo(200);
        assertThat(csv.getContentAsString(StandardCharsets.UTF_8))
                .isEqualTo("\uFEFF" + LEDGER_HEADER.replace("\n", "\r\n"));
        MockHttpServletResponse xlsx = mvc.perform(
                        get("/api/v1/checks/templates/CERTIFICATE.xlsx").session(head))
                .andReturn()
                .getResponse();
        assertThat(xlsx.getStatus()).isEqualTo(200);
        assertThat(xlsx.getContentAsByteArray()).startsWith((byte) 'P', (byte) 'K');
    }

    @Test
    void anXlsxUploadThroughThePage_andTheSameFileAgainSaysSo() throws Exception {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        org.dhatim.fastexcel.Workbook wb = new org.dhatim.fastexcel.Workbook(out, "test", "1.0");
        org.dhatim.fastexcel.Worksheet ws = wb.newWorksheet("诉讼清收");
        String[] header = {"贷款账号", "借款人身份证号", "机构代码", "金额", "发生日期"};
        for (int i = 0; i < header.length; i++) {
            ws.inlineString(0, i, header[i]);
        }
        ws.inlineString(1, 0, "X-S1");
        ws.inlineString(1, 1, id(201));
        ws.inlineString(1, 2, "B03");
        ws.value(1, 3, 1234.5);
        ws.inlineString(1, 4, "2024-05-06");
        ws.inlineString(2, 0, "X-S2");
        ws.inlineString(2, 1, id(202));
        ws.inlineString(2, 2, "B03");
        ws.formula(2, 3, "1+1");
        ws.inlineString(2, 4, "2024-05-06");
        wb.finish();
        MockMultipartFile file =
                new MockMultipartFile("file", "诉讼.xlsx", "application/octet-stream", out.toByteArray());
        String asOf = Today.date().minusDays(5).toString();
        MockHttpServletResponse first = mvc.perform(multipart("/checks/upload")
                        .file(file)
                        .param("kind", "LITIGATION")
                        .param("asOf", asOf)
                        .session(head)
                        .with(csrf()))
                .andReturn()
                .getResponse();
        assertThat(first.getStatus()).isEqualTo(302);
        long sid = Long.parseLong(first.getRedirectedUrl().replaceAll(".*/", ""));
        assertThat(awaitLoad(sid).get("status").asText()).isEqualTo("LOADED");
        var rows = jdbc.sql(
                        "select row_no, status, amount, reasons from check_row where snapshot_id = :s order by row_no")
                .param("s", sid)
                .query((rs, n) ->
                        rs.getInt(1) + " " + rs.getString(2) + " " + rs.getBigDecimal(3) + " " + rs.getString(4))
                .list();
        assertThat(rows).containsExactly("2 VALID 1234.50 null", "3 INVALID null AMOUNT:check.cell.formula");
        var againResult = mvc.perform(multipart("/checks/upload")
                        .file(file)
                        .param("kind", "LITIGATION")
                        .param("asOf", asOf)
                        .session(head)
                        .with(csrf()))
                .andReturn();
        MockHttpServletResponse again = againResult.getResponse();
        assertThat(again.getRedirectedUrl()).endsWith("/checks/snapshots/" + sid);
        assertThat(againResult.getFlashMap().get("alreadyLoaded")).isEqualTo(true);
    }

    @Test
    void theApiIsInTheOpenApiDocument() throws Exception {
        String doc = mvc.perform(get("/v3/api-docs").session(head))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(doc)
                .contains("\"/api/v1/checks/snapshots\"")
                .contains("\"/api/v1/checks/snapshots/{id}/rows\"")
                .contains("\"/api/v1/checks/households\"");
    }

    long snapshotId(MockHttpServletResponse res) throws Exception {
        JsonNode s = loaded(res);
        assertThat(s.get("status").asText()).isEqualTo("LOADED");
        assertThat(s.get("rowsInvalid").asLong()).as(res.getContentAsString()).isZero();
        return s.get("id").asLong();
    }

    static void assertReasons(JsonNode household, String reason, long snapshotId, int rowNo) {
        assertThat(household).as("household flagged for " + reason).isNotNull();
        assertThat(household.get("removed").asBoolean()).isTrue();
        List<String> found = new ArrayList<>();
        household
                .get("reasons")
                .forEach(r -> found.add(r.get("reason").asText() + "@"
                        + r.get("snapshotId").asLong() + "#" + r.get("rowNo").asInt()));
        assertThat(found).contains(reason + "@" + snapshotId + "#" + rowNo);
    }

    static void assertCategory(JsonNode household, String category, long snapshotId, int rowNo) {
        assertThat(household).as("household with certificate " + category).isNotNull();
        assertThat(household.get("certificate").asText()).isEqualTo(category);
        JsonNode cert = household.get("certificates").get(0);
        assertThat(cert.get("snapshotId").asLong()).isEqualTo(snapshotId);
        assertThat(cert.get("rowNo").asInt()).isEqualTo(rowNo);
    }
}
