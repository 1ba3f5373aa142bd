package sunshine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import sunshine.JsonCalls.Answer;
import sunshine.shared.Today;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Training coverage of panels (R14) and the branches' working groups (R1). Works in branches B07 and B08. */
@PlatformTest
class TrainingAndGroupsTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    @Test
    void aPanelIsTrainedWhenEveryRegularMemberAttended() throws Exception {
        Fixtures fx = new Fixtures(jdbc);
        JsonCalls head = new JsonCalls(mvc, json, Logins.as(mvc, "b07_head"));
        long b07 = fx.branch("ZQRCB", "B07");
        long p = head.post(
                        "/api/v1/panels", "{\"branchId\":%d,\"kind\":\"VILLAGE\",\"name\":\"培训测试小组\"}".formatted(b07))
                .id();
        head.post("/api/v1/panels/" + p + "/areas", "{\"areaId\":" + fx.firstArea(b07) + "}");
        List<Long> regular = new ArrayList<>();
        String[] roles = {"CADRE", "SHOPKEEPER", "LARGE_GROWER", "SENIOR_PARTY_MEMBER", "RESIDENT_REPRESENTATIVE"};
        for (int i = 0; i < roles.length; i++) {
            regular.add(head.post(
                            "/api/v1/panels/" + p + "/members",
                            "{\"name\":\"成员%d\",\"role\":\"%s\",\"phone\":\"1390531000%d\"}".formatted(i, roles[i], i))
                    .id());
        }
        long alternate = head.post(
                        "/api/v1/panels/" + p + "/members",
                        "{\"name\":\"候补\",\"role\":\"CADRE\",\"phone\":\"13905310009\",\"alternate\":true}")
                .id();
        String day = Today.date().minusDays(1).toString();
        Answer session = head.post("/api/v1/trainings", """
                {"branchId":%d,"heldOn":"%s","content":"评议册填写要求","trainer":"王主管","memberIds":%s}""".formatted(b07, day, regular.subList(0, 3)));
        assertThat(session.status()).as(session.body().toString()).isEqualTo(201);
        JsonNode panel = head.get("/api/v1/panels/" + p).body();
        assertThat(panel.get("allTrained").asBoolean()).isFalse();
        assertThat(panel.get("trainedCount").asInt()).isEqualTo(3);
        JsonNode summary = head.get("/api/v1/panels?branchId=" + b07)
                .body()
                .valueStream()
                .filter(s -> s.get("id").asLong() == p)
                .findFirst()
                .orElseThrow();
        assertThat(summary.get("trained").asInt()).isEqualTo(3);
        assertThat(summary.get("members").asInt()).isEqualTo(5);

        // the other two regular members attend: trained, without the alternate
        Answer updated = head.put("/api/v1/trainings/" + session.id(), """
                {"branchId":%d,"heldOn":"%s","content":"评议册填写要求","trainer":"王主管","memberIds":%s}""".formatted(b07, day, regular));
        assertThat(updated.body().get("attendees").size()).isEqualTo(5);
        assertThat(head.get("/api/v1/panels/" + p).body().get("allTrained").asBoolean())
                .isTrue();
        assertThat(head.get("/api/v1/panels/" + p)
                        .body()
                        .get("members")
                        .valueStream()
                        .filter(m -> m.get("id").asLong() == alternate)
                        .findFirst()
                        .orElseThrow()
                        .get("trained")
                        .asBoolean())
                .isFalse();

        Answer future =
                head.post("/api/v1/trainings", """
                {"branchId":%d,"heldOn":"%s","content":"x","trainer":"y","memberIds":[]}""".formatted(b07, Today.date().plusDays(1)));
        assertThat(future.code()).isEqualTo("training.error.future");
        long elsewhere = jdbc.sql("select min(m.id) from panel_member m join panel p on p.id = m.panel_id"
                        + " where p.branch_id <> :b")
                .param("b", b07)
                .query(Long.class)
                .single();
        Answer foreign = head.post("/api/v1/trainings", """
                {"branchId":%d,"heldOn":"%s","content":"x","trainer":"y","memberIds":[%d]}""".formatted(b07, day, elsewhere));
        assertThat(foreign.code()).isEqualTo("training.error.member");
    }

    @Test
    void aWorkingGroupHasOneLeader_andOnlyTheBranchsStaff() throws Exception {
        Fixtures fx = new Fixtures(jdbc);
        JsonCalls head = new JsonCalls(mvc, json, Logins.as(mvc, "b08_head"));
        long b08 = fx.branch("ZQRCB", "B08");
        long leader = fx.staffOf("b08_head");
        long credit = fx.staffOf("b08_credit");
        long acct = fx.staffOf("b08_acct");
        long am = fx.staffOf("b08_am1");
        String group = """
                {"members":[{"staffId":%d,"position":"LEADER","duty":"全面负责"},
                            {"staffId":%d,"position":"DEPUTY","duty":"评议与核查"},
                            {"staffId":%d,"position":"DEPUTY","duty":"录入与核对"},
                            {"staffId":%d,"position":"MEMBER","duty":"包片建档"}]}""".formatted(leader, credit, acct, am);
        Answer saved = head.put("/api/v1/working-groups/" + b08, group);
        assertThat(saved.status()).as(saved.body().toString()).isEqualTo(200);
        List<String> members = head.get("/api/v1/working-groups/" + b08)
                .body()
                .get("members")
                .valueStream()
                .map(m -> m.get("position").asText() + ":" + m.get("staffId").asLong())
                .toList();
        assertThat(members)
                .containsExactlyInAnyOrder("LEADER:" + leader, "DEPUTY:" + credit, "DEPUTY:" + acct, "MEMBER:" + am);
        assertThat(members.get(0)).isEqualTo("LEADER:" + leader);

        Answer twoLeaders = head.put("/api/v1/working-groups/" + b08, group.replace("\"DEPUTY\"", "\"LEADER\""));
        assertThat(twoLeaders.code()).isEqualTo("group.error.leader");
        assertThat(twoLeaders.detail()).contains("R1").contains("3");
        long outsider = fx.staffOf("b09_am1");
        Answer notStaff = head.put(
                "/api/v1/working-groups/" + b08,
                group.replace("\"staffId\":" + am + ",", "\"staffId\":" + outsider + ","));
        assertThat(notStaff.code()).isEqualTo("group.error.notStaff");
        // nothing changed by the refusals
        assertThat(head.get("/api/v1/working-groups/" + b08)
                        .body()
                        .get("members")
                        .size())
                .isEqualTo(4);
    }
}
