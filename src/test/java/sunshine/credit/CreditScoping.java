package sunshine.credit;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The credit module's write endpoints for ScopingTest, each aimed at a line of branch B01 (made here once, directly
 * in the database, on the scoping test's B01 household) and at an adjustment requested on it.
 */
public final class CreditScoping {

    private CreditScoping() {}

    public static Map<String, Supplier<MockHttpServletRequestBuilder>> requests(JdbcClient jdbc, long household) {
        long line = jdbc.sql("select id from credit_line where certificate_no = 'SCOPE-DKZ'")
                .query(Long.class)
                .optional()
                .orElseGet(() ->
                        jdbc.sql("""
                        insert into credit_line (bank_id, branch_id, area_id, household_id, representative_id,
                               approval_case_id, contract_no, certificate_no, limit_amount, term_from, term_to, signed_on)
                        select h.bank_id, h.branch_id, h.area_id, h.id, h.representative_id, 0, 'SCOPE-HT', 'SCOPE-DKZ',
                               10000, current_date - 1, current_date + 365, current_date - 1
                          from household h where h.id = :h returning id""").param("h", household).query(Long.class).single());
        long adjustment = jdbc.sql("select id from credit_adjustment where line_id = :l")
                .param("l", line)
                .query(Long.class)
                .optional()
                .orElseGet(
                        () -> jdbc.sql("""
                        insert into credit_adjustment (bank_id, line_id, old_limit, new_limit, reason, evidence)
                        select bank_id, id, limit_amount, 20000, '范围测试', '范围测试' from credit_line where id = :l
                        returning id""").param("l", line).query(Long.class).single());
        String l = "/credit/lines/" + line;
        String a = "/credit/adjustments/" + adjustment;
        String api = "/api/v1";
        String move = "{\"certificateNo\":\"SCOPE-DKZ\",\"residentId\":\"x\",\"amount\":1}";
        String decision = "{\"version\":0,\"approve\":true}";
        Map<String, Supplier<MockHttpServletRequestBuilder>> r = new LinkedHashMap<>();
        r.put(
                "POST /api/v1/credit/contracts",
                () -> json(post(api + "/credit/contracts"), "{\"householdId\":" + household + "}"));
        r.put("POST /api/v1/credit/draws", () -> json(post(api + "/credit/draws"), move));
        r.put("POST /api/v1/credit/repayments", () -> json(post(api + "/credit/repayments"), move));
        r.put(
                "POST /api/v1/credit/lines/{id}/adjustments",
                () -> json(post(api + l + "/adjustments"), "{\"newLimit\":5,\"reason\":\"x\",\"evidence\":\"x\"}"));
        r.put("POST /api/v1/credit/adjustments/{id}/verify", () -> json(post(api + a + "/verify"), decision));
        r.put("POST /api/v1/credit/adjustments/{id}/apply", () -> json(post(api + a + "/apply"), decision));
        r.put(
                "POST /api/v1/credit/lines/{id}/reviews",
                () -> json(post(api + l + "/reviews"), "{\"year\":2020,\"outcome\":\"CONFIRM\"}"));
        r.put(
                "PUT /api/v1/credit/lines/{id}/archive/{code}",
                () -> json(put(api + l + "/archive/CONTRACT"), "{\"present\":true}"));
        r.put(
                "POST /api/v1/credit/lines/{id}/unfreeze",
                () -> json(post(api + l + "/unfreeze"), "{\"version\":0,\"reason\":\"x\"}"));
        r.put(
                "POST /credit/lines/{id}/unfreeze",
                () -> post(l + "/unfreeze").param("version", "0").param("reason", "x"));
        r.put("POST /credit/contracts", () -> post("/credit/contracts").param("householdId", "" + household));
        r.put("POST /credit/lines/{id}/draws", () -> form(post(l + "/draws")));
        r.put("POST /credit/lines/{id}/repayments", () -> form(post(l + "/repayments")));
        r.put(
                "POST /credit/lines/{id}/adjustments",
                () -> post(l + "/adjustments")
                        .param("newLimit", "5")
                        .param("reason", "x")
                        .param("evidence", "x"));
        r.put("POST /credit/lines/{id}/archive", () -> post(l + "/archive").param("code", "CONTRACT"));
        r.put(
                "POST /credit/lines/{id}/reviews",
                () -> post(l + "/reviews").param("year", "2020").param("outcome", "CONFIRM"));
        r.put(
                "POST /credit/adjustments/{id}/verify",
                () -> post(a + "/verify").param("version", "0").param("approve", "true"));
        r.put(
                "POST /credit/adjustments/{id}/apply",
                () -> post(a + "/apply").param("version", "0").param("approve", "true"));
        return r;
    }

    private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder b, String body) {
        return b.contentType(MediaType.APPLICATION_JSON).content(body);
    }

    private static MockHttpServletRequestBuilder form(MockHttpServletRequestBuilder b) {
        return b.param("certificateNo", "SCOPE-DKZ").param("residentId", "x").param("amount", "1");
    }
}
