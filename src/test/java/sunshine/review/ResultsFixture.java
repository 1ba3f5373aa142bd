package sunshine.review;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import sunshine.ActingAs;
import sunshine.BookletFixture;
import sunshine.Fixtures;
import sunshine.JsonCalls;
import sunshine.Logins;
import sunshine.review.aggregation.FewerThanFive;
import sunshine.review.aggregation.RuleSet;
import tools.jackson.databind.json.JsonMapper;

/**
 * A printed panel of B15 with two households, 甲五 (row 1) and 丙五 (row 2, seat 2's own household), five members,
 * copies keyed by b15_entry and verified by b15_verify through the API; the bank's rules set to the issue's defaults
 * (three or more estimates, band 1.1-1.5, unit 1,000, maximum 300,000) as a new version.
 */
final class ResultsFixture {

    final MockMvc mvc;
    final JdbcClient jdbc;
    final JsonMapper json;
    final long branch;
    final long area;
    final long panel;
    final long householdA;
    final long householdC;

    ResultsFixture(MockMvc mvc, JdbcClient jdbc, JsonMapper json, Booklets booklets, ReviewRules rules)
            throws Exception {
        this.mvc = mvc;
        this.jdbc = jdbc;
        this.json = json;
        BookletFixture fx = BookletFixture.of(jdbc, "ZQRCB");
        branch = new Fixtures(jdbc).branch("ZQRCB", "B15");
        jdbc.sql("delete from estimate_copy where branch_id = :b")
                .param("b", branch)
                .update();
        jdbc.sql("delete from booklet_print where branch_id = :b")
                .param("b", branch)
                .update();
        jdbc.sql("delete from panel where branch_id = :b").param("b", branch).update();
        String like = "370181197705051%";
        jdbc.sql("delete from review_aggregation where household_id in (select household_id from customer"
                        + " where resident_id like :l)")
                .param("l", like)
                .update();
        jdbc.sql("update household set representative_id = null where representative_id in"
                        + " (select id from customer where resident_id like :l)")
                .param("l", like)
                .update();
        jdbc.sql(
                        "delete from customer_history where customer_id in (select id from customer where resident_id like :l)")
                .param("l", like)
                .update();
        jdbc.sql("delete from customer where resident_id like :l")
                .param("l", like)
                .update();
        area = fx.area(branch, "结果测试村");
        householdA = fx.household(fx.representative(area, "37018119770505101", "甲五", "结果测试村1号"));
        householdC = fx.household(fx.representative(area, "37018119770505102", "丙五", "结果测试村2号"));
        panel = fx.panel(branch, "结果测试村评议小组", "CONFIRMED", area);
        fx.fiveMembers(panel, householdC);
        ActingAs.call(mvc, "b15_head", () -> booklets.print(panel));
        ActingAs.call(mvc, "ho_credit", () -> {
            RuleSet now = rules.current(new Fixtures(jdbc).bank("ZQRCB"));
            RuleSet issue = now.withPolicy(FewerThanFive.THREE_OR_MORE).withMoney("1.1", "1.5", "1000", "300000");
            return rules.save(now.version(), ReviewRules.Draft.of(issue), "结果测试");
        });
    }

    JsonCalls as(String user) throws Exception {
        return new JsonCalls(mvc, json, Logins.as(mvc, user));
    }

    static String line(long household, String assets, String liabilities, String gross, String net, String suggested) {
        return "{\"householdId\":" + household + ",\"assets\":" + assets + ",\"liabilities\":" + liabilities
                + ",\"grossIncome\":" + gross + ",\"netIncome\":" + net + ",\"suggestedAmount\":" + suggested + "}";
    }

    /** Keys a copy (both households: net income as given, the suggested amounts as given); verifies it if asked. */
    long copy(int copyNo, String netA, String suggestedA, String netC, String suggestedC, boolean verify)
            throws Exception {
        String body = "{\"finish\":true,\"lines\":[" + line(householdA, "200000", "20000", "100000", netA, suggestedA)
                + "," + line(householdC, "150000", "10000", "80000", netC, suggestedC) + "]}";
        var keyed = as("b15_entry").put("/api/v1/review/panels/" + panel + "/copies/" + copyNo, body);
        if (keyed.status() != 200) {
            throw new AssertionError("keying copy " + copyNo + ": " + keyed.body());
        }
        long copy = keyed.body().at("/copy/id").asLong();
        if (verify) {
            var second = as("b15_verify").put("/api/v1/review/copies/" + copy + "/second", body);
            if (!"VERIFIED".equals(second.body().at("/copy/status").asText())) {
                throw new AssertionError("verifying copy " + copyNo + ": " + second.body());
            }
        }
        return copy;
    }
}
