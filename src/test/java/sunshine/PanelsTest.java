package sunshine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import sunshine.JsonCalls.Answer;
import sunshine.customer.ResidentId;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Review panels as a new user meets them (issue 4, points 3-5; R12, R13): plan a panel for a village, try three
 * cadres and the village's own account manager, confirm a good one; an institution's mix; other branches see nothing.
 * Works in branch B05, which the demo leaves without panels.
 */
@PlatformTest
class PanelsTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    Fixtures fx;
    JsonCalls head;
    long b05;
    List<Long> villages;

    @BeforeEach
    void signIn() throws Exception {
        fx = new Fixtures(jdbc);
        head = new JsonCalls(mvc, json, Logins.as(mvc, "b05_head"));
        b05 = fx.branch("ZQRCB", "B05");
        villages = jdbc.sql("select id from area where branch_id = :b and manager_id is not null order by id limit 8")
                .param("b", b05)
                .query(Long.class)
                .list();
    }

    long panel(String kind, String name, long area) throws Exception {
        Answer created = head.post(
                "/api/v1/panels", "{\"branchId\":%d,\"kind\":\"%s\",\"name\":\"%s\"}".formatted(b05, kind, name));
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        assertThat(created.body().get("status").asText()).isEqualTo("DRAFT");
        Answer added = head.post("/api/v1/panels/" + created.id() + "/areas", "{\"areaId\":" + area + "}");
        assertThat(added.status()).as(added.body().toString()).isEqualTo(200);
        return created.id();
    }

    Answer member(long panel, String name, String role, String residentId, boolean alternate) throws Exception {
        return head.post(
                "/api/v1/panels/" + panel + "/members",
                "{\"name\":\"%s\",\"role\":\"%s\",\"phone\":\"13905310000\",\"residentId\":%s,\"alternate\":%s}"
                        .formatted(name, role, residentId == null ? "null" : "\"" + residentId + "\"", alternate));
    }

    Answer staffMember(long panel, long staffId) throws Exception {
        return head.post(
                "/api/v1/panels/" + panel + "/members", "{\"role\":\"BANK_STAFF\",\"staffId\":" + staffId + "}");
    }

    long managerOf(long area) {
        return jdbc.sql("select manager_id from area where id = :a")
                .param("a", area)
                .query(Long.class)
                .single();
    }

    String staffName(long staff) {
        return jdbc.sql("select name from staff where id = :s")
                .param("s", staff)
                .query(String.class)
                .single();
    }

    @Test
    void aGoodVillagePanelIsConfirmed_withSeatsInOrder_andAFiledMembersHouseholdFlagged() throws Exception {
        long area = villages.get(0);
        String rid = ResidentId.complete("37018119650302013");
        long household = fx.householdOf(fx.customerIn(area, rid, "王书记"));
        long p = panel("VILLAGE", "好的村评议小组", area);
        assertThat(member(p, "王书记", "CADRE", rid, false)
                        .body()
                        .get("householdId")
                        .asLong())
                .isEqualTo(household);
        assertThat(member(p, "李主任", "CADRE", null, false).status()).isEqualTo(201);
        assertThat(member(p, "赵店主", "SHOPKEEPER", null, false).status()).isEqualTo(201);
        assertThat(member(p, "候补甲", "RESIDENT_REPRESENTATIVE", null, true).status())
                .isEqualTo(201);
        assertThat(member(p, "孙大户", "LARGE_GROWER", null, false).status()).isEqualTo(201);
        assertThat(member(p, "周老党员", "SENIOR_PARTY_MEMBER", null, false).status())
                .isEqualTo(201);

        Answer confirmed = head.post("/api/v1/panels/" + p + "/confirm", null);
        assertThat(confirmed.status()).as(confirmed.body().toString()).isEqualTo(200);
        assertThat(confirmed.body().get("status").asText()).isEqualTo("CONFIRMED");

        // five regular seats 1..5 in the order they joined, the alternate after them (joined fourth)
        JsonNode sheet = head.get("/api/v1/panels/" + p + "/sheet").body();
        List<String> seats = sheet.get("seats")
                .valueStream()
                .map(s -> s.get("seat").asInt()
                        + s.get("name").asText()
                        + (s.get("alternate").asBoolean() ? "*" : ""))
                .toList();
        assertThat(seats).containsExactly("1王书记", "2李主任", "3赵店主", "4孙大户", "5周老党员", "6候补甲*");
        assertThat(sheet.get("areaIds").get(0).asLong()).isEqualTo(area);

        List<String> history = head.get("/api/v1/panels/" + p + "/history")
                .body()
                .valueStream()
                .map(h -> (h.get("from").isNull() ? "null" : h.get("from").asText()) + ">"
                        + h.get("to").asText())
                .toList();
        assertThat(history).containsExactly("null>DRAFT", "DRAFT>CONFIRMED");
        assertThat(jdbc.sql("select count(*) from audit_log where entity_type = 'panel' and entity_id = :id"
                                + " and action = 'CONFIRM'")
                        .param("id", String.valueOf(p))
                        .query(Long.class)
                        .single())
                .isEqualTo(1);

        // a confirmed panel is not edited in place: reopen it (with a reason) first
        assertThat(member(p, "又一人", "SHOPKEEPER", null, false).status()).isEqualTo(409);
        assertThat(head.post("/api/v1/panels/" + p + "/reopen", "{\"reason\":\"\"}")
                        .code())
                .isEqualTo("panel.error.reasonRequired");
        assertThat(head.post("/api/v1/panels/" + p + "/reopen", "{\"reason\":\"成员外出务工\"}")
                        .body()
                        .get("status")
                        .asText())
                .isEqualTo("DRAFT");
    }

    @Test
    void threeCadresAreRefusedWhenConfirming_namingTheRule() throws Exception {
        long p = panel("VILLAGE", "三名干部的评议小组", villages.get(1));
        for (String name : List.of("甲干部", "乙干部", "丙干部")) {
            assertThat(member(p, name, "CADRE", null, false).status()).isEqualTo(201);
        }
        member(p, "丁店主", "SHOPKEEPER", null, false);
        member(p, "戊大户", "LARGE_GROWER", null, false);
        Answer refused = head.post("/api/v1/panels/" + p + "/confirm", null);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.code()).isEqualTo("panel.rule.villageCadres");
        assertThat(refused.detail()).contains("R12").contains("不得超过 2 人").contains("3 人");
        assertThat(head.get("/api/v1/panels/" + p).body().get("status").asText())
                .isEqualTo("DRAFT");
    }

    @Test
    void theVillagesOwnAccountManagerIsRefused_asMemberOrWhenTheAreaIsAddedLater() throws Exception {
        long area = villages.get(2);
        long manager = managerOf(area);
        long p = panel("OTHER", "本行人员评议小组", area);
        Answer refused = staffMember(p, manager);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.code()).isEqualTo("panel.rule.recusal");
        assertThat(refused.detail()).contains("R13").contains(staffName(manager));
        assertThat(head.get("/api/v1/panels/" + p).body().get("members").size()).isZero();
        // typed in by hand as a villager, the manager is still recognised by their phone
        String managerPhone = jdbc.sql("select phone from staff where id = :s")
                .param("s", manager)
                .query(String.class)
                .single();
        Answer byHand = head.post(
                "/api/v1/panels/" + p + "/members",
                "{\"name\":\"%s\",\"role\":\"RESIDENT_REPRESENTATIVE\",\"phone\":\"%s\"}"
                        .formatted(staffName(manager), managerPhone));
        assertThat(byHand.code()).isEqualTo("panel.rule.recusal");

        // the other way round: the manager of another village sits, then that village is added
        long other = villages.get(3);
        long otherManager = managerOf(other);
        assertThat(otherManager)
                .as("neighbouring villages have different managers")
                .isNotEqualTo(manager);
        assertThat(staffMember(p, otherManager).status()).isEqualTo(201);
        Answer areaRefused = head.post("/api/v1/panels/" + p + "/areas", "{\"areaId\":" + other + "}");
        assertThat(areaRefused.code()).isEqualTo("panel.rule.recusal");
        assertThat(areaRefused.detail()).contains(staffName(otherManager));
    }

    @Test
    void anInstitutionPanelNeedsThreeExternalAndTwoBankStaff() throws Exception {
        long area = villages.get(4);
        long manager = managerOf(area);
        List<Long> staff = jdbc.sql("select id from staff where branch_id = :b and id <> :m and active order by id")
                .param("b", b05)
                .param("m", manager)
                .query(Long.class)
                .list();
        long p = panel("INSTITUTION", "中学评议小组", area);
        for (String name : List.of("校长", "教导主任", "会计", "后勤主任")) {
            member(p, name, "AGENCY_STAFF", null, false);
        }
        staffMember(p, staff.get(0));
        Answer refused = head.post("/api/v1/panels/" + p + "/confirm", null);
        assertThat(refused.code()).isEqualTo("panel.rule.institutionMix");
        assertThat(refused.detail()).contains("外部 4 人").contains("本行 1 人");

        long fourth = head.get("/api/v1/panels/" + p)
                .body()
                .get("members")
                .valueStream()
                .filter(m -> m.get("name").asText().equals("后勤主任"))
                .findFirst()
                .orElseThrow()
                .get("id")
                .asLong();
        assertThat(head.delete("/api/v1/panels/" + p + "/members/" + fourth).status())
                .isEqualTo(200);
        assertThat(staffMember(p, staff.get(1)).status()).isEqualTo(201);
        Answer confirmed = head.post("/api/v1/panels/" + p + "/confirm", null);
        assertThat(confirmed.status()).as(confirmed.body().toString()).isEqualTo(200);
    }

    @Test
    void anAreaBelongsToOneLivePanelOnly() throws Exception {
        long area = villages.get(5);
        long first = panel("VILLAGE", "先成立的小组", area);
        Answer created = head.post(
                "/api/v1/panels", "{\"branchId\":%d,\"kind\":\"VILLAGE\",\"name\":\"后成立的小组\"}".formatted(b05));
        Answer taken = head.post("/api/v1/panels/" + created.id() + "/areas", "{\"areaId\":" + area + "}");
        assertThat(taken.code()).isEqualTo("panel.error.areaTaken");
        assertThat(taken.detail()).contains("先成立的小组");
        // once the first is dissolved, the area is free again
        head.post("/api/v1/panels/" + first + "/dissolve", "{\"reason\":\"重新组建\"}");
        assertThat(head.post("/api/v1/panels/" + created.id() + "/areas", "{\"areaId\":" + area + "}")
                        .status())
                .isEqualTo(200);
    }

    @Test
    void anotherBranchOrBankGets404_andTheAttemptIsAudited() throws Exception {
        long p = panel("VILLAGE", "范围测试小组", villages.get(6));
        long bank = fx.bank("ZQRCB");
        long before = fx.outOfScopeEntries(bank);
        JsonCalls other = new JsonCalls(mvc, json, Logins.as(mvc, "b06_head"));
        assertThat(other.get("/api/v1/panels/" + p).status()).isEqualTo(404);
        assertThat(other.post("/api/v1/panels/" + p + "/confirm", null).status())
                .isEqualTo(404);
        assertThat(other.get("/api/v1/panels?branchId=" + b05).status()).isEqualTo(404);
        assertThat(other.get("/api/v1/panels")
                        .body()
                        .valueStream()
                        .noneMatch(x -> x.get("id").asLong() == p))
                .isTrue();
        assertThat(fx.outOfScopeEntries(bank)).isEqualTo(before + 3);
        JsonCalls foreign = new JsonCalls(mvc, json, Logins.as(mvc, "lc_admin"));
        assertThat(foreign.get("/api/v1/panels/" + p).status()).isEqualTo(404);
        assertThat(foreign.get("/api/v1/panels/" + p + "/sheet").status()).isEqualTo(404);
    }

    @Test
    void onThePages_aRefusalIsShownInChineseNamingTheRule_andTheNoticeListsPhones() throws Exception {
        MockHttpSession session = Logins.as(mvc, "b05_head");
        long p = panel("VILLAGE", "页面上的小组", villages.get(7));
        for (String name : List.of("一干部", "二干部", "三干部", "四店主", "五大户")) {
            mvc.perform(post("/panels/" + p + "/members")
                    .session(session)
                    .with(csrf())
                    .param("name", name)
                    .param("role", name.endsWith("干部") ? "CADRE" : "SHOPKEEPER")
                    .param("phone", "1380531000" + name.length()));
        }
        var flash = mvc.perform(
                        post("/panels/" + p + "/confirm").session(session).with(csrf()))
                .andReturn()
                .getFlashMap();
        assertThat(flash.get("errorKey")).isEqualTo("panel.rule.villageCadres");
        String page = mvc.perform(get("/panels/" + p).session(session))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("不符合 R12").contains("目前有 3 人");
        String english = mvc.perform(get("/panels/" + p + "?lang=en").session(session))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(english).contains("Breaks R12").contains("it has 3");

        // a draft has no public notice yet
        assertThat(mvc.perform(get("/panels/" + p + "/notice").session(session))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(409);
        long third = head.get("/api/v1/panels/" + p)
                .body()
                .get("members")
                .get(2)
                .get("id")
                .asLong();
        mvc.perform(post("/panels/" + p + "/members/" + third + "/remove")
                .session(session)
                .with(csrf()));
        mvc.perform(post("/panels/" + p + "/members")
                .session(session)
                .with(csrf())
                .param("name", "六党员")
                .param("role", "SENIOR_PARTY_MEMBER")
                .param("phone", "13805319999"));
        var ok = mvc.perform(post("/panels/" + p + "/confirm").session(session).with(csrf()))
                .andReturn()
                .getFlashMap();
        assertThat(ok.get("errorKey")).isNull();
        String notice = mvc.perform(get("/panels/" + p + "/notice").session(session))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(notice)
                .contains("阳光信贷评议小组成员公示")
                .contains("13805319999")
                .contains("监督电话")
                .contains("@page");
    }

    @Test
    void theApiIsInTheOpenApiDocument() throws Exception {
        String doc = mvc.perform(get("/v3/api-docs").session(Logins.as(mvc, "b05_head")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(doc)
                .contains("\"/api/v1/panels\"")
                .contains("\"/api/v1/panels/{id}/confirm\"")
                .contains("\"/api/v1/plans/late\"")
                .contains("\"/api/v1/working-groups/{branchId}\"")
                .contains("\"/api/v1/trainings\"");
    }
}
