package sunshine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import sunshine.customer.ResidentId;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Filing one person at a time through the API (filing issue, points 1-6, R4-R11). */
@PlatformTest
class FilingTest {

    private static final AtomicInteger SEQ = new AtomicInteger(100);

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    MockHttpSession am;
    long area;

    @BeforeEach
    void signIn() throws Exception {
        am = Logins.as(mvc, "b11_am1");
        long b11 = new Fixtures(jdbc).branch("ZQRCB", "B11");
        area = new Fixtures(jdbc).firstArea(b11);
    }

    /** A valid resident ID of 章丘区, born on the given day, with a fresh sequence number. */
    static String id(String birth, boolean male) {
        int seq = SEQ.incrementAndGet();
        int last = male ? (seq % 5) * 2 + 1 : (seq % 5) * 2;
        return ResidentId.complete("370181" + birth + String.format("%02d", seq % 100) + last);
    }

    String person(String name, String id, String phone) {
        return """
                {"areaId":%d,"name":"%s","residentId":"%s","phone":"%s","address":"章丘区明水街道百脉泉路%d号",
                 "customerType":"FARMER","occupation":"种植"}""".formatted(area, name, id, phone, SEQ.get());
    }

    ResultActions file(String body) throws Exception {
        return mvc.perform(post("/api/v1/customers")
                .session(am)
                .with(csrf())
                .contentType(MediaType.APPLICATION_JSON)
                .header("Accept-Language", "zh-CN")
                .content(body));
    }

    JsonNode body(ResultActions r) throws Exception {
        return json.readTree(r.andReturn().getResponse().getContentAsString());
    }

    @Test
    void aNewPersonIsFiled_withGenderAndBirthDateFromTheId_andStartsAHouseholdAsItsRepresentative() throws Exception {
        String rid = id("19800512", true);
        JsonNode c = body(file(person("单建国", rid, "13853112345")).andExpect(status().isCreated()))
                .get("customer");
        assertThat(c.get("gender").asText()).isEqualTo("M");
        assertThat(c.get("birthDate").asText()).isEqualTo("1980-05-12");
        assertThat(c.get("representative").asBoolean()).isTrue();
        assertThat(c.get("relationship").asText()).isEqualTo("SELF");
        // masked in the answer: 3701 + stars + last four
        assertThat(c.get("residentId").asText()).isEqualTo(rid.substring(0, 4) + "**********" + rid.substring(14));
        assertThat(c.get("phone").asText()).isEqualTo("138****2345");
    }

    @Test
    void filingTheSameIdAgainRefreshesTheFile_keepsHistory_andNeverDuplicates() throws Exception {
        String rid = id("19751103", false);
        long id = body(file(person("曾秀英", rid, "13953100001")).andExpect(status().isCreated()))
                .get("customer")
                .get("id")
                .asLong();
        JsonNode again =
                body(file(person("曾秀英", rid, "13953100002").replace("种植", "养殖")).andExpect(status().isOk()));
        assertThat(again.get("created").asBoolean()).isFalse();
        assertThat(again.get("changedFields").toString())
                .contains("phone")
                .contains("occupation")
                .doesNotContain("name");
        assertThat(again.get("customer").get("id").asLong()).isEqualTo(id);
        assertThat(jdbc.sql("select count(*) from customer where resident_id = :r")
                        .param("r", rid)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        var history = jdbc.sql("select field || ':' || coalesce(old_value,'') || '>' || coalesce(new_value,'')"
                        + " from customer_history where customer_id = :c and field <> '*' order by field")
                .param("c", id)
                .query(String.class)
                .list();
        assertThat(history).containsExactly("occupation:种植>养殖", "phone:13953100001>13953100002");
        // the same data a third time changes nothing
        JsonNode third =
                body(file(person("曾秀英", rid, "13953100002").replace("种植", "养殖")).andExpect(status().isOk()));
        assertThat(third.get("changedFields").size()).isZero();
    }

    @Test
    void aLegacy15DigitIdIsFiledAs18_andTheSamePersonBy18DigitsIsTheSameFile() throws Exception {
        String legacy = "370181" + "720815" + String.format("%03d", SEQ.incrementAndGet() % 1000);
        String full = ResidentId.complete("370181" + "19720815" + legacy.substring(12));
        file(person("李强", legacy, "13600000001")).andExpect(status().isCreated());
        file(person("李强", full, "13600000001")).andExpect(status().isOk());
        assertThat(jdbc.sql("select count(*) from customer where resident_id = :r")
                        .param("r", full)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void everyWrongFieldIsNamedInChinese() throws Exception {
        String bad = """
                {"areaId":%d,"name":"","residentId":"370181198005120010","gender":"F","phone":"12345",
                 "address":"","customerType":null,"residence":"NON_LOCAL"}""".formatted(area);
        JsonNode p = body(file(bad).andExpect(status().isBadRequest()));
        String errors = p.get("errors").toString();
        assertThat(errors)
                .contains("\"field\":\"name\"")
                .contains("\"field\":\"residentId\"")
                .contains("\"field\":\"phone\"")
                .contains("\"field\":\"address\"")
                .contains("\"field\":\"customerType\"")
                .contains("\"field\":\"businessPlace\"")
                .contains("校验位不对")
                .contains("必填");
        // a valid ID whose gender disagrees with what was entered
        String rid = id("19900101", true);
        JsonNode g = body(
                file(person("王芳", rid, "13700000000").replace("\"customerType\"", "\"gender\":\"F\",\"customerType\""))
                        .andExpect(status().isBadRequest()));
        assertThat(g.get("errors").toString()).contains("性别与身份证号不符");
    }

    @Test
    void householdsHaveOneRepresentative_membersMove_andHouseholdsMerge() throws Exception {
        long head = body(file(person("张大山", id("19650303", true), "13800000011")))
                .get("customer")
                .get("id")
                .asLong();
        long household = jdbc.sql("select household_id from customer where id = :c")
                .param("c", head)
                .query(Long.class)
                .single();
        String wife = person("刘桂兰", id("19670404", false), "13800000012")
                .replace(
                        "\"occupation\"",
                        "\"householdId\":" + household + ",\"relationship\":\"SPOUSE\",\"occupation\"");
        long wifeId = body(file(wife).andExpect(status().isCreated()))
                .get("customer")
                .get("id")
                .asLong();
        mvc.perform(get("/api/v1/households/" + household).session(am))
                .andExpect(jsonPath("$.representativeId").value(head))
                .andExpect(jsonPath("$.members.length()").value(2));

        long other = body(file(person("张小山", id("19900909", true), "13800000013")))
                .get("customer")
                .get("id")
                .asLong();
        long otherHousehold = jdbc.sql("select household_id from customer where id = :c")
                .param("c", other)
                .query(Long.class)
                .single();
        // the representative cannot leave a household with others in it without naming a successor
        mvc.perform(post("/api/v1/customers/" + head + "/move")
                        .session(am)
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"householdId\":" + otherHousehold + ",\"relationship\":\"PARENT\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("household.error.newRepresentativeRequired"));
        // merge the son's household into his parents'
        mvc.perform(post("/api/v1/households/" + otherHousehold + "/merge")
                        .session(am)
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"intoHouseholdId\":" + household
                                + ",\"formerRepresentativeRelationship\":\"CHILD\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.members.length()").value(3))
                .andExpect(jsonPath("$.representativeId").value(head));
        mvc.perform(get("/api/v1/households/" + otherHousehold).session(am)).andExpect(status().isNotFound());
        // the wife becomes the representative; the husband is now her spouse
        mvc.perform(post("/api/v1/households/" + household + "/representative")
                        .session(am)
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"customerId\":" + wifeId + ",\"formerRepresentativeRelationship\":\"SPOUSE\"}"))
                .andExpect(jsonPath("$.representativeId").value(wifeId));
        assertThat(jdbc.sql("select count(*) from customer where household_id = :h and relationship = 'SELF'")
                        .param("h", household)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from household_history where household_id in (:a, :b)")
                        .param("a", household)
                        .param("b", otherHousehold)
                        .query(Long.class)
                        .single())
                .isGreaterThanOrEqualTo(5);
    }

    @Test
    void anExcludedPersonStaysKnown_andLiftingIsAnAuditedDecisionOfABranchHead() throws Exception {
        long c = body(file(person("赵六", id("19700707", true), "13800000021")))
                .get("customer")
                .get("id")
                .asLong();
        mvc.perform(post("/api/v1/customers/" + c + "/exclusion")
                        .session(am)
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"DRUGS_GAMBLING_USURY\",\"note\":\"村委会证明\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.excluded").value(true));
        mvc.perform(get("/api/v1/customers?excluded=true&q=赵六").session(am))
                .andExpect(jsonPath("$.total").value(1));
        // an account manager may not lift it
        mvc.perform(post("/api/v1/customers/" + c + "/exclusion/lift")
                        .session(am)
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"note\":\"已改正\"}"))
                .andExpect(status().isForbidden());
        MockHttpSession head = Logins.as(mvc, "b11_head");
        mvc.perform(post("/api/v1/customers/" + c + "/exclusion/lift")
                        .session(head)
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"note\":\"经核实已戒除\"}"))
                .andExpect(jsonPath("$.excluded").value(false));
        assertThat(jdbc.sql("select string_agg(action, ',' order by seq) from audit_log where entity_type = 'customer'"
                                + " and entity_id = :c")
                        .param("c", String.valueOf(c))
                        .query(String.class)
                        .single())
                .isEqualTo("FILE,EXCLUDE,LIFT_EXCLUSION");
    }

    @Test
    void aCreditReportQueryNeedsASignedAuthorisationInDate() throws Exception {
        long c = body(file(person("孙七", id("19820202", false), "13800000031")))
                .get("customer")
                .get("id")
                .asLong();
        String query = "{\"purpose\":\"阳光信贷预授信\"}";
        mvc.perform(post("/api/v1/customers/" + c + "/credit-queries")
                        .session(am)
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(query))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("document.error.noAuthorisation"));
        // an authorisation that has run out does not count
        mvc.perform(
                        post("/api/v1/customers/" + c + "/documents")
                                .session(am)
                                .with(csrf())
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(
                                        "{\"kind\":\"CREDIT_QUERY_AUTHORISATION\",\"receivedOn\":\"2024-01-10\",\"validUntil\":\"2025-01-10\"}"))
                .andExpect(status().isOk());
        mvc.perform(post("/api/v1/customers/" + c + "/credit-queries")
                        .session(am)
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(query))
                .andExpect(status().isBadRequest());
        mvc.perform(
                        post("/api/v1/customers/" + c + "/documents")
                                .session(am)
                                .with(csrf())
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(
                                        "{\"kind\":\"CREDIT_QUERY_AUTHORISATION\",\"receivedOn\":\"2026-01-10\",\"validUntil\":\"2099-01-10\"}"))
                .andExpect(status().isOk());
        mvc.perform(post("/api/v1/customers/" + c + "/credit-queries")
                        .session(am)
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(query))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1));
        mvc.perform(put("/api/v1/customers/" + c + "/questionnaire")
                        .session(am)
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"answers\":{\"mobileBanking\":true,\"wechatPay\":false}}"))
                .andExpect(jsonPath("$.mobileBanking").value(true));
    }

    @Test
    void searchByInitialsOfEveryReading_byIdTail_byPhone_andUnmaskingIsAudited() throws Exception {
        String rid = id("19880808", true);
        long c = body(file(person("单田芳", rid, "13812349876")))
                .get("customer")
                .get("id")
                .asLong();
        for (String q : new String[] {"stf", "dtf", "dantian", rid.substring(12), "13812349876", rid, "单田"}) {
            mvc.perform(get("/api/v1/customers").param("q", q).session(am))
                    .andExpect(jsonPath("$.items[?(@.id == " + c + ")]").exists());
        }
        long before = jdbc.sql("select count(*) from audit_log where action = 'UNMASK'")
                .query(Long.class)
                .single();
        mvc.perform(post("/api/v1/customers/" + c + "/unmask").session(am).with(csrf()))
                .andExpect(jsonPath("$.residentId").value(rid))
                .andExpect(jsonPath("$.phone").value("13812349876"));
        assertThat(jdbc.sql("select count(*) from audit_log where action = 'UNMASK'")
                        .query(Long.class)
                        .single())
                .isEqualTo(before + 1);
        // another branch sees nothing of it
        MockHttpSession other = Logins.as(mvc, "b12_am1");
        mvc.perform(get("/api/v1/customers").param("q", "stf").session(other))
                .andExpect(jsonPath("$.items[?(@.id == " + c + ")]").doesNotExist());
        mvc.perform(get("/api/v1/customers/" + c).session(other)).andExpect(status().isNotFound());
        // and cannot file the same person into its own area
        MockHttpSession otherEntry = Logins.as(mvc, "b12_entry");
        long otherArea = new Fixtures(jdbc).firstArea(new Fixtures(jdbc).branch("ZQRCB", "B12"));
        mvc.perform(post("/api/v1/customers")
                        .session(otherEntry)
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(person("单田芳", rid, "13812349876")
                                .replace("\"areaId\":" + area, "\"areaId\":" + otherArea)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("customer.error.filedElsewhere"));
    }

    @Test
    void coverageIsHouseholdsFiledOverTheSurveysActualHouseholds_againstNinetyFivePercent() throws Exception {
        // R9, worked by hand: a market of 4 surveyed households; 2 households (3 people) filed → 50.0%,
        // and 95% of 4 is 3.8, so 4 households are needed: 2 short
        MockMvc m = mvc;
        MockHttpSession head = Logins.as(m, "b11_head");
        long b11 = new Fixtures(jdbc).branch("ZQRCB", "B11");
        String created = m.perform(post("/api/v1/areas")
                        .session(head)
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"branchId\":" + b11 + ",\"kind\":\"MARKET\",\"name\":\"覆盖率测试市场\","
                                + "\"actualHouseholds\":4,\"businessHouseholds\":4,\"loanCertCount\":0,"
                                + "\"loanCertAmount\":0,\"badLoanCount\":0,\"badLoanAmount\":0}"))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        long market = json.readTree(created).get("id").asLong();
        area = market;
        long first = body(file(person("甲一", id("19700101", true), "13800000041")))
                .get("customer")
                .get("id")
                .asLong();
        long household = jdbc.sql("select household_id from customer where id = :c")
                .param("c", first)
                .query(Long.class)
                .single();
        file(person("甲二", id("19720101", false), "13800000042")
                        .replace(
                                "\"occupation\"",
                                "\"householdId\":" + household + ",\"relationship\":\"SPOUSE\",\"occupation\""))
                .andExpect(status().isCreated());
        file(person("乙一", id("19750101", true), "13800000043")).andExpect(status().isCreated());
        String line = "$[?(@.id == " + market + ")]";
        m.perform(get("/api/v1/filing/coverage?by=AREA").session(am))
                .andExpect(jsonPath(line + ".actualHouseholds").value(org.hamcrest.Matchers.contains(4)))
                .andExpect(jsonPath(line + ".filedHouseholds").value(org.hamcrest.Matchers.contains(2)))
                .andExpect(jsonPath(line + ".filedPeople").value(org.hamcrest.Matchers.contains(3)))
                .andExpect(jsonPath(line + ".percent").value(org.hamcrest.Matchers.contains(50.0)))
                .andExpect(jsonPath(line + ".missingHouseholds").value(org.hamcrest.Matchers.contains(2)))
                .andExpect(jsonPath(line + ".meetsTarget").value(org.hamcrest.Matchers.contains(false)));
    }
}
