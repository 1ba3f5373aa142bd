package sunshine.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.ByteArrayInputStream;
import java.util.List;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import sunshine.ActingAs;
import sunshine.Fixtures;
import sunshine.Logins;
import sunshine.PlatformTest;
import sunshine.shared.FunnelStep;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Aggregating a panel (issue 5 points 5-7, R13, R18-R20), the results page, the explanation and the pre-credit API,
 * worked from the rules by hand. Copies 1-4 are verified; copy 5 is keyed only and must not count.
 */
@PlatformTest
class ResultsTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    @Autowired
    Booklets booklets;

    @Autowired
    ReviewRules rules;

    @Autowired
    PreCredits preCredits;

    @Autowired
    Aggregations aggregations;

    @Autowired
    List<FunnelStep> steps;

    ResultsFixture fx;

    @BeforeEach
    void keyedAndVerified() throws Exception {
        fx = new ResultsFixture(mvc, jdbc, json, booklets, rules);
        // 甲五: net 40,000 on every copy; suggested 50,000 / 60,000 / 70,000 / 90,000 (copy 5: 999,000, unverified)
        // 丙五: copy 2 is the member's own household (99,000, not counted); 30,000 / 36,000 / 20,000 counted
        fx.copy(1, "40000", "50000", "30000", "30000", true);
        fx.copy(2, "40000", "60000", "30000", "99000", true);
        fx.copy(3, "40000", "70000", "30000", "36000", true);
        fx.copy(4, "40000", "90000", "30000", "20000", true);
        fx.copy(5, "40000", "999000", "30000", "999000", false);
    }

    @Test
    void aPanelIsAggregatedFromVerifiedCopiesOnly_ownHouseholdKeptButNotCounted() throws Exception {
        var run = fx.as("b15_head").post("/api/v1/review/panels/" + fx.panel + "/aggregations", "");
        assertThat(run.status()).isEqualTo(200);
        assertThat(run.body().get("households").asLong()).isEqualTo(2);
        assertThat(run.body().get("complete").asLong()).isEqualTo(2);
        assertThat(jdbc.sql("select panel_id from review_aggregation_run where id = :r")
                        .param("r", run.body().get("id").asLong())
                        .query(Long.class)
                        .single())
                .isEqualTo(fx.panel);

        // 甲五: four verified → drop 50,000 and 90,000, (60,000 + 70,000) / 2 = 65,000; band 44,000 … 60,000:
        // above → cut to 60,000; a multiple of 1,000 already
        PreCredit a = ActingAs.call(mvc, "b15_head", () -> preCredits.current(fx.householdA))
                .orElseThrow();
        assertThat(a.status()).isEqualTo("COMPLETE");
        assertThat(a.amount()).isEqualByComparingTo("60000");
        assertThat(a.band()).isEqualTo("ABOVE");
        // 丙五: copies 1, 3, 4 count (2 is the member's own, 5 unverified) → median of 20,000 / 30,000 / 36,000 =
        // 30,000; band 33,000 … 45,000: below, flagged, kept at 30,000
        PreCredit c = ActingAs.call(mvc, "b15_head", () -> preCredits.current(fx.householdC))
                .orElseThrow();
        assertThat(c.amount()).isEqualByComparingTo("30000");
        assertThat(c.band()).isEqualTo("BELOW");
        assertThat(c.ruleSetVersion())
                .isEqualTo(run.body().get("ruleSetVersion").asInt());
        assertThat(jdbc.sql("select explanation::json->>'ruleSet' from review_aggregation where id = :id")
                        .param("id", c.aggregationId())
                        .query(String.class)
                        .single())
                .isEqualTo(String.valueOf(c.ruleSetVersion()));

        var results = fx.as("b15_head").get("/api/v1/review/panels/" + fx.panel + "/results");
        JsonNode rowC = results.body().get(1);
        assertThat(rowC.get("householdId").asLong()).isEqualTo(fx.householdC);
        assertThat(rowC.get("suggested").decimalValue()).isEqualByComparingTo("30000");
        assertThat(rowC.get("residentIdMasked").asText()).doesNotContain("197705051");

        // the list of a panel and of an area, and the funnel's steps 30 and 40 for the area
        assertThat(ActingAs.call(mvc, "b15_head", () -> preCredits.ofPanel(fx.panel)))
                .extracting(PreCredit::householdId)
                .containsExactlyInAnyOrder(fx.householdA, fx.householdC);
        assertThat(ActingAs.call(mvc, "b15_head", () -> preCredits.ofArea(fx.area)))
                .hasSize(2);
        long bank = new Fixtures(jdbc).bank("ZQRCB");
        FunnelStep reviewed =
                steps.stream().filter(s -> s.order() == 30).findFirst().orElseThrow();
        FunnelStep listed =
                steps.stream().filter(s -> s.order() == 40).findFirst().orElseThrow();
        assertThat(reviewed.byArea(bank).get(fx.area).households()).isEqualTo(2);
        long eligible = jdbc.sql("select count(*) from review_pre_credit where area_id = :a and eligible")
                .param("a", fx.area)
                .query(Long.class)
                .single();
        FunnelStep.Count onList = listed.byArea(bank).get(fx.area);
        if (eligible == 2) {
            assertThat(onList.amount()).isEqualByComparingTo("90000");
        } else {
            assertThat(onList == null ? 0 : onList.households()).isEqualTo(eligible);
        }
    }

    @Test
    void theExplanationShowsInputsWithWhoKeyedAndVerified_whatWasDropped_andTheCap() throws Exception {
        fx.as("b15_head").post("/api/v1/review/panels/" + fx.panel + "/aggregations", "");
        MockHttpSession head = Logins.as(mvc, "b15_head");
        String page = mvc.perform(get("/review/households/" + fx.householdA + "/explanation")
                        .session(head))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String keyer = name("b15_entry");
        String verifier = name("b15_verify");
        assertThat(page)
                .contains("王德福", "刘海燕", keyer, verifier, "65,000.00", "60,000.00")
                .doesNotContain("999,000")
                .doesNotContain("370181197705051");
        String en = mvc.perform(get("/review/households/" + fx.householdC + "/explanation?lang=en")
                        .session(head))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(en).contains("Own household, not counted", "30,000.00");

        String panelPage = mvc.perform(get("/panels/" + fx.panel + "/results").session(head))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(panelPage).contains("甲五", "60,000.00", "30,000.00").doesNotContain("370181197705051");

        // panel quality: the panel's members, and the ranking of the branch head's panels
        String quality = mvc.perform(get("/panels/" + fx.panel + "/quality").session(head))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(quality).contains("王德福", "刘海燕").doesNotContain("370181197705051");
        String ranking = mvc.perform(get("/review/quality").session(head))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(ranking).contains("结果测试村评议小组");
    }

    @Test
    void anotherBranchGets404_aVerifierMayNotAggregate_andAPanelWithoutVerifiedCopiesIsRefused() throws Exception {
        MockHttpSession other = Logins.as(mvc, "b02_head");
        for (String url : List.of(
                "/panels/" + fx.panel + "/results",
                "/review/households/" + fx.householdA + "/explanation",
                "/api/v1/review/panels/" + fx.panel + "/results",
                "/panels/" + fx.panel + "/summary.xlsx",
                "/panels/" + fx.panel + "/quality")) {
            assertThat(mvc.perform(get(url).session(other))
                            .andReturn()
                            .getResponse()
                            .getStatus())
                    .as(url)
                    .isEqualTo(404);
        }
        assertThat(mvc.perform(post("/panels/" + fx.panel + "/aggregate")
                                .session(other)
                                .with(csrf()))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);
        assertThat(fx.as("b15_verify")
                        .post("/api/v1/review/panels/" + fx.panel + "/aggregations", "")
                        .status())
                .isEqualTo(403);
        assertThat(ActingAs.call(mvc, "b02_head", () -> preCredits.current(fx.householdA)))
                .isEmpty();
        jdbc.sql("update estimate_copy set status = 'KEYED' where panel_id = :p")
                .param("p", fx.panel)
                .update();
        var refused = fx.as("b15_head").post("/api/v1/review/panels/" + fx.panel + "/aggregations", "");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.code()).isEqualTo("results.error.noVerifiedCopy");
    }

    @Test
    void thePanelSummaryListsEachCopyTheMeansTheBandGradeAndAmount_inXlsxAndPdf() throws Exception {
        fx.as("b15_head").post("/api/v1/review/panels/" + fx.panel + "/aggregations", "");
        MockHttpSession head = Logins.as(mvc, "b15_head");
        byte[] xlsx = mvc.perform(get("/panels/" + fx.panel + "/summary.xlsx").session(head))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        List<String> rowA;
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            List<Row> rows = wb.getFirstSheet().read();
            rowA = rows.stream().filter(r -> "甲五".equals(r.getCellText(1))).findFirst().orElseThrow().stream()
                    .map(c -> c == null ? "" : c.getText())
                    .toList();
        }
        // copies 1-4 as keyed; copy 5 unverified: empty; suggested mean 65,000; proposed 60,000 after the cap
        assertThat(rowA.subList(3, 8)).containsExactly("50,000.00", "60,000.00", "70,000.00", "90,000.00", "");
        assertThat(new java.math.BigDecimal(rowA.get(12))).isEqualByComparingTo("65000");
        assertThat(rowA.get(13)).contains("44,000.00", "60,000.00");
        assertThat(new java.math.BigDecimal(rowA.get(14))).isEqualByComparingTo("60000");
        assertThat(String.join(" ", rowA)).doesNotContain("370181197705051");

        byte[] pdf = mvc.perform(get("/panels/" + fx.panel + "/summary.pdf").session(head))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(doc);
            assertThat(text)
                    .contains("甲五", "丙五", "60,000", "65,000", "30,000", "44,000")
                    .doesNotContain("370181197705051");
        }
    }

    @Test
    void headOfficeCreditRunsTheWholeBankInTheBackground_andTheLatestResultIsTheCurrentOne() throws Exception {
        MockHttpSession credit = Logins.as(mvc, "ho_credit");
        assertThat(mvc.perform(get("/review/aggregation").session(Logins.as(mvc, "b15_head")))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(403);
        assertThat(mvc.perform(post("/review/aggregation").session(credit).with(csrf()))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(302);
        Aggregations.Progress p = null;
        for (int i = 0; i < 600 && (p == null || !p.finished()); i++) {
            Thread.sleep(100);
            p = ActingAs.call(mvc, "ho_credit", () -> aggregations.bankRun().orElseThrow());
        }
        assertThat(p.errorKey()).isNull();
        assertThat(p.run().households()).isGreaterThanOrEqualTo(2);
        assertThat(p.run().households()).isEqualTo(p.total());
        PreCredit a = ActingAs.call(mvc, "b15_head", () -> preCredits.current(fx.householdA))
                .orElseThrow();
        assertThat(jdbc.sql("select run_id from review_pre_credit where household_id = :h")
                        .param("h", fx.householdA)
                        .query(Long.class)
                        .single())
                .isEqualTo(p.run().id());
        assertThat(a.amount()).isEqualByComparingTo("60000");
        String page = mvc.perform(get("/review/aggregation").session(credit))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("已汇总 " + p.run().households() + " 户");
    }

    private String name(String user) {
        return jdbc.sql("select s.name from staff s join user_account a on a.staff_id = s.id where a.username = :u")
                .param("u", user)
                .query(String.class)
                .single();
    }
}
