package sunshine.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import sunshine.Fixtures;
import sunshine.Logins;
import sunshine.PlatformTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The bank's aggregation rules (issue 5 points 5, 6, 8): everyone sees them, with the rule for fewer than five
 * estimates spelled out; head-office credit changes them, each change a new audited version, a stale change refused;
 * another bank's rules stay as they were; the calculator works under the rules in force.
 */
@PlatformTest
class ReviewRulesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    /** The example: suggested 50,000 / 60,000 / 60,000 / 70,000 / 90,000, net income as given. */
    static String example(String net) {
        StringBuilder b = new StringBuilder("{\"estimates\":[");
        String[] suggested = {"50000", "60000", "60000", "70000", "90000"};
        for (int i = 0; i < 5; i++) {
            b.append(i == 0 ? "" : ",")
                    .append("{\"seat\":")
                    .append(i + 1)
                    .append(",\"assets\":200000,\"liabilities\":20000,\"grossIncome\":100000,\"netIncome\":")
                    .append(net)
                    .append(",\"suggested\":")
                    .append(suggested[i])
                    .append('}');
        }
        return b.append("],\"file\":{\"representativeAge\":40,\"customerType\":\"FARMER\",\"residence\":\"LOCAL\",")
                .append("\"members\":3}}")
                .toString();
    }

    @Test
    void everyoneSeesTheRulesWithTheRuleForFewerThanFive() throws Exception {
        MockHttpSession am = Logins.as(mvc, "lc_am1");
        JsonNode rules = json.readTree(
                body(mvc.perform(get("/api/v1/review/rules").session(am).header("Accept-Language", "zh-CN"))));
        assertThat(rules.get("version").intValue()).isPositive();
        assertThat(rules.get("fewerThanFive").stringValue()).isEqualTo("THREE_OR_MORE");
        assertThat(rules.get("fewerThanFiveRule").stringValue())
                .contains("4 份：去掉最高、最低各一份，取中间两份平均；3 份：取中位数；不足 3 份：退回评议小组");
        assertThat(rules.get("bandLow").decimalValue()).isEqualByComparingTo("1.1");
        assertThat(rules.get("bandHigh").decimalValue()).isEqualByComparingTo("1.5");
        assertThat(rules.get("roundingUnit").decimalValue()).isEqualByComparingTo("1000");
        String page = body(mvc.perform(get("/review/rules").session(am)));
        assertThat(page)
                .contains("有效估值少于五份时")
                .contains("3 份：取中位数；不足 3 份：退回评议小组")
                .contains("按 1,000 元向下取整")
                .doesNotContain("name=\"basedOn\""); // only head-office credit edits
    }

    @Test
    void theCalculatorShowsTheWorkedExample() throws Exception {
        MockHttpSession am = Logins.as(mvc, "lc_am1");
        String url = "/review/calculator?calculate=1&s1=50000&s2=60000&s3=60000&s4=70000&s5=90000"
                + "&n1=40000&n2=40000&n3=40000&n4=40000&n5=40000&a1=200000&a2=200000&a3=200000&a4=200000&a5=200000"
                + "&l1=20000&l2=20000&l3=20000&l4=20000&l5=20000&g1=1&g2=1&g3=1&g4=1&g5=1";
        String zh = body(mvc.perform(get(url).session(am)));
        // drop 50,000 and 90,000; 190,000 / 3 = 63,333.33; above 1.5 × 40,000 = 60,000: cut to 60,000
        assertThat(zh)
                .contains("去掉最低 50,000.00（第 1 份）和最高 90,000.00（第 5 份），中间 3 份合计 190,000.00 ÷ 3 = 63,333.33")
                .contains("建议额度 63,333.33 高于上限，降至上限 60,000.00。")
                .contains("拟预授信金额：60,000.00");
        String en = body(mvc.perform(get(url + "&lang=en").session(am)));
        assertThat(en).contains("Proposed pre-credit amount: 60,000.00");
        String wrong =
                body(mvc.perform(get("/review/calculator?calculate=1&s1=-5").session(am)));
        assertThat(wrong).contains("金额须为不小于 0 的数字");
    }

    @Test
    void headOfficeCreditSavesANewVersion_auditedAndAStaleChangeIsRefused() throws Exception {
        MockHttpSession credit = Logins.as(mvc, "ho_credit");
        long zq = new Fixtures(jdbc).bank("ZQRCB");
        long lc = new Fixtures(jdbc).bank("LCRCB");
        JsonNode before =
                json.readTree(body(mvc.perform(get("/api/v1/review/rules").session(credit))));
        int v = before.get("version").intValue();
        int lcVersion = currentVersion(lc);
        try {
            // band 1.1-1.4, unit 500, maximum 200,000, four estimates at least
            String update = update(v, "FOUR_OR_MORE", "1.1", "1.4", "500", "200000", before.get("rating"));
            MockHttpServletResponse saved = mvc.perform(put("/api/v1/review/rules")
                            .session(credit)
                            .with(csrf())
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(update))
                    .andReturn()
                    .getResponse();
            assertThat(saved.getStatus()).isEqualTo(200);
            assertThat(json.readTree(saved.getContentAsString()).get("version").intValue())
                    .isEqualTo(v + 1);
            assertThat(jdbc.sql("select count(*) from audit_log where bank_id = :b and action = 'REVIEW_RULES'"
                                    + " and entity_id = :v")
                            .param("b", zq)
                            .param("v", String.valueOf(v + 1))
                            .query(Long.class)
                            .single())
                    .isEqualTo(1);

            // the calculator now works under version v + 1: net 40,123 → cap 1.4 × 40,123 = 56,172.20; the mean
            // 63,333.33 is above it, cut to 56,172.20, rounded down to units of 500: 56,000
            JsonNode r = json.readTree(body(mvc.perform(post("/api/v1/review/calculations")
                    .session(credit)
                    .with(csrf())
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(example("40123")))));
            assertThat(r.get("ruleSetVersion").intValue()).isEqualTo(v + 1);
            assertThat(r.get("band").stringValue()).isEqualTo("ABOVE");
            assertThat(r.get("proposedAmount").decimalValue()).isEqualByComparingTo("56000");

            // someone editing version v meanwhile is refused, not merged
            MockHttpServletResponse stale = mvc.perform(put("/api/v1/review/rules")
                            .session(credit)
                            .with(csrf())
                            .header("Accept-Language", "zh-CN")
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(update))
                    .andReturn()
                    .getResponse();
            assertThat(stale.getStatus()).isEqualTo(409);
            assertThat(stale.getContentAsString()).contains("第 " + (v + 1) + " 版");

            // rules that break R20 or R21 are refused with the rule
            assertThat(refusal(
                            credit,
                            update(v + 1, "THREE_OR_MORE", "1.6", "1.5", "1000", "300000", before.get("rating"))))
                    .contains("R20");
            assertThat(refusal(
                            credit,
                            update(v + 1, "THREE_OR_MORE", "1.1", "1.5", "1000", "300500", before.get("rating"))))
                    .contains("整数倍");
            String lighter = before.get("rating").toString().replaceFirst("\"weight\":0\\.3\\d*", "\"weight\":0.2");
            assertThat(refusal(
                            credit,
                            update(v + 1, "THREE_OR_MORE", "1.1", "1.5", "1000", "300000", json.readTree(lighter))))
                    .contains("权重之和须为 1");

            // only head-office credit
            assertThat(mvc.perform(put("/api/v1/review/rules")
                                    .session(Logins.as(mvc, "b01_head"))
                                    .with(csrf())
                                    .contentType(MediaType.APPLICATION_JSON)
                                    .content(update))
                            .andReturn()
                            .getResponse()
                            .getStatus())
                    .isEqualTo(403);
            // the old version is kept as it was; the other bank is untouched
            JsonNode old = json.readTree(
                    body(mvc.perform(get("/api/v1/review/rules/versions/" + v).session(credit))));
            assertThat(old.get("bandHigh").decimalValue())
                    .isEqualByComparingTo(before.get("bandHigh").decimalValue());
            assertThat(currentVersion(lc)).isEqualTo(lcVersion);
        } finally {
            restore(credit, before);
        }
    }

    @Test
    void thePageSavesANewVersionAndNamesAWrongBand() throws Exception {
        MockHttpSession credit = Logins.as(mvc, "ho_credit");
        JsonNode before =
                json.readTree(body(mvc.perform(get("/api/v1/review/rules").session(credit))));
        int v = before.get("version").intValue();
        Map<String, String> form = new java.util.LinkedHashMap<>(Map.of(
                "basedOn", String.valueOf(v),
                "fewerThanFive", "FIVE_REQUIRED",
                "bandLow", "1.1",
                "bandHigh", "1.5",
                "roundingUnit", "1000",
                "productMaximum", "300000",
                "ineligibleGrades", "C",
                "grades", "AAA:90; AA:80; A:70; B:60; C:0",
                "weight.NET_INCOME", "0.6",
                "scale.NET_INCOME", "0:0; 20000:40; 50000:70; 100000:100"));
        form.put("weight.CUSTOMER_TYPE", "0.4");
        form.put("scale.CUSTOMER_TYPE", "FARMER:80；PUBLIC_STAFF:100");
        form.put("note", "只要五份");
        try {
            var ok = mvc.perform(formPost("/review/rules", form).session(credit).with(csrf()))
                    .andReturn()
                    .getResponse();
            assertThat(ok.getStatus()).isEqualTo(302);
            assertThat(currentVersion(new Fixtures(jdbc).bank("ZQRCB"))).isEqualTo(v + 1);
            String page = body(mvc.perform(get("/review/rules").session(credit)));
            assertThat(page)
                    .contains("须有 5 份有效估值")
                    .contains("只要五份")
                    .contains("name=\"basedOn\"")
                    .doesNotContain("??");
            assertThat(body(mvc.perform(get("/review/rules?lang=en").session(credit))))
                    .contains("Save as a new version")
                    .doesNotContain("??");

            form.put("basedOn", String.valueOf(v + 1));
            form.put("scale.NET_INCOME", "0:0; 20000");
            var flash = mvc.perform(
                            formPost("/review/rules", form).session(credit).with(csrf()))
                    .andReturn()
                    .getFlashMap();
            assertThat(flash.get("errorKey")).isEqualTo("review.rules.error.syntax");
            assertThat(mvc.perform(formPost("/review/rules", form)
                                    .session(Logins.as(mvc, "b01_head"))
                                    .with(csrf()))
                            .andReturn()
                            .getResponse()
                            .getStatus())
                    .isEqualTo(403);
        } finally {
            restore(credit, before);
        }
    }

    private int currentVersion(long bank) {
        return jdbc.sql("select coalesce(max(version), 0) from review_rule_set where bank_id = :b")
                .param("b", bank)
                .query(Integer.class)
                .single();
    }

    private String refusal(MockHttpSession session, String update) throws Exception {
        MockHttpServletResponse r = mvc.perform(put("/api/v1/review/rules")
                        .session(session)
                        .with(csrf())
                        .header("Accept-Language", "zh-CN")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(update))
                .andReturn()
                .getResponse();
        assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(400);
        return r.getContentAsString();
    }

    /** Puts the rules read at the start back, as a new version. */
    private void restore(MockHttpSession credit, JsonNode before) throws Exception {
        JsonNode now =
                json.readTree(body(mvc.perform(get("/api/v1/review/rules").session(credit))));
        String back = update(
                now.get("version").intValue(),
                before.get("fewerThanFive").stringValue(),
                before.get("bandLow").decimalValue().toPlainString(),
                before.get("bandHigh").decimalValue().toPlainString(),
                before.get("roundingUnit").decimalValue().toPlainString(),
                before.get("productMaximum").decimalValue().toPlainString(),
                before.get("rating"));
        assertThat(mvc.perform(put("/api/v1/review/rules")
                                .session(credit)
                                .with(csrf())
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(back))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(200);
    }

    private static String update(
            int basedOn, String policy, String low, String high, String unit, String max, JsonNode rating) {
        return "{\"basedOn\":" + basedOn + ",\"fewerThanFive\":\"" + policy + "\",\"bandLow\":" + low
                + ",\"bandHigh\":" + high + ",\"roundingUnit\":" + unit + ",\"productMaximum\":" + max
                + ",\"ineligibleGrades\":[\"C\"],\"rating\":" + rating + ",\"note\":\"test\"}";
    }

    private static org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder formPost(
            String url, Map<String, String> form) {
        var b = post(url);
        form.forEach(b::param);
        return b;
    }

    private static String body(org.springframework.test.web.servlet.ResultActions r) throws Exception {
        MockHttpServletResponse res = r.andReturn().getResponse();
        assertThat(res.getStatus()).as(res.getContentAsString()).isEqualTo(200);
        return res.getContentAsString();
    }
}
