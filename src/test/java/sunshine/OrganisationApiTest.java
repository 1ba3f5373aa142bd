package sunshine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/** The REST API of the organisation (foundation issue, points 4, 6 and 10). */
@PlatformTest
class OrganisationApiTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    @Autowired
    Environment env;

    @Test
    void healthIsUp_andTheOpenApiDocumentListsTheApi() throws Exception {
        mvc.perform(get("/actuator/health"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"));
        mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/v1/branches']").exists())
                .andExpect(jsonPath("$.paths['/api/v1/staff/{id}']").exists())
                .andExpect(jsonPath("$.paths['/api/v1/areas/division-import']").exists());
    }

    @Test
    void sessionsTimeOutAfterFifteenIdleMinutes() {
        assertThat(env.getProperty("server.servlet.session.timeout")).isEqualTo("15m");
    }

    @Test
    void anAdministratorBuildsTheTree_addsAnOutlet_movesIt_andCannotDeactivateABusyBranch() throws Exception {
        MockHttpSession admin = Logins.as(mvc, "admin");
        Fixtures fx = new Fixtures(jdbc);
        long b05 = fx.branch("ZQRCB", "B05");
        long b06 = fx.branch("ZQRCB", "B06");
        String body = mvc.perform(post("/api/v1/branches")
                        .session(admin)
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"parentId\":" + b05
                                + ",\"kind\":\"OUTLET\",\"code\":\"T-OUT-1\",\"name\":\"测试网点\"}"))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        long outlet = json.readTree(body).get("id").asLong();
        String b05Path = jdbc.sql("select path from branch where id = :id")
                .param("id", b05)
                .query(String.class)
                .single();
        assertThat(json.readTree(body).get("path").asText()).isEqualTo(b05Path + outlet + "/");

        mvc.perform(post("/api/v1/branches/" + outlet + "/move")
                        .session(admin)
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"parentId\":" + b06 + ",\"version\":0}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.parentId").value(b06));

        // an outlet cannot sit under the head office; a branch with staff cannot be deactivated
        long hq = fx.headOffice("ZQRCB");
        mvc.perform(post("/api/v1/branches")
                        .session(admin)
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .header("Accept-Language", "zh-CN")
                        .content(
                                "{\"parentId\":" + hq + ",\"kind\":\"OUTLET\",\"code\":\"T-OUT-2\",\"name\":\"错误网点\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("网点设在支行下")));
        mvc.perform(post("/api/v1/branches/" + b05 + "/deactivate")
                        .session(admin)
                        .with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("branch.error.notEmpty"));
        assertThat(jdbc.sql("select count(*) from audit_log where entity_type = 'branch' and entity_id = :id")
                        .param("id", String.valueOf(outlet))
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
    }

    @Test
    void validationErrorsAreProblemDetailsInTheCallersLanguage() throws Exception {
        MockHttpSession admin = Logins.as(mvc, "admin");
        String bad = "{\"branchId\":null,\"staffNo\":\"\",\"name\":\"张三\",\"phone\":\"12345\"}";
        mvc.perform(post("/api/v1/staff")
                        .session(admin)
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .header("Accept-Language", "zh-CN")
                        .content(bad))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.detail").value("提交的数据未通过校验，请按提示修改。"))
                .andExpect(jsonPath("$.errors[?(@.field == 'staffNo')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field == 'phone')]").exists());
        mvc.perform(post("/api/v1/staff")
                        .session(admin)
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .header("Accept-Language", "en")
                        .content(bad))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("The data sent did not pass the checks; see the errors."));
    }

    @Test
    void aBranchHeadManagesTheirStaff_butCannotGrantHeadOfficeRoles() throws Exception {
        MockHttpSession head = Logins.as(mvc, "b07_head");
        long b07 = new Fixtures(jdbc).branch("ZQRCB", "B07");
        mvc.perform(post("/api/v1/staff")
                        .session(head)
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"branchId\":" + b07
                                + ",\"staffNo\":\"T0701\",\"name\":\"李新\",\"phone\":\"13912345678\","
                                + "\"roles\":[\"ACCOUNT_MANAGER\"]}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.roles[0]").value("ACCOUNT_MANAGER"));
        mvc.perform(post("/api/v1/staff")
                        .session(head)
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"branchId\":" + b07
                                + ",\"staffNo\":\"T0702\",\"name\":\"王越\",\"roles\":[\"ADMIN\"]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("staff.error.roleNotAllowed"));
        // staff numbers are unique within the bank
        mvc.perform(post("/api/v1/staff")
                        .session(head)
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"branchId\":" + b07 + ",\"staffNo\":\"T0701\",\"name\":\"重复\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("staff.error.numberTaken"));
        // an account manager may read but not change
        MockHttpSession am = Logins.as(mvc, "b07_am1");
        mvc.perform(post("/api/v1/staff")
                        .session(am)
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"branchId\":" + b07 + ",\"staffNo\":\"T0703\",\"name\":\"赵一\"}"))
                .andExpect(status().isForbidden());
    }

    @Test
    void areasKeepTheirSurveyFigures_andTheResponsibleManagerMustBeAnAccountManagerOfTheBranch() throws Exception {
        MockHttpSession head = Logins.as(mvc, "b08_head");
        Fixtures fx = new Fixtures(jdbc);
        long b08 = fx.branch("ZQRCB", "B08");
        long am = fx.staffOf("b08_am1");
        long notAm = fx.staffOf("b08_entry");
        long otherBranchAm = fx.staffOf("b09_am1");
        String area = "{\"branchId\":" + b08 + ",\"kind\":\"MARKET\",\"name\":\"绣惠农贸市场\",\"managerId\":%d,"
                + "\"actualHouseholds\":120,\"businessHouseholds\":80,\"loanCertCount\":30,"
                + "\"loanCertAmount\":1500000.50,\"badLoanCount\":1,\"badLoanAmount\":20000}";
        mvc.perform(post("/api/v1/areas")
                        .session(head)
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(area.formatted(am)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.loanCertAmount").value(1500000.50))
                .andExpect(jsonPath("$.managerId").value(am));
        for (long wrong : new long[] {notAm, otherBranchAm}) {
            mvc.perform(post("/api/v1/areas")
                            .session(head)
                            .with(csrf())
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(area.formatted(wrong)))
                    .andExpect(status().is4xxClientError());
        }
        String tooMany = area.formatted(am).replace("\"businessHouseholds\":80", "\"businessHouseholds\":121");
        mvc.perform(post("/api/v1/areas")
                        .session(head)
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(tooMany))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("area.error.businessAboveActual"));
    }

    @Test
    void aStaleVersionIsRefused() throws Exception {
        MockHttpSession head = Logins.as(mvc, "b10_head");
        long id = new Fixtures(jdbc).staffOf("b10_entry");
        long branch = new Fixtures(jdbc).branch("ZQRCB", "B10");
        String body = "{\"branchId\":" + branch
                + ",\"staffNo\":\"%s\",\"name\":\"改名\",\"roles\":[\"DATA_ENTRY\"],\"version\":%d}";
        String no = jdbc.sql("select staff_no from staff where id = :id")
                .param("id", id)
                .query(String.class)
                .single();
        int version = jdbc.sql("select version from staff where id = :id")
                .param("id", id)
                .query(Integer.class)
                .single();
        mvc.perform(put("/api/v1/staff/" + id)
                        .session(head)
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body.formatted(no, version)))
                .andExpect(status().isOk());
        mvc.perform(put("/api/v1/staff/" + id)
                        .session(head)
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body.formatted(no, version)))
                .andExpect(status().isConflict());
    }
}
