package sunshine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Data scoping (foundation issue, point 5): every write endpoint, asked to change a record of another bank or
 * another branch, answers 404 exactly as for a missing record, changes nothing, and the attempt is audited.
 * The test lists the application's write endpoints itself: a new one fails here until it is covered.
 */
@PlatformTest
class ScopingTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    Fixtures fx;
    long b01;
    long b01Staff;
    long b01Area;
    long zqHead;
    long foreignToken;
    long b01Customer;
    long b01Household;
    long b01Import;
    long b01Panel;
    long b01BookletPanel;
    long b01EstimateCopy;
    long b01Member;
    long b01Training;
    long b01Complaint;

    /** Endpoints that act only on the caller themself (their password, their tokens, their bank's log). */
    static final Set<String> SELF_SERVICE = Set.of(
            "POST /me/password",
            "POST /me/tokens",
            "POST /api/v1/tokens",
            "POST /audit/verify",
            "POST /api/v1/audit/verify",
            // an upload creates the uploader's own import; rows outside their areas are refused (FilingImportTest)
            "POST /filing/import",
            "POST /api/v1/filing/imports",
            // the bank's template fields: always the caller's own bank
            "POST /filing/fields",
            // the bank's campaign calendar (R3): always the caller's own bank
            "PUT /api/v1/plans/phases",
            "POST /plans/phases",
            // the bank's aggregation rules: always the caller's own bank (ReviewRulesTest: another bank's stay)
            "POST /review/rules",
            "PUT /api/v1/review/rules",
            // the calculator works on the figures sent and stores nothing
            "POST /api/v1/review/calculations",
            // an upload creates the uploader's own snapshot; rows of branches outside their subtree are refused
            // row by row (ChecksTest)
            "POST /checks/upload",
            "POST /api/v1/checks/snapshots",
            // publicity: a new version of the published terms is always of the caller's own bank (R35)
            "POST /publicity/terms",
            "POST /api/v1/publicity/terms",
            // results: the bank-wide run aggregates the caller's own bank only (head-office credit)
            "POST /review/aggregation",
            // approval: the bank's approval settings are always the caller's own bank
            "POST /approval/settings",
            // credit: the bank's incentive amounts and default term; the core ledger feed refuses lines of certificates
            // outside the caller's scope one by one, like unknown ones (LinesTest)
            "POST /credit/settings",
            "PUT /api/v1/credit/settings",
            "POST /api/v1/credit/ledger-feed",
            // dashboards: the bank's own targets, refresh and CRM segment rules (an area named in a rule is checked
            // against the scope; another bank's segment answers 404: DashboardTest)
            "POST /dashboard/settings",
            "PUT /api/v1/dashboard/settings",
            "POST /dashboard/refresh",
            "POST /api/v1/dashboard/refresh",
            "POST /dashboard/segments",
            "POST /dashboard/segments/{id}/delete",
            "POST /api/v1/dashboard/segments",
            "DELETE /api/v1/dashboard/segments/{id}");

    /**
     * Public endpoints (no login, no scope): an area's public page takes a complaint for the area behind its
     * unguessable token only, so no caller can reach another area's or bank's data through it; abuse is held off by
     * the signed arithmetic check and the per-address rate limit (PublicPageTest).
     */
    static final Set<String> PUBLIC = Set.of("POST /p/{token}/complaint");

    @BeforeEach
    void ids() {
        fx = new Fixtures(jdbc);
        b01 = fx.branch("ZQRCB", "B01");
        b01Staff = fx.staffOf("b01_am1");
        b01Area = fx.firstArea(b01);
        zqHead = fx.headOffice("ZQRCB");
        b01Customer = fx.customerIn(b01Area, sunshine.customer.ResidentId.complete("37018119800101001"), "范围测试");
        b01Household = fx.householdOf(b01Customer);
        String b01Path = jdbc.sql("select path from branch where id = :b")
                .param("b", b01)
                .query(String.class)
                .single();
        b01Import = jdbc.sql("""
                insert into filing_import (bank_id, staff_id, scope_path, file_name, file_sha256, file_path, status)
                values (:bank, :staff, :path, 'b01.xlsx', repeat('0', 64), '/nonexistent', 'PREVIEW') returning id""")
                .param("bank", fx.bank("ZQRCB"))
                .param("staff", b01Staff)
                .param("path", b01Path)
                .query(Long.class)
                .single();
        panelFixtures();
        // a confirmed panel of B01 with one member, for the booklet prints (review module)
        jdbc.sql("delete from panel where branch_id = :b and name = '范围测试印册小组'")
                .param("b", b01)
                .update();
        BookletFixture booklets = BookletFixture.of(jdbc, "ZQRCB");
        b01BookletPanel = booklets.panel(b01, "范围测试印册小组", "CONFIRMED", b01Area);
        booklets.seat(b01BookletPanel, 1, "范围测试", "CADRE", false, null);
        // a printed version of it with copy 1 keyed by B01's data-entry staff (review module: entry and verification)
        long b01Print = jdbc.sql("""
                insert into booklet_print (bank_id, branch_id, panel_id, version, printed_by_name, households,
                                           content_hash, seats)
                values (:bank, :b, :p, 1, '范围测试', 1, repeat('0', 64),
                        cast('[{"copy":1,"name":"范围测试","role":"村干部","householdId":null}]' as jsonb))
                returning id""")
                .param("bank", fx.bank("ZQRCB"))
                .param("b", b01)
                .param("p", b01BookletPanel)
                .query(Long.class)
                .single();
        jdbc.sql("insert into booklet_print_row (print_id, row_no, household_id) values (:p, 1, :h)")
                .param("p", b01Print)
                .param("h", b01Household)
                .update();
        long b01Entry = fx.staffOf("b01_entry");
        b01EstimateCopy = jdbc.sql("""
                insert into estimate_copy (bank_id, branch_id, panel_id, print_id, copy_no, member_name, status, source,
                                           keyed_by, keyed_by_name, keyed_at)
                values (:bank, :b, :p, :print, 1, '范围测试', 'KEYED', 'PAPER', :by, '范围测试', now())
                returning id""")
                .param("bank", fx.bank("ZQRCB"))
                .param("b", b01)
                .param("p", b01BookletPanel)
                .param("print", b01Print)
                .param("by", b01Entry)
                .query(Long.class)
                .single();
        jdbc.sql("insert into estimate (copy_id, row_no, household_id, k1_assets) values (:c, 1, :h, 1000)")
                .param("c", b01EstimateCopy)
                .param("h", b01Household)
                .update();
        b01Complaint = jdbc.sql("""
                insert into complaint (bank_id, branch_id, area_id, channel, kind, phone, content)
                values (:bank, :branch, :area, 'PHONE', 'COMPLAINT', '13800000000', '范围测试投诉') returning id""")
                .param("bank", fx.bank("ZQRCB"))
                .param("branch", b01)
                .param("area", b01Area)
                .query(Long.class)
                .single();
        foreignToken = jdbc.sql("""
                insert into api_token (bank_id, staff_id, name, token_hash, token_prefix)
                values (:bank, :staff, 'scoping test', md5(random()::text) || md5(random()::text), 'sct_test')
                returning id""")
                .param("bank", fx.bank("ZQRCB"))
                .param("staff", b01Staff)
                .query(Long.class)
                .single();
    }

    /** How to ask each write endpoint to touch B01 of 章丘农商银行 (valid bodies, so only scope can refuse). */
    Map<String, Function<Void, AbstractMockHttpServletRequestBuilder<?>>> requests() {
        String branchJson = "{\"parentId\":" + zqHead + ",\"kind\":\"BRANCH\",\"code\":\"X99\",\"name\":\"越权支行\"}";
        String outletJson = "{\"parentId\":" + b01 + ",\"kind\":\"OUTLET\",\"code\":\"X98\",\"name\":\"越权网点\"}";
        String staffJson = "{\"branchId\":" + b01 + ",\"staffNo\":\"X001\",\"name\":\"越权\",\"phone\":\"13800000000\"}";
        String areaJson = "{\"branchId\":" + b01 + ",\"kind\":\"MARKET\",\"name\":\"越权市场\",\"actualHouseholds\":1,"
                + "\"businessHouseholds\":0,\"loanCertCount\":0,\"loanCertAmount\":0,\"badLoanCount\":0,\"badLoanAmount\":0}";
        MockMultipartFile villages = new MockMultipartFile(
                "villages",
                "villages.csv",
                "text/csv",
                "code,name,streetCode,provinceCode,cityCode,areaCode\n370114001001,\"明一社区居民委员会\",370114001,37,3701,370114\n"
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Map<String, Function<Void, AbstractMockHttpServletRequestBuilder<?>>> r = new LinkedHashMap<>();
        r.put("POST /api/v1/branches", v -> json(post("/api/v1/branches"), outletJson));
        r.put("PUT /api/v1/branches/{id}", v -> json(put("/api/v1/branches/" + b01), branchJson));
        r.put(
                "POST /api/v1/branches/{id}/move",
                v -> json(post("/api/v1/branches/" + b01 + "/move"), "{\"parentId\":" + zqHead + ",\"version\":0}"));
        r.put("POST /api/v1/branches/{id}/deactivate", v -> post("/api/v1/branches/" + b01 + "/deactivate"));
        r.put("POST /api/v1/branches/{id}/activate", v -> post("/api/v1/branches/" + b01 + "/activate"));
        r.put("POST /api/v1/staff", v -> json(post("/api/v1/staff"), staffJson));
        r.put("PUT /api/v1/staff/{id}", v -> json(put("/api/v1/staff/" + b01Staff), staffJson));
        r.put("POST /api/v1/staff/{id}/deactivate", v -> post("/api/v1/staff/" + b01Staff + "/deactivate"));
        r.put("POST /api/v1/staff/{id}/activate", v -> post("/api/v1/staff/" + b01Staff + "/activate"));
        r.put("POST /api/v1/areas", v -> json(post("/api/v1/areas"), areaJson));
        r.put("PUT /api/v1/areas/{id}", v -> json(put("/api/v1/areas/" + b01Area), areaJson));
        r.put("POST /api/v1/areas/{id}/deactivate", v -> post("/api/v1/areas/" + b01Area + "/deactivate"));
        r.put("POST /api/v1/areas/{id}/activate", v -> post("/api/v1/areas/" + b01Area + "/activate"));
        r.put(
                "POST /api/v1/areas/division-import",
                v -> multipart("/api/v1/areas/division-import")
                        .file(villages)
                        .param("countyCode", "370114")
                        .param("branchId", String.valueOf(b01)));
        r.put("DELETE /api/v1/tokens/{id}", v -> delete("/api/v1/tokens/" + foreignToken));
        r.put(
                "POST /org/branches",
                v -> form(
                        post("/org/branches"),
                        Map.of("parentId", b01, "kind", "OUTLET", "code", "X97", "name", "越权网点")));
        r.put(
                "POST /org/branches/{id}",
                v -> form(
                        post("/org/branches/" + b01),
                        Map.of("parentId", zqHead, "kind", "BRANCH", "code", "X96", "name", "越权")));
        r.put(
                "POST /org/branches/{id}/active",
                v -> form(post("/org/branches/" + b01 + "/active"), Map.of("active", false)));
        r.put(
                "POST /org/staff",
                v -> form(post("/org/staff"), Map.of("branchId", b01, "staffNo", "X002", "name", "越权")));
        r.put(
                "POST /org/staff/{id}",
                v -> form(post("/org/staff/" + b01Staff), Map.of("branchId", b01, "staffNo", "X003", "name", "越权")));
        r.put(
                "POST /org/staff/{id}/active",
                v -> form(post("/org/staff/" + b01Staff + "/active"), Map.of("active", false)));
        r.put(
                "POST /org/staff/{id}/account",
                v -> form(
                        post("/org/staff/" + b01Staff + "/account"),
                        Map.of("username", "hijack", "password", "Hijack2026")));
        r.put("POST /org/staff/{id}/account/unlock", v -> post("/org/staff/" + b01Staff + "/account/unlock"));
        r.put(
                "POST /org/areas",
                v -> form(
                        post("/org/areas"),
                        Map.of(
                                "branchId",
                                b01,
                                "kind",
                                "MARKET",
                                "name",
                                "越权市场",
                                "actualHouseholds",
                                1,
                                "businessHouseholds",
                                0,
                                "loanCertCount",
                                0,
                                "loanCertAmount",
                                0,
                                "badLoanCount",
                                0,
                                "badLoanAmount",
                                0)));
        r.put(
                "POST /org/areas/{id}",
                v -> form(
                        post("/org/areas/" + b01Area),
                        Map.of(
                                "branchId",
                                b01,
                                "kind",
                                "MARKET",
                                "name",
                                "越权市场",
                                "actualHouseholds",
                                1,
                                "businessHouseholds",
                                0,
                                "loanCertCount",
                                0,
                                "loanCertAmount",
                                0,
                                "badLoanCount",
                                0,
                                "badLoanAmount",
                                0)));
        r.put(
                "POST /org/areas/{id}/active",
                v -> form(post("/org/areas/" + b01Area + "/active"), Map.of("active", false)));
        r.put(
                "POST /org/areas/import",
                v -> multipart("/org/areas/import")
                        .file(villages)
                        .param("countyCode", "370114")
                        .param("branchId", String.valueOf(b01)));
        r.put("POST /me/tokens/{id}/revoke", v -> post("/me/tokens/" + foreignToken + "/revoke"));

        String c = "/customers/" + b01Customer;
        String h = "/households/" + b01Household;
        String personJson = "{\"areaId\":" + b01Area + ",\"name\":\"越权\",\"residentId\":\""
                + sunshine.customer.ResidentId.complete("37018119800101002")
                + "\",\"phone\":\"13800000000\",\"address\":\"某地\",\"customerType\":\"FARMER\"}";
        r.put("POST /api/v1/customers", v -> json(post("/api/v1/customers"), personJson));
        r.put("POST /api/v1/customers/{id}/unmask", v -> post("/api/v1" + c + "/unmask"));
        r.put(
                "POST /api/v1/customers/{id}/exclusion",
                v -> json(post("/api/v1" + c + "/exclusion"), "{\"reason\":\"OTHER\",\"note\":\"x\"}"));
        r.put(
                "POST /api/v1/customers/{id}/exclusion/lift",
                v -> json(post("/api/v1" + c + "/exclusion/lift"), "{\"note\":\"x\"}"));
        r.put(
                "POST /api/v1/customers/{id}/documents",
                v -> json(post("/api/v1" + c + "/documents"), "{\"kind\":\"ID_COPY\",\"receivedOn\":\"2026-01-01\"}"));
        r.put(
                "POST /api/v1/customers/{id}/credit-queries",
                v -> json(post("/api/v1" + c + "/credit-queries"), "{\"purpose\":\"x\"}"));
        r.put(
                "PUT /api/v1/customers/{id}/questionnaire",
                v -> json(put("/api/v1" + c + "/questionnaire"), "{\"answers\":{\"wechatPay\":true}}"));
        r.put(
                "POST /api/v1/customers/{id}/move",
                v -> json(
                        post("/api/v1" + c + "/move"),
                        "{\"householdId\":" + b01Household + ",\"relationship\":\"SPOUSE\"}"));
        r.put(
                "POST /api/v1/households/{id}/merge",
                v -> json(
                        post("/api/v1" + h + "/merge"),
                        "{\"intoHouseholdId\":" + b01Household + ",\"formerRepresentativeRelationship\":\"CHILD\"}"));
        r.put(
                "POST /api/v1/households/{id}/representative",
                v -> json(
                        post("/api/v1" + h + "/representative"),
                        "{\"customerId\":" + b01Customer + ",\"formerRepresentativeRelationship\":\"SPOUSE\"}"));
        r.put(
                "POST /customers",
                v -> form(
                        post("/customers"),
                        Map.of(
                                "areaId",
                                b01Area,
                                "name",
                                "越权",
                                "residentId",
                                sunshine.customer.ResidentId.complete("37018119800101002"),
                                "phone",
                                "13800000000",
                                "address",
                                "某地",
                                "customerType",
                                "FARMER")));
        r.put("POST /customers/{id}/unmask", v -> post(c + "/unmask"));
        r.put(
                "POST /customers/{id}/exclusion",
                v -> form(post(c + "/exclusion"), Map.of("reason", "OTHER", "note", "x")));
        r.put("POST /customers/{id}/exclusion/lift", v -> form(post(c + "/exclusion/lift"), Map.of("note", "x")));
        r.put(
                "POST /customers/{id}/documents",
                v -> form(post(c + "/documents"), Map.of("kind", "ID_COPY", "receivedOn", "2026-01-01")));
        r.put("POST /customers/{id}/credit-queries", v -> form(post(c + "/credit-queries"), Map.of("purpose", "x")));
        r.put(
                "POST /customers/{id}/questionnaire",
                v -> form(post(c + "/questionnaire"), Map.of("q_wechatPay", "yes")));
        r.put(
                "POST /customers/{id}/move",
                v -> form(post(c + "/move"), Map.of("householdId", b01Household, "relationship", "SPOUSE")));
        r.put(
                "POST /households/{id}/merge",
                v -> form(post(h + "/merge"), Map.of("intoHouseholdId", b01Household, "relationship", "CHILD")));
        r.put(
                "POST /households/{id}/representative",
                v -> form(post(h + "/representative"), Map.of("customerId", b01Customer, "relationship", "SPOUSE")));
        r.put("POST /api/v1/filing/imports/{id}/commit", v -> post("/api/v1/filing/imports/" + b01Import + "/commit"));
        r.put(
                "POST /api/v1/filing/imports/{id}/discard",
                v -> post("/api/v1/filing/imports/" + b01Import + "/discard"));
        r.put("POST /filing/import/{id}/commit", v -> post("/filing/import/" + b01Import + "/commit"));
        r.put("POST /filing/import/{id}/discard", v -> post("/filing/import/" + b01Import + "/discard"));
        panelRequests(r);
        // booklets (review module): printing records a version
        r.put("POST /panels/{id}/booklets", v -> post("/panels/" + b01BookletPanel + "/booklets"));
        r.put("POST /api/v1/panels/{id}/booklets", v -> post("/api/v1/panels/" + b01BookletPanel + "/booklets"));
        // entry and verification of the copies (review module)
        String entry = "/panels/" + b01BookletPanel + "/entry";
        String copy = "/review/copies/" + b01EstimateCopy;
        String api = "/api/v1/review";
        String keying = "{\"finish\":true,\"lines\":[{\"householdId\":" + b01Household + ",\"assets\":5}]}";
        MockMultipartFile workbook =
                new MockMultipartFile("file", "copy.xlsx", "application/octet-stream", new byte[] {'P', 'K', 3, 4});
        r.put(
                "POST /panels/{id}/entry/upload",
                v -> multipart(entry + "/upload").file(workbook));
        r.put(
                "POST /panels/{id}/entry/{copyNo}",
                v -> form(post(entry + "/1"), Map.of("households", b01Household, "assets_" + b01Household, "5")));
        r.put(
                "POST /review/copies/{copyId}/second",
                v -> form(post(copy + "/second"), Map.of("households", b01Household, "assets_" + b01Household, "5")));
        r.put(
                "POST /review/copies/{copyId}/resolve",
                v -> form(post(copy + "/resolve"), Map.of("households", b01Household, "assets_" + b01Household, "5")));
        r.put(
                "PUT /api/v1/review/panels/{id}/copies/{copyNo}",
                v -> json(put(api + "/panels/" + b01BookletPanel + "/copies/1"), keying));
        r.put(
                "POST /api/v1/review/panels/{id}/workbooks",
                v -> multipart(api + "/panels/" + b01BookletPanel + "/workbooks")
                        .file(workbook));
        r.put(
                "PUT /api/v1/review/copies/{copyId}/second",
                v -> json(put(api + "/copies/" + b01EstimateCopy + "/second"), keying));
        r.put(
                "PUT /api/v1/review/copies/{copyId}/resolution",
                v -> json(put(api + "/copies/" + b01EstimateCopy + "/resolution"), keying));
        // results
        r.put("POST /panels/{id}/aggregate", v -> post("/panels/" + b01BookletPanel + "/aggregate"));
        r.put(
                "POST /api/v1/review/panels/{id}/aggregations",
                v -> post(api + "/panels/" + b01BookletPanel + "/aggregations"));
        // approval
        sunshine.approval.ApprovalScoping.requests(jdbc, b01Area, b01Household, r);
        // credit
        sunshine.credit.CreditScoping.requests(jdbc, b01Household).forEach((k, s) -> r.put(k, v -> s.get()));
        return r;
    }

    /** A draft panel with a member and a training session in B01, made once in the database (panel module). */
    private void panelFixtures() {
        long bank = fx.bank("ZQRCB");
        b01Panel = jdbc.sql("select id from panel where branch_id = :b and name = '范围测试小组'")
                .param("b", b01)
                .query(Long.class)
                .optional()
                .orElseGet(
                        () -> jdbc.sql("insert into panel (bank_id, branch_id, kind, name) values (:bank, :b, 'OTHER',"
                                        + " '范围测试小组') returning id")
                                .param("bank", bank)
                                .param("b", b01)
                                .query(Long.class)
                                .single());
        b01Member = jdbc.sql("select id from panel_member where panel_id = :p order by id limit 1")
                .param("p", b01Panel)
                .query(Long.class)
                .optional()
                .orElseGet(() -> jdbc.sql("insert into panel_member (panel_id, bank_id, seat, name, role)"
                                + " values (:p, :bank, 1, '范围', 'SHOPKEEPER') returning id")
                        .param("p", b01Panel)
                        .param("bank", bank)
                        .query(Long.class)
                        .single());
        b01Training = jdbc.sql("select id from training_session where branch_id = :b and content = '范围测试'")
                .param("b", b01)
                .query(Long.class)
                .optional()
                .orElseGet(() -> jdbc.sql("insert into training_session (bank_id, branch_id, held_on, content, trainer)"
                                + " values (:bank, :b, date '2026-01-05', '范围测试', '测试') returning id")
                        .param("bank", bank)
                        .param("b", b01)
                        .query(Long.class)
                        .single());
    }

    /** The panel module's write endpoints, each aimed at B01 (valid bodies, so only the scope can refuse). */
    private void panelRequests(Map<String, Function<Void, AbstractMockHttpServletRequestBuilder<?>>> r) {
        String p = "/panels/" + b01Panel;
        String panelJson = "{\"branchId\":" + b01 + ",\"kind\":\"OTHER\",\"name\":\"越权小组\"}";
        String memberJson = "{\"name\":\"越权\",\"role\":\"SHOPKEEPER\",\"phone\":\"13800000000\"}";
        String planJson = "{\"plannedRating\":\"2026-09-01\",\"plannedGranting\":\"2026-09-10\"}";
        String trainingJson = "{\"branchId\":" + b01
                + ",\"heldOn\":\"2026-01-05\",\"content\":\"越权\",\"trainer\":\"越权\",\"memberIds\":[]}";
        String groupJson = "{\"members\":[{\"staffId\":" + b01Staff + ",\"position\":\"LEADER\"}]}";
        r.put("POST /api/v1/panels", v -> json(post("/api/v1/panels"), panelJson));
        r.put("PUT /api/v1/panels/{id}", v -> json(put("/api/v1" + p), panelJson));
        r.put("POST /api/v1/panels/{id}/members", v -> json(post("/api/v1" + p + "/members"), memberJson));
        r.put("DELETE /api/v1/panels/{id}/members/{memberId}", v -> delete("/api/v1" + p + "/members/" + b01Member));
        r.put(
                "POST /api/v1/panels/{id}/areas",
                v -> json(post("/api/v1" + p + "/areas"), "{\"areaId\":" + b01Area + "}"));
        r.put("DELETE /api/v1/panels/{id}/areas/{areaId}", v -> delete("/api/v1" + p + "/areas/" + b01Area));
        r.put("POST /api/v1/panels/{id}/confirm", v -> post("/api/v1" + p + "/confirm"));
        r.put("POST /api/v1/panels/{id}/reopen", v -> json(post("/api/v1" + p + "/reopen"), "{\"reason\":\"x\"}"));
        r.put("POST /api/v1/panels/{id}/dissolve", v -> json(post("/api/v1" + p + "/dissolve"), "{\"reason\":\"x\"}"));
        r.put("PUT /api/v1/plans/{areaId}", v -> json(put("/api/v1/plans/" + b01Area), planJson));
        r.put(
                "POST /api/v1/plans/{areaId}/actual",
                v -> json(
                        post("/api/v1/plans/" + b01Area + "/actual"),
                        "{\"milestone\":\"RATING\",\"date\":\"2026-01-05\"}"));
        r.put("PUT /api/v1/working-groups/{branchId}", v -> json(put("/api/v1/working-groups/" + b01), groupJson));
        r.put("POST /api/v1/trainings", v -> json(post("/api/v1/trainings"), trainingJson));
        r.put("PUT /api/v1/trainings/{id}", v -> json(put("/api/v1/trainings/" + b01Training), trainingJson));
        r.put("POST /panels", v -> form(post("/panels"), Map.of("branchId", b01, "kind", "OTHER", "name", "越权小组")));
        r.put("POST /panels/{id}", v -> form(post(p), Map.of("branchId", b01, "kind", "OTHER", "name", "越权小组")));
        r.put(
                "POST /panels/{id}/members",
                v -> form(post(p + "/members"), Map.of("name", "越权", "role", "SHOPKEEPER", "phone", "13800000000")));
        r.put("POST /panels/{id}/members/{memberId}/remove", v -> post(p + "/members/" + b01Member + "/remove"));
        r.put("POST /panels/{id}/areas", v -> form(post(p + "/areas"), Map.of("areaId", b01Area)));
        r.put("POST /panels/{id}/areas/{areaId}/remove", v -> post(p + "/areas/" + b01Area + "/remove"));
        r.put("POST /panels/{id}/confirm", v -> post(p + "/confirm"));
        r.put("POST /panels/{id}/reopen", v -> form(post(p + "/reopen"), Map.of("reason", "x")));
        r.put("POST /panels/{id}/dissolve", v -> form(post(p + "/dissolve"), Map.of("reason", "x")));
        r.put("POST /plans/{areaId}", v -> form(post("/plans/" + b01Area), Map.of("plannedRating", "2026-09-01")));
        r.put(
                "POST /plans/{areaId}/actual",
                v -> form(post("/plans/" + b01Area + "/actual"), Map.of("milestone", "RATING", "date", "2026-01-05")));
        r.put(
                "POST /working-groups/{branchId}",
                v -> form(post("/working-groups/" + b01), Map.of("staffId", b01Staff, "position", "LEADER")));
        r.put(
                "POST /trainings",
                v -> form(
                        post("/trainings"),
                        Map.of("branchId", b01, "heldOn", "2026-01-05", "content", "越权", "trainer", "越权")));
        r.put(
                "POST /trainings/{id}",
                v -> form(
                        post("/trainings/" + b01Training),
                        Map.of("branchId", b01, "heldOn", "2026-01-05", "content", "越权", "trainer", "越权")));
        publicity(r);
        // findings
        long[] fr = sunshine.check.FindingFixture.b01(jdbc);
        String fd = "/checks/findings/" + fr[0];
        String refer = "{\"evidence\":\"越权\",\"ownerId\":" + fx.staffOf("ho_audit") + ",\"deadline\":\"2099-01-01\"}";
        r.put("POST /checks/run", v -> form(post("/checks/run"), Map.of("branchId", b01)));
        r.put("POST /api/v1/checks/run", v -> json(post("/api/v1/checks/run"), "{\"branchId\":" + b01 + "}"));
        r.put("POST /checks/findings/{id}/explain", v -> form(post(fd + "/explain"), Map.of("reason", "越权")));
        r.put("POST /checks/findings/{id}/accept", v -> form(post(fd + "/accept"), Map.of("note", "越权")));
        r.put(
                "POST /checks/findings/{id}/refer",
                v -> form(post(fd + "/refer"), Map.of("evidence", "越权", "ownerId", 1, "deadline", "2099-01-01")));
        r.put(
                "POST /api/v1/checks/findings/{id}/explain",
                v -> json(post("/api/v1" + fd + "/explain"), "{\"reason\":\"x\"}"));
        r.put("POST /api/v1/checks/findings/{id}/accept", v -> json(post("/api/v1" + fd + "/accept"), "{}"));
        r.put("POST /api/v1/checks/findings/{id}/refer", v -> json(post("/api/v1" + fd + "/refer"), refer));
        r.put(
                "POST /checks/referrals/{id}/steps",
                v -> form(post("/checks/referrals/" + fr[1] + "/steps"), Map.of("status", "INVESTIGATING")));
        r.put(
                "POST /api/v1/checks/referrals/{id}/steps",
                v -> json(post("/api/v1/checks/referrals/" + fr[1] + "/steps"), "{\"status\":\"INVESTIGATING\"}"));
        r.put("POST /checks/final-lists", v -> form(post("/checks/final-lists"), Map.of("areaId", b01Area)));
        r.put(
                "POST /api/v1/checks/final-lists",
                v -> json(post("/api/v1/checks/final-lists"), "{\"areaId\":" + b01Area + "}"));
    }

    private void publicity(Map<String, Function<Void, AbstractMockHttpServletRequestBuilder<?>>> r) {
        String complaintJson =
                "{\"areaId\":" + b01Area + ",\"kind\":\"COMPLAINT\",\"phone\":\"13800000000\",\"content\":\"越权\"}";
        String activityJson =
                "{\"heldOn\":\"2026-01-05\",\"method\":\"VAN\",\"staffNames\":\"越权\"," + "\"householdsReached\":1}";
        r.put(
                "POST /complaints",
                v -> form(
                        post("/complaints"),
                        Map.of("areaId", b01Area, "kind", "COMPLAINT", "phone", "13800000000", "content", "越权")));
        r.put(
                "POST /complaints/{id}/steps",
                v -> form(
                        post("/complaints/" + b01Complaint + "/steps"),
                        Map.of("status", "ASSIGNED", "assigneeId", b01Staff)));
        r.put("POST /api/v1/publicity/complaints", v -> json(post("/api/v1/publicity/complaints"), complaintJson));
        r.put(
                "POST /api/v1/publicity/complaints/{id}/steps",
                v -> json(
                        post("/api/v1/publicity/complaints/" + b01Complaint + "/steps"),
                        "{\"status\":\"ASSIGNED\",\"assigneeId\":" + b01Staff + "}"));
        r.put(
                "POST /publicity/areas/{id}/activities",
                v -> form(
                        post("/publicity/areas/" + b01Area + "/activities"),
                        Map.of("heldOn", "2026-01-05", "method", "VAN", "staffNames", "越权", "householdsReached", 1)));
        r.put(
                "POST /api/v1/publicity/areas/{areaId}/activities",
                v -> json(post("/api/v1/publicity/areas/" + b01Area + "/activities"), activityJson));
    }

    @Test
    void everyWriteEndpointIsCoveredByThisTest() {
        Set<String> endpoints = writeEndpoints();
        Set<String> covered = new TreeSet<>(requests().keySet());
        covered.addAll(SELF_SERVICE);
        covered.addAll(PUBLIC);
        assertThat(covered).as("write endpoints without a scoping check here").containsAll(endpoints);
        assertThat(endpoints).as("stale entries in this test").containsAll(covered);
    }

    @Test
    void anotherBanksStaffGet404ForEveryWrite_nothingChanges_andEachAttemptIsAudited() throws Exception {
        long bank2 = fx.bank("LCRCB");
        String before = fingerprint();
        // the administrator may change the organisation, the branch head may file: between them every endpoint
        // passes the role check and must then be stopped by the scope (404)
        Map<String, Integer> admin = sweep("lc_admin", () -> fx.outOfScopeEntries(bank2));
        Map<String, Integer> head = sweep("lc_head", () -> fx.outOfScopeEntries(bank2));
        assertThat(problems(admin)).isEmpty();
        assertThat(problems(head)).isEmpty();
        List<String> neverScoped = admin.keySet().stream()
                .filter(k -> admin.get(k) != 404 && head.get(k) != 404)
                .toList();
        assertThat(neverScoped)
                .as("endpoints where no user reached the scope check")
                .isEmpty();
        assertThat(fingerprint()).isEqualTo(before);
    }

    @Test
    void anotherBranchsStaffGet404ForEveryWrite_andNothingChanges() throws Exception {
        long bank1 = fx.bank("ZQRCB");
        String before = fingerprint();
        Map<String, Integer> head = sweep("b02_head", () -> fx.outOfScopeEntries(bank1));
        assertThat(problems(head)).isEmpty();
        assertThat(head.entrySet().stream()
                        .filter(e -> e.getValue() == 404 && e.getKey().contains("customer"))
                        .count())
                .as("a branch head reaches the scope check of the filing endpoints")
                .isGreaterThan(10);
        assertThat(fingerprint()).isEqualTo(before);
    }

    /** Sends every request as the user: endpoint to status; a 404 that was not audited is marked as -404. */
    private Map<String, Integer> sweep(String user, java.util.function.LongSupplier audited) throws Exception {
        MockHttpSession session = Logins.as(mvc, user);
        Map<String, Integer> statuses = new LinkedHashMap<>();
        for (var e : requests().entrySet()) {
            long entries = audited.getAsLong();
            int status = mvc.perform(e.getValue().apply(null).session(session).with(csrf()))
                    .andReturn()
                    .getResponse()
                    .getStatus();
            statuses.put(e.getKey(), status == 404 && audited.getAsLong() <= entries ? -404 : status);
        }
        return statuses;
    }

    private static List<String> problems(Map<String, Integer> statuses) {
        return statuses.entrySet().stream()
                .filter(e -> e.getValue() != 403 && e.getValue() != 404)
                .map(e -> e.getKey() + (e.getValue() == -404 ? " was not audited" : " answered " + e.getValue()))
                .toList();
    }

    @Test
    void readingAnotherBranchsRecordAnswersLikeAMissingOne() throws Exception {
        MockHttpSession session = Logins.as(mvc, "b02_head");
        for (String url : List.of(
                "/api/v1/staff/" + b01Staff,
                "/api/v1/areas/" + b01Area,
                "/api/v1/branches/" + b01,
                "/api/v1/staff/999999999")) {
            var res = mvc.perform(get(url).session(session).accept(MediaType.APPLICATION_JSON))
                    .andReturn()
                    .getResponse();
            assertThat(res.getStatus()).as(url).isEqualTo(404);
            assertThat(res.getContentType()).as(url).startsWith("application/problem+json");
        }
        String missing = mvc.perform(get("/api/v1/staff/999999999").session(session))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String foreign = mvc.perform(get("/api/v1/staff/" + b01Staff).session(session))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(foreign.replace(String.valueOf(b01Staff), "ID")).isEqualTo(missing.replace("999999999", "ID"));
    }

    @Test
    void listsShowOnlyTheCallersSubtree() throws Exception {
        MockHttpSession session = Logins.as(mvc, "b02_head");
        long b02 = fx.branch("ZQRCB", "B02");
        String body = mvc.perform(get("/api/v1/areas?size=500").session(session))
                .andReturn()
                .getResponse()
                .getContentAsString();
        long expected = jdbc.sql("select count(*) from area where branch_id = :b")
                .param("b", b02)
                .query(Long.class)
                .single();
        assertThat(body).contains("\"total\":" + expected);
        assertThat(body).doesNotContain("\"branchId\":" + b01 + ",");
    }

    private Set<String> writeEndpoints() {
        Set<String> result = new TreeSet<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            for (RequestMethod m : info.getMethodsCondition().getMethods()) {
                if (m == RequestMethod.POST
                        || m == RequestMethod.PUT
                        || m == RequestMethod.PATCH
                        || m == RequestMethod.DELETE) {
                    info.getPatternValues().forEach(p -> result.add(m + " " + p));
                }
            }
        }
        return result;
    }

    /** Everything a write could change, as one value. */
    private String fingerprint() {
        return jdbc.sql("""
                select md5(concat(
                  (select string_agg(t::text, '|' order by id) from branch t),
                  (select string_agg(t::text, '|' order by id) from staff t),
                  (select string_agg(t::text, '|' order by staff_id, role) from staff_role t),
                  (select string_agg(t::text, '|' order by id) from area t),
                  (select string_agg(concat_ws(',', staff_id, username, password_hash, locked_until), '|' order by staff_id)
                     from user_account t),
                  (select string_agg(t::text, '|' order by id) from api_token t),
                  (select string_agg(t::text, '|' order by id) from customer t),
                  (select string_agg(t::text, '|' order by id) from household t),
                  (select string_agg(t::text, '|' order by id) from exclusion t),
                  (select string_agg(t::text, '|' order by id) from customer_document t),
                  (select string_agg(t::text, '|' order by id) from credit_report_query t),
                  (select string_agg(t::text, '|' order by customer_id) from customer_questionnaire t),
                  (select string_agg(t::text, '|' order by id) from filing_import t),
                  (select string_agg(t::text, '|' order by id) from panel t),
                  (select string_agg(t::text, '|' order by id) from panel_member t),
                  (select string_agg(t::text, '|' order by panel_id, area_id) from panel_area t),
                  (select string_agg(t::text, '|' order by id) from panel_history t),
                  (select string_agg(t::text, '|' order by area_id) from rollout_plan t),
                  (select string_agg(t::text, '|' order by bank_id, position) from campaign_phase t),
                  (select string_agg(t::text, '|' order by branch_id, staff_id) from working_group_member t),
                  (select string_agg(t::text, '|' order by id) from training_session t),
                  (select string_agg(t::text, '|' order by session_id, member_id) from training_attendee t),
                  (select string_agg(t::text, '|' order by id) from booklet_print t),
                  (select string_agg(t::text, '|' order by id) from check_snapshot t),
                  (select md5(string_agg(t::text, '|' order by snapshot_id, row_no)) from check_row t),
                  (select string_agg(t::text, '|' order by id) from estimate_copy t),
                  (select string_agg(t::text, '|' order by copy_id, row_no) from estimate t),
                  (select string_agg(t::text, '|' order by id) from complaint t),
                  (select string_agg(t::text, '|' order by id) from complaint_step t),
                  (select string_agg(t::text, '|' order by id) from publicity_activity t),
                  (select string_agg(t::text, '|' order by id) from published_terms t)))""").query(String.class).single();
    }

    private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder b, String body) {
        return b.contentType(MediaType.APPLICATION_JSON).content(body);
    }

    private static MockHttpServletRequestBuilder form(MockHttpServletRequestBuilder b, Map<String, Object> fields) {
        fields.forEach((k, v) -> b.param(k, String.valueOf(v)));
        return b;
    }
}
