package sunshine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import sunshine.shared.Today;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Publicity activities per area and coverage against the 100% goal (R34). */
@PlatformTest
class PublicityActivitiesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    @Test
    void coverageIsHouseholdsReachedOfActualHouseholds_cappedAt100() throws Exception {
        Fixtures fx = new Fixtures(jdbc);
        long b01 = fx.branch("ZQRCB", "B01");
        // one test village of 40 households (areas are never deleted: made once, its activities cleared)
        jdbc.sql("""
                insert into area (bank_id, branch_id, kind, name, actual_households)
                select bank_id, id, 'VILLAGE', '宣传测试村', 40 from branch
                 where id = :b and not exists(select 1 from area where name = '宣传测试村')""").param("b", b01).update();
        long area = jdbc.sql("select id from area where name = '宣传测试村'")
                .query(Long.class)
                .single();
        jdbc.sql("delete from publicity_activity where area_id = :a")
                .param("a", area)
                .update();
        JsonCalls am = new JsonCalls(mvc, json, Logins.as(mvc, "b01_am1"));
        String url = "/api/v1/publicity/areas/" + area + "/activities";
        String day = Today.date().minusDays(1).toString();
        assertThat(am.post(url, activity(day, "BROADCAST", 10)).status()).isEqualTo(201);
        // 10 of 40 households
        assertThat(line(am, area).path("percent").decimalValue()).isEqualByComparingTo("25.0");
        assertThat(am.post(url, activity(day, "LEAFLET", 25)).status()).isEqualTo(201);
        // 35 of 40 = 87.5%
        assertThat(line(am, area).path("percent").decimalValue()).isEqualByComparingTo("87.5");
        assertThat(line(am, area).path("reachedGoal").asBoolean()).isFalse();
        assertThat(am.post(url, activity(day, "MEETING", 10)).status()).isEqualTo(201);
        // 45 reached of 40: capped at 100%
        assertThat(line(am, area).path("percent").decimalValue()).isEqualByComparingTo("100.0");
        assertThat(line(am, area).path("reachedGoal").asBoolean()).isTrue();
        assertThat(line(am, area).path("activities").asInt()).isEqualTo(3);
        // not in the future
        var future = am.post(url, activity(Today.date().plusDays(1).toString(), "VAN", 1));
        assertThat(future.status()).isEqualTo(400);
        // another branch's head cannot record in B01's village
        JsonCalls b02 = new JsonCalls(mvc, json, Logins.as(mvc, "b02_head"));
        assertThat(b02.post(url, activity(day, "VAN", 1)).status()).isEqualTo(404);
        assertThat(am.get(url).body().size()).isEqualTo(3);
    }

    private static String activity(String day, String method, int households) {
        return "{\"heldOn\":\"" + day + "\",\"method\":\"" + method + "\",\"materials\":\"传单\",\"staffNames\":\"张三\","
                + "\"householdsReached\":" + households + "}";
    }

    private static JsonNode line(JsonCalls calls, long area) throws Exception {
        for (JsonNode n : calls.get("/api/v1/publicity/coverage").body()) {
            if (n.path("areaId").asLong() == area) {
                return n;
            }
        }
        throw new AssertionError("area not in coverage");
    }
}
