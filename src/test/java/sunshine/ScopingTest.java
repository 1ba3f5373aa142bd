package sunshine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.util.ArrayList;
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

    /** Endpoints that act only on the caller themself (their password, their tokens, their bank's log). */
    static final Set<String> SELF_SERVICE = Set.of(
            "POST /me/password",
            "POST /me/tokens",
            "POST /api/v1/tokens",
            "POST /audit/verify",
            "POST /api/v1/audit/verify");

    @BeforeEach
    void ids() {
        fx = new Fixtures(jdbc);
        b01 = fx.branch("ZQRCB", "B01");
        b01Staff = fx.staffOf("b01_am1");
        b01Area = fx.firstArea(b01);
        zqHead = fx.headOffice("ZQRCB");
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
        return r;
    }

    @Test
    void everyWriteEndpointIsCoveredByThisTest() {
        Set<String> endpoints = writeEndpoints();
        Set<String> covered = new TreeSet<>(requests().keySet());
        covered.addAll(SELF_SERVICE);
        assertThat(covered).as("write endpoints without a scoping check here").containsAll(endpoints);
        assertThat(endpoints).as("stale entries in this test").containsAll(covered);
    }

    @Test
    void anotherBanksAdministratorGets404ForEveryWrite_nothingChanges_andEachAttemptIsAudited() throws Exception {
        long bank2 = fx.bank("LCRCB");
        List<String> wrong = sweep("lc_admin", Set.of(404), () -> fx.outOfScopeEntries(bank2));
        assertThat(wrong).isEmpty();
    }

    @Test
    void aBranchHeadCannotTouchAnotherBranch() throws Exception {
        // 403: the role may not do this anywhere; 404: not in their subtree
        List<String> wrong = sweep("b02_head", Set.of(403, 404), () -> fx.outOfScopeEntries(fx.bank("ZQRCB")));
        assertThat(wrong).isEmpty();
    }

    /** Sends every request as the user; lists each unexpected status, each unaudited 404, and any change. */
    private List<String> sweep(String user, Set<Integer> allowed, java.util.function.LongSupplier audited)
            throws Exception {
        MockHttpSession session = Logins.as(mvc, user);
        String before = fingerprint();
        List<String> wrong = new ArrayList<>();
        for (var e : requests().entrySet()) {
            long entries = audited.getAsLong();
            int status = mvc.perform(e.getValue().apply(null).session(session).with(csrf()))
                    .andReturn()
                    .getResponse()
                    .getStatus();
            if (!allowed.contains(status)) {
                wrong.add(e.getKey() + " answered " + status);
            } else if (status == 404 && audited.getAsLong() <= entries) {
                wrong.add(e.getKey() + " was not audited");
            }
        }
        if (!fingerprint().equals(before)) {
            wrong.add("data changed");
        }
        return wrong;
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
                  (select string_agg(t::text, '|' order by staff_id) from user_account t),
                  (select string_agg(t::text, '|' order by id) from api_token t)))""").query(String.class).single();
    }

    private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder b, String body) {
        return b.contentType(MediaType.APPLICATION_JSON).content(body);
    }

    private static MockHttpServletRequestBuilder form(MockHttpServletRequestBuilder b, Map<String, Object> fields) {
        fields.forEach((k, v) -> b.param(k, String.valueOf(v)));
        return b;
    }
}
