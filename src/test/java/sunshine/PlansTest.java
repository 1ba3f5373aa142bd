package sunshine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import sunshine.JsonCalls.Answer;
import sunshine.shared.Today;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The rollout plan (R3): plan against actual, the areas running late, the calendar. Works in branch B06. */
@PlatformTest
class PlansTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    JsonCalls head;
    long b06;
    List<Long> villages;
    LocalDate t = Today.date();

    @BeforeEach
    void signIn() throws Exception {
        head = new JsonCalls(mvc, json, Logins.as(mvc, "b06_head"));
        b06 = new Fixtures(jdbc).branch("ZQRCB", "B06");
        villages = jdbc.sql("select id from area where branch_id = :b order by id limit 4")
                .param("b", b06)
                .query(Long.class)
                .list();
    }

    Answer plan(long area, LocalDate rating, LocalDate granting, LocalDate certificates) throws Exception {
        return head.put(
                "/api/v1/plans/" + area,
                "{\"plannedRating\":%s,\"plannedGranting\":%s,\"plannedCertificates\":%s}"
                        .formatted(q(rating), q(granting), q(certificates)));
    }

    Answer actual(long area, String milestone, LocalDate day) throws Exception {
        return head.post(
                "/api/v1/plans/" + area + "/actual", "{\"milestone\":\"%s\",\"date\":%s}".formatted(milestone, q(day)));
    }

    static String q(LocalDate d) {
        return d == null ? "null" : "\"" + d + "\"";
    }

    @Test
    void planAgainstActual_theLateAreas_andTheProgressOfTheBranch() throws Exception {
        long a1 = villages.get(0);
        long a2 = villages.get(1);
        long a3 = villages.get(2);
        // a1: rated on the day, granting was due 5 days ago and is not done → running late by 5 days
        assertThat(plan(a1, t.minusDays(10), t.minusDays(5), t.plusDays(5)).status())
                .isEqualTo(200);
        assertThat(actual(a1, "RATING", t.minusDays(10)).status()).isEqualTo(200);
        // a2: everything done, granting a day late → finished, not late now
        plan(a2, t.minusDays(20), t.minusDays(15), t.minusDays(10));
        actual(a2, "RATING", t.minusDays(20));
        actual(a2, "GRANTING", t.minusDays(14));
        actual(a2, "CERTIFICATES", t.minusDays(10));
        // a3: all in the future → on track; a4: no plan
        plan(a3, t.plusDays(1), t.plusDays(2), t.plusDays(3));

        JsonNode row1 = head.get("/api/v1/plans/" + a1).body();
        assertThat(states(row1)).containsExactly("DONE", "OVERDUE", "UPCOMING");
        assertThat(row1.get("daysLate").asInt()).isEqualTo(5);
        assertThat(states(head.get("/api/v1/plans/" + a2).body())).containsExactly("DONE", "DONE_LATE", "DONE");

        List<Long> late = head.get("/api/v1/plans/late?branchId=" + b06)
                .body()
                .valueStream()
                .map(r -> r.get("areaId").asLong())
                .toList();
        assertThat(late).containsExactly(a1);

        long areas = jdbc.sql("select count(*) from area where branch_id = :b and active")
                .param("b", b06)
                .query(Long.class)
                .single();
        JsonNode progress =
                head.get("/api/v1/plans/progress?branchId=" + b06).body().get(0);
        assertThat(progress.get("areas").asLong()).isEqualTo(areas);
        assertThat(progress.get("planned").asInt()).isEqualTo(3);
        assertThat(progress.get("late").asInt()).isEqualTo(1);
        assertThat(progress.get("onTrack").asInt()).isEqualTo(2);
        assertThat(progress.get("finished").asInt()).isEqualTo(1);

        // the page: the chart's data, the late area named in the late list
        String page = mvc.perform(get("/plans?branchId=" + b06).session(head.session()))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String name = jdbc.sql("select name from area where id = :a")
                .param("a", a1)
                .query(String.class)
                .single();
        assertThat(page).contains("planChart").contains("echarts.min.js").contains("\"areas\":" + areas);
        assertThat(mvc.perform(get("/webjars/echarts/echarts.min.js"))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(200);
        assertThat(page.substring(page.indexOf("id=\"late\""), page.indexOf("id=\"late\"") + 2000))
                .contains(name);
    }

    static List<String> states(JsonNode row) {
        return row.get("states").valueStream().map(JsonNode::asText).toList();
    }

    @Test
    void datesOutOfOrderAndActualDatesInTheFutureAreRefused() throws Exception {
        long a = villages.get(3);
        Answer order = plan(a, t.plusDays(10), t.plusDays(5), null);
        assertThat(order.status()).isEqualTo(400);
        assertThat(order.code()).isEqualTo("plan.error.order");
        Answer future = actual(a, "RATING", t.plusDays(1));
        assertThat(future.code()).isEqualTo("plan.error.actualInFuture");
        assertThat(head.get("/api/v1/plans/" + a).body().get("actualRating").isNull())
                .isTrue();
    }

    @Test
    void theDefaultCalendarIsSeed003sFivePhases_andABankMaySetItsOwn() throws Exception {
        JsonCalls admin = new JsonCalls(mvc, json, Logins.as(mvc, "lc_admin"));
        long lc = new Fixtures(jdbc).bank("LCRCB");
        jdbc.sql("delete from campaign_phase where bank_id = :b").param("b", lc).update();
        int y = t.getYear();
        List<String> phases = admin.get("/api/v1/plans/phases")
                .body()
                .valueStream()
                .map(p -> p.get("code").asText() + " " + p.get("startsOn").asText() + " "
                        + p.get("endsOn").asText())
                .toList();
        assertThat(phases)
                .containsExactly(
                        "FILING " + y + "-07-25 " + y + "-09-15",
                        "PANEL_REVIEW " + y + "-09-16 " + y + "-10-15",
                        "ENTRY_AGGREGATION " + y + "-10-16 " + y + "-10-31",
                        "CHECKS " + y + "-11-01 " + y + "-11-10",
                        "PLATFORM_IMPORT " + y + "-11-11 " + y + "-11-15");
        String own = """
                [{"code":"FILING","startsOn":"%1$d-03-01","endsOn":"%1$d-04-30"},
                 {"code":"PANEL_REVIEW","startsOn":"%1$d-05-01","endsOn":"%1$d-05-31"},
                 {"code":"ENTRY_AGGREGATION","startsOn":"%1$d-06-01","endsOn":"%1$d-06-15"},
                 {"code":"CHECKS","startsOn":"%1$d-06-16","endsOn":"%1$d-06-25"},
                 {"code":"PLATFORM_IMPORT","startsOn":"%1$d-06-26","endsOn":"%1$d-06-30"}]""".formatted(y);
        String zhangqiuBefore = head.get("/api/v1/plans/phases").body().toString();
        Answer overlap = admin.put("/api/v1/plans/phases", own.replace(y + "-05-01", y + "-04-30"));
        assertThat(overlap.code()).isEqualTo("plan.error.phaseOverlap");
        assertThat(admin.put("/api/v1/plans/phases", own).status()).isEqualTo(200);
        assertThat(admin.get("/api/v1/plans/phases")
                        .body()
                        .get(0)
                        .get("startsOn")
                        .asText())
                .isEqualTo(y + "-03-01");
        // the other bank keeps its own calendar
        assertThat(head.get("/api/v1/plans/phases").body().toString()).isEqualTo(zhangqiuBefore);
        jdbc.sql("delete from campaign_phase where bank_id = :b").param("b", lc).update();
    }
}
