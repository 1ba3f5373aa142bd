package sunshine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import sunshine.review.Booklets;
import sunshine.review.VerifiedEstimates;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Entry and verification of the members' copies (issue 5 points 1-4, R17, R18, R13). A village of B06 with two
 * households, 甲一 (row 1, at 1号) and 丙一 (row 2, at 2号, seat 2's own household), and a panel of five members;
 * its booklet is printed as version 1 before each test. Amounts in the API are yuan; the workbook's are 万元.
 */
@PlatformTest
class EstimatesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    @Autowired
    Booklets booklets;

    @Autowired
    VerifiedEstimates verified;

    BookletFixture fx;
    long b06;
    long area;
    long panel;
    long customerA;
    long householdA;
    long householdC;

    @BeforeEach
    void printedBooklet() throws Exception {
        fx = BookletFixture.of(jdbc, "ZQRCB");
        b06 = new Fixtures(jdbc).branch("ZQRCB", "B06");
        jdbc.sql("delete from estimate_copy where branch_id = :b")
                .param("b", b06)
                .update();
        jdbc.sql("delete from booklet_print where branch_id = :b")
                .param("b", b06)
                .update();
        jdbc.sql("delete from panel where branch_id = :b").param("b", b06).update();
        jdbc.sql("update household set representative_id = null where representative_id in"
                        + " (select id from customer where resident_id like '370181197604041%')")
                .update();
        jdbc.sql("delete from customer_history where customer_id in"
                        + " (select id from customer where resident_id like '370181197604041%')")
                .update();
        jdbc.sql("delete from customer where resident_id like '370181197604041%'")
                .update();
        area = fx.area(b06, "南关测试村");
        customerA = fx.representative(area, "37018119760404101", "甲一", "南关测试村1号");
        householdA = fx.household(customerA);
        householdC = fx.household(fx.representative(area, "37018119760404102", "丙一", "南关测试村2号"));
        panel = fx.panel(b06, "南关测试村评议小组", "CONFIRMED", area);
        fx.fiveMembers(panel, householdC);
        ActingAs.call(mvc, "b06_head", () -> booklets.print(panel));
    }

    private JsonCalls as(String user) throws Exception {
        return new JsonCalls(mvc, json, Logins.as(mvc, user));
    }

    private static String line(
            long household, String assets, String liabilities, String gross, String net, String suggested) {
        return "{\"householdId\":" + household + ",\"assets\":" + assets + ",\"liabilities\":" + liabilities
                + ",\"grossIncome\":" + gross + ",\"netIncome\":" + net + ",\"suggestedAmount\":" + suggested + "}";
    }

    private static String body(boolean finish, String... lines) {
        return "{\"finish\":" + finish + ",\"lines\":[" + String.join(",", lines) + "]}";
    }

    private String copiesUrl(int copy) {
        return "/api/v1/review/panels/" + panel + "/copies/" + copy;
    }

    private static JsonNode row(JsonNode sheet, long household) {
        for (JsonNode l : sheet.get("lines")) {
            if (l.get("householdId").asLong() == household) {
                return l;
            }
        }
        throw new AssertionError("no line for " + household);
    }

    @Test
    void aCopyIsKeyed_verifiedBlind_andItsOneDifferenceResolved() throws Exception {
        JsonCalls entry = as("b06_entry");
        JsonCalls verify = as("b06_verify");
        var keyed = entry.put(
                copiesUrl(1),
                body(
                        true,
                        line(householdA, "200000", "50000", "120000", "80000", "100000"),
                        line(householdC, "300000", "0", "150000", "90000", "120000")));
        assertThat(keyed.status()).isEqualTo(200);
        assertThat(keyed.body().at("/copy/status").asText()).isEqualTo("KEYED");
        long copy = keyed.body().at("/copy/id").asLong();

        // the verifier sees the households, not the first keying
        var blind = verify.get("/api/v1/review/copies/" + copy);
        assertThat(blind.status()).isEqualTo(200);
        assertThat(blind.body().get("mode").asText()).isEqualTo("SECOND");
        assertThat(row(blind.body(), householdA).get("first").isNull()).isTrue();
        assertThat(blind.body().toString()).doesNotContain("200000").doesNotContain("120000");

        // one slip: 10000 for 甲一's suggested amount instead of 100000
        var second = verify.put(
                "/api/v1/review/copies/" + copy + "/second",
                body(
                        true,
                        line(householdA, "200000", "50000", "120000", "80000", "10000"),
                        line(householdC, "300000", "0", "150000", "90000", "120000")));
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.body().at("/copy/status").asText()).isEqualTo("VERIFYING");
        var sideBySide = verify.get("/api/v1/review/copies/" + copy);
        assertThat(sideBySide.body().get("mode").asText()).isEqualTo("RESOLVE");
        JsonNode a = row(sideBySide.body(), householdA);
        assertThat(a.get("differences").toString()).isEqualTo("[\"suggestedAmount\"]");
        assertThat(a.at("/first/suggestedAmount").decimalValue()).isEqualByComparingTo("100000");
        assertThat(a.at("/second/suggestedAmount").decimalValue()).isEqualByComparingTo("10000");
        assertThat(row(sideBySide.body(), householdC).get("differences").size()).isZero();

        var resolved = verify.put(
                "/api/v1/review/copies/" + copy + "/resolution",
                "{\"lines\":[" + line(householdA, "200000", "50000", "120000", "80000", "100000") + "]}");
        assertThat(resolved.status()).isEqualTo(200);
        assertThat(resolved.body().get("status").asText()).isEqualTo("VERIFIED");
        assertThat(resolved.body().get("keyedBy").asLong()).isEqualTo(new Fixtures(jdbc).staffOf("b06_entry"));
        assertThat(resolved.body().get("verifiedBy").asLong()).isEqualTo(new Fixtures(jdbc).staffOf("b06_verify"));
        assertThat(resolved.body().get("verifiedAt").isNull()).isFalse();

        List<VerifiedEstimates.Household> v = ActingAs.call(mvc, "b06_head", () -> verified.ofPanel(panel));
        assertThat(v).extracting(VerifiedEstimates.Household::householdId).containsExactly(householdA, householdC);
        VerifiedEstimates.CopyFigures fa = v.get(0).copies().get(0);
        assertThat(fa.copyNo()).isEqualTo(1);
        assertThat(fa.memberName()).isEqualTo("王德福");
        assertThat(fa.ownHousehold()).isFalse();
        assertThat(fa.figures().suggestedAmount()).isEqualByComparingTo("100000");
        assertThat(fa.figures().netIncome()).isEqualByComparingTo("80000");
        assertThat(v.get(1).copies().get(0).figures().suggestedAmount()).isEqualByComparingTo("120000");
    }

    @Test
    void theKeyerCannotVerifyTheirOwnCopy() throws Exception {
        long entryStaff = new Fixtures(jdbc).staffOf("b06_entry");
        jdbc.sql("insert into staff_role (staff_id, role) values (:s, 'VERIFIER')")
                .param("s", entryStaff)
                .update();
        try {
            JsonCalls both = as("b06_entry");
            var keyed = both.put(copiesUrl(2), body(true, line(householdA, "1", "1", "1", "1", "1")));
            long copy = keyed.body().at("/copy/id").asLong();
            var refused = both.put(
                    "/api/v1/review/copies/" + copy + "/second", body(true, line(householdA, "1", "1", "1", "1", "1")));
            assertThat(refused.status()).isEqualTo(409);
            assertThat(refused.code()).isEqualTo("estimate.error.sameVerifier");
            assertThat(refused.detail()).contains("R18");
            assertThat(jdbc.sql("select status from estimate_copy where id = :c")
                            .param("c", copy)
                            .query(String.class)
                            .single())
                    .isEqualTo("KEYED");
        } finally {
            jdbc.sql("delete from staff_role where staff_id = :s and role = 'VERIFIER'")
                    .param("s", entryStaff)
                    .update();
        }
    }

    @Test
    void whileKeyingCopy3_copy1CannotBeRead_norByAnyoneButItsKeyerAndVerifier() throws Exception {
        JsonCalls entry = as("b06_entry");
        long copy1 = entry.put(copiesUrl(1), body(true, line(householdA, "1", "1", "1", "1", "1")))
                .body()
                .at("/copy/id")
                .asLong();
        assertThat(entry.get("/api/v1/review/copies/" + copy1).status()).isEqualTo(200);
        // a draft of copy 3: from now on copy 1 is out of sight (R17)
        assertThat(entry.put(copiesUrl(3), body(false, line(householdA, "2", "2", "2", "2", "2")))
                        .status())
                .isEqualTo(200);
        assertThat(entry.get("/api/v1/review/copies/" + copy1).status()).isEqualTo(404);
        // an account manager of the branch, neither keyer nor verifier, never sees it
        assertThat(as("b06_am1").get("/api/v1/review/copies/" + copy1).status()).isEqualTo(404);
        // another branch: 404 like a missing copy
        assertThat(as("b07_verify").get("/api/v1/review/copies/" + copy1).status())
                .isEqualTo(404);
    }

    /** The workbook as the renderer lays it out, filled in: label in row 2's hidden column, households from row 4. */
    private byte[] filled(String label, Object[][] rows) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Workbook wb = new Workbook(out, "test", "1.0");
        wb.newWorksheet("封面").value(0, 0, "封面");
        Worksheet ws = wb.newWorksheet("评议表");
        ws.value(0, 0, "阳光信贷预授信调查评议册");
        ws.value(1, 14, label);
        ws.value(2, 0, "序号");
        ws.value(2, 14, "household_id");
        for (int i = 0; i < rows.length; i++) {
            int r = 3 + i;
            ws.value(r, 0, i + 1);
            for (int c = 0; c < rows[i].length; c++) {
                Object v = rows[i][c];
                if (v instanceof Number n) {
                    ws.value(r, c == 0 ? 14 : 5 + c, n);
                } else if (v != null) {
                    ws.value(r, c == 0 ? 14 : 5 + c, v.toString());
                }
            }
        }
        wb.finish();
        return out.toByteArray();
    }

    private JsonCalls.Answer upload(JsonCalls who, byte[] xlsx) throws Exception {
        MockHttpServletResponse res = mvc.perform(multipart("/api/v1/review/panels/" + panel + "/workbooks")
                        .file(new MockMultipartFile("file", "copy.xlsx", "application/octet-stream", xlsx))
                        .session(who.session())
                        .header("Accept-Language", "zh-CN")
                        .with(csrf()))
                .andReturn()
                .getResponse();
        res.setCharacterEncoding("UTF-8");
        return new JsonCalls.Answer(res.getStatus(), json.readTree(res.getContentAsString()));
    }

    @Test
    void anUploadedWorkbook_withOneBadCell_isRefusedNamingRowAndColumn_thenTakenAsKeyed() throws Exception {
        JsonCalls entry = as("b06_entry");
        String label = "P" + panel + "-V1-C4";
        // columns: household id, then G 资产, H 负债, I 总收入, J 纯收入, K 建议额度, L 不建议, M 备注, N 更正 (万元)
        var refused = upload(entry, filled(label, new Object[][] {
            {householdA, "八万", 2, 6, 4, 5, null, null, null}, {householdC, 30, 0, 15, 9, 12, null, null, null}
        }));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body().get("errors")).hasSize(1);
        JsonNode e = refused.body().get("errors").get(0);
        assertThat(e.get("row").asInt()).isEqualTo(4);
        assertThat(e.get("column").asText()).isEqualTo("G");
        assertThat(e.get("message").asText()).contains("第4行").contains("G").contains("八万");
        assertThat(jdbc.sql("select count(*) from estimate_copy where panel_id = :p")
                        .param("p", panel)
                        .query(Long.class)
                        .single())
                .isZero();

        var taken = upload(entry, filled(label, new Object[][] {
            {householdA, 8, 2, 6, 4, 5, null, "勤劳", null}, {householdC, 30, 0, 15, 9, 12, "√", null, null}
        }));
        assertThat(taken.status()).isEqualTo(200);
        assertThat(taken.body().at("/copy/status").asText()).isEqualTo("KEYED");
        assertThat(taken.body().at("/copy/source").asText()).isEqualTo("WORKBOOK");
        assertThat(taken.body().at("/copy/copyNo").asInt()).isEqualTo(4);
        long copy = taken.body().at("/copy/id").asLong();
        // 8 万元 = 80000 yuan; 12 万元 with 不建议 ticked for 丙一
        JsonNode sheet = entry.get("/api/v1/review/copies/" + copy).body();
        assertThat(row(sheet, householdA).at("/first/assets").decimalValue()).isEqualByComparingTo("80000");
        assertThat(row(sheet, householdA).at("/first/suggestedAmount").decimalValue())
                .isEqualByComparingTo("50000");
        assertThat(row(sheet, householdA).get("remarks").asText()).isEqualTo("勤劳");
        assertThat(row(sheet, householdC).at("/first/doNotRecommend").asBoolean())
                .isTrue();
        // keyed is not verified: the aggregation sees nothing yet
        assertThat(ActingAs.call(mvc, "b06_head", () -> verified.ofPanel(panel)))
                .isEmpty();
    }

    @Test
    void theRenderedWorkbookItselfIsReadBack_seat2sOwnHouseholdFlagged() throws Exception {
        MockHttpSession head = Logins.as(mvc, "b06_head");
        byte[] xlsx = mvc.perform(get("/panels/" + panel + "/booklets/1/2.xlsx").session(head))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        JsonCalls entry = as("b06_entry");
        var taken = upload(entry, xlsx);
        assertThat(taken.status()).isEqualTo(200);
        long copy = taken.body().at("/copy/id").asLong();
        JsonNode sheet = entry.get("/api/v1/review/copies/" + copy).body();
        assertThat(sheet.get("label").asText()).isEqualTo("P" + panel + "-V1-C2");
        assertThat(row(sheet, householdC).get("ownHousehold").asBoolean()).isTrue();
        assertThat(row(sheet, householdA).get("ownHousehold").asBoolean()).isFalse();
        // verified copies are refused again
        jdbc.sql("update estimate_copy set status = 'VERIFIED' where id = :c")
                .param("c", copy)
                .update();
        var again = upload(entry, xlsx);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("estimate.upload.verified");
    }

    @Test
    void anOldVersionIsRefused() throws Exception {
        fx.representative(area, "37018119760404103", "戊一", "南关测试村0号");
        ActingAs.call(mvc, "b06_head", () -> booklets.print(panel));
        var refused = upload(as("b06_entry"), filled("P" + panel + "-V1-C1", new Object[][] {{householdA, 1}}));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.code()).isEqualTo("estimate.upload.oldVersion");
        assertThat(refused.detail()).contains("旧版本").contains("P" + panel + "-V2-C1");
        var unknown = upload(as("b06_entry"), filled("P" + panel + "-V9-C1", new Object[][] {{householdA, 1}}));
        assertThat(unknown.code()).isEqualTo("estimate.upload.unknownVersion");
    }

    @Test
    void aCorrectedPhoneUpdatesTheFileThroughFiling_withHistory_whenTheCopyIsVerified() throws Exception {
        String correction = "{\"householdId\":" + householdA + ",\"assets\":1000,\"correctionPhone\":\"13912345678\"}";
        long copy = as("b06_entry")
                .put(copiesUrl(5), "{\"finish\":true,\"lines\":[" + correction + "]}")
                .body()
                .at("/copy/id")
                .asLong();
        // nothing changes before verification
        assertThat(phone()).isEqualTo("13800000000");
        var second = as("b06_verify")
                .put(
                        "/api/v1/review/copies/" + copy + "/second",
                        "{\"lines\":[{\"householdId\":" + householdA + ",\"assets\":1000}]}");
        assertThat(second.body().at("/copy/status").asText()).isEqualTo("VERIFIED");
        assertThat(phone()).isEqualTo("13912345678");
        var history = jdbc.sql("select old_value || '>' || new_value || '@' || source from customer_history"
                        + " where customer_id = :c and field = 'phone'")
                .param("c", customerA)
                .query(String.class)
                .list();
        assertThat(history).containsExactly("13800000000>13912345678@BOOKLET");
        assertThat(jdbc.sql("select correction_status from estimate where copy_id = :c and household_id = :h")
                        .param("c", copy)
                        .param("h", householdA)
                        .query(String.class)
                        .single())
                .isEqualTo("APPLIED");
    }

    @Test
    void thePagesWalkThroughKeying_blindVerification_andResolution_inBothLanguages() throws Exception {
        MockHttpSession entry = Logins.as(mvc, "b06_entry");
        MockHttpSession verify = Logins.as(mvc, "b06_verify");
        assertThat(page(entry, "/panels/" + panel + "/booklets")).contains("/panels/" + panel + "/entry");
        assertThat(page(entry, "/panels/" + panel + "/entry")).contains("王德福").contains("P" + panel + "-V1");
        assertThat(page(entry, "/panels/" + panel + "/entry/1")).contains("甲一").contains("丙一");
        String a = String.valueOf(householdA);
        String location = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(
                                "/panels/" + panel + "/entry/1")
                        .session(entry)
                        .with(csrf())
                        .param("households", householdA + "," + householdC)
                        .param("assets_" + a, "123456")
                        .param("suggestedAmount_" + a, "30000")
                        .param("finish", "1"))
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        assertThat(location).startsWith("/review/copies/");
        assertThat(page(entry, location)).contains("123,456.00");
        String blind = page(verify, location);
        assertThat(blind).doesNotContain("123,456").doesNotContain("123456").contains("甲一");
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(location + "/second")
                .session(verify)
                .with(csrf())
                .param("households", householdA + "," + householdC)
                .param("assets_" + a, "123465")
                .param("suggestedAmount_" + a, "30000"));
        String sideBySide = page(verify, location);
        assertThat(sideBySide).contains("123,456.00").contains("123,465.00");
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(location + "/resolve")
                .session(verify)
                .with(csrf())
                .param("households", householdA + "," + householdC)
                .param("assets_" + a, "123456")
                .param("suggestedAmount_" + a, "30000"));
        assertThat(page(verify, location)).contains("已核对").contains("123,456.00");
        assertThat(page(verify, location + "?lang=en")).contains("Verified");
    }

    @Test
    void theApiIsInTheOpenApiDocument() throws Exception {
        String doc = mvc.perform(get("/v3/api-docs").session(Logins.as(mvc, "b06_head")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(doc)
                .contains("/api/v1/review/panels/{id}/copies/{copyNo}")
                .contains("/api/v1/review/panels/{id}/workbooks")
                .contains("/api/v1/review/copies/{copyId}/second")
                .contains("/api/v1/review/copies/{copyId}/resolution");
    }

    private String page(MockHttpSession session, String url) throws Exception {
        MockHttpServletResponse res =
                mvc.perform(get(url).session(session)).andReturn().getResponse();
        res.setCharacterEncoding("UTF-8");
        String body = res.getContentAsString();
        assertThat(res.getStatus()).as(url).isEqualTo(200);
        assertThat(body).as(url).doesNotContain("??");
        return body;
    }

    private String phone() {
        return jdbc.sql("select phone from customer where id = :c")
                .param("c", customerA)
                .query(String.class)
                .single();
    }

    @SuppressWarnings("unused")
    private static BigDecimal yuan(String v) {
        return new BigDecimal(v);
    }
}
