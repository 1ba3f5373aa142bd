package sunshine.credit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import sunshine.JsonCalls;
import sunshine.Logins;
import sunshine.PlatformTest;
import sunshine.shared.FunnelStep;
import sunshine.shared.Today;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * After the grant: annual review (R32), archive checklist and the area's 一览表 (R29), incentives (R15), the funnel
 * steps 60 and 70, and the printed papers.
 */
@PlatformTest
class AfterCampaignTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    List<FunnelStep> steps;

    CreditFixture fx;
    JsonCalls am;

    @BeforeEach
    void setUp() throws Exception {
        fx = new CreditFixture(jdbc, events, tx);
        am = new JsonCalls(mvc, json, Logins.as(mvc, "b02_am1"));
    }

    private JsonCalls.Answer sign(CreditFixture.Household h, String limit, String grade, LocalDate on)
            throws Exception {
        fx.approve(h, limit, grade, on.minusDays(1));
        var signed = am.post("/api/v1/credit/contracts", CreditFixture.contract(h, on.toString(), 36));
        assertThat(signed.status()).isEqualTo(201);
        return signed;
    }

    @Test
    void annualReview_confirmAdjustOrClose_onlyLinesSignedBeforeTheYearAreDue() throws Exception {
        int year = Today.date().getYear();
        LocalDate lastYear = LocalDate.of(year - 1, 6, 1);
        long confirm = sign(fx.household("B02"), "10000", "A", lastYear).id();
        long adjust = sign(fx.household("B02"), "10000", "A", lastYear).id();
        long close = sign(fx.household("B02"), "10000", "A", lastYear).id();
        long fresh = sign(fx.household("B02"), "10000", "A", Today.date()).id();
        String due = am.get("/api/v1/credit/reviews/due?year=" + year).body().toString();
        for (long id : List.of(confirm, adjust, close)) {
            assertThat(due).contains("\"id\":" + id + ",");
        }
        assertThat(due).doesNotContain("\"id\":" + fresh + ",");

        assertThat(am.post("/api/v1/credit/lines/" + confirm + "/reviews", review(year, "CONFIRM", null, null))
                        .status())
                .isEqualTo(201);
        assertThat(am.post("/api/v1/credit/lines/" + confirm + "/reviews", review(year, "CONFIRM", null, null))
                        .status())
                .isEqualTo(409);
        var adjusted = am.post("/api/v1/credit/lines/" + adjust + "/reviews", review(year, "ADJUST", "收入增加", "15000"));
        assertThat(adjusted.status()).isEqualTo(201);
        assertThat(adjusted.body().path("adjustmentId").asLong()).isPositive();
        // the review requests; it does not change the limit itself (R31)
        assertThat(am.get("/api/v1/credit/lines/" + adjust).body().path("limit").decimalValue())
                .isEqualByComparingTo("10000");
        assertThat(am.post("/api/v1/credit/lines/" + close + "/reviews", review(year, "CLOSE", null, null))
                        .status())
                .isEqualTo(400);
        assertThat(am.post("/api/v1/credit/lines/" + close + "/reviews", review(year, "CLOSE", "客户外出务工", null))
                        .status())
                .isEqualTo(201);
        assertThat(am.get("/api/v1/credit/lines/" + close).body().path("status").asText())
                .isEqualTo("CLOSED");
        String after = am.get("/api/v1/credit/reviews/due?year=" + year).body().toString();
        for (long id : List.of(confirm, adjust, close)) {
            assertThat(after).doesNotContain("\"id\":" + id + ",");
        }
        assertThat(am.post("/api/v1/credit/lines/" + fresh + "/reviews", review(year + 1, "CONFIRM", null, null))
                        .status())
                .isEqualTo(400);
    }

    @Test
    void archiveChecklistFollowsTheCatalogue() throws Exception {
        long line = sign(fx.household("B02"), "10000", "A", Today.date()).id();
        JsonNode items = am.get("/api/v1/credit/lines/" + line + "/archive").body();
        assertThat(items.size()).isEqualTo(ArchiveChecklist.DEFAULT.size());
        assertThat(items.get(0).path("present").isNull()).isTrue();
        var marked = am.put("/api/v1/credit/lines/" + line + "/archive/CONTRACT", "{\"present\":true}");
        assertThat(marked.status()).isEqualTo(200);
        JsonNode contract = null;
        for (JsonNode i : marked.body()) {
            if (i.path("code").asText().equals("CONTRACT")) {
                contract = i;
            }
        }
        assertThat(contract.path("present").asBoolean()).isTrue();
        assertThat(am.put("/api/v1/credit/lines/" + line + "/archive/NOPE", "{\"present\":true}")
                        .status())
                .isEqualTo(400);
    }

    @Test
    void incentivesCountNewCertificatesPerAreaTimesTheBanksAmounts_andTheListSummarisesByGrade() throws Exception {
        CreditFixture.Household first = fx.household("B02");
        LocalDate day = Today.date().minusDays(40);
        long before = certificatesOn(first.areaId(), day);
        sign(first, "10000", "AA", day);
        sign(fx.household("B02"), "20000", "AA", day);
        sign(fx.household("B02"), "5000", "B", day);
        long n = before + 3;
        JsonNode sheet =
                am.get("/api/v1/credit/incentives?from=" + day + "&to=" + day).body();
        JsonNode area = null;
        for (JsonNode a : sheet.path("areas")) {
            if (a.path("areaId").asLong() == first.areaId()) {
                area = a;
            }
        }
        assertThat(area.path("certificates").asLong()).isEqualTo(n);
        assertThat(area.path("villageCommittee").decimalValue()).isEqualByComparingTo(BigDecimal.valueOf(6 * n));
        assertThat(area.path("assistant").decimalValue()).isEqualByComparingTo(BigDecimal.valueOf(5 * n));

        JsonCalls bd = new JsonCalls(mvc, json, Logins.as(mvc, "ho_bd"));
        var saved =
                bd.put("/api/v1/credit/settings", "{\"villageCommitteeFee\":8,\"assistantFee\":4.5,\"termMonths\":36}");
        assertThat(saved.status()).isEqualTo(200);
        try {
            JsonNode changed = am.get("/api/v1/credit/incentives?from=" + day + "&to=" + day)
                    .body();
            for (JsonNode a : changed.path("areas")) {
                if (a.path("areaId").asLong() == first.areaId()) {
                    assertThat(a.path("villageCommittee").decimalValue())
                            .isEqualByComparingTo(BigDecimal.valueOf(8 * n));
                    assertThat(a.path("assistant").decimalValue())
                            .isEqualByComparingTo(new BigDecimal("4.5").multiply(BigDecimal.valueOf(n)));
                }
            }
        } finally {
            bd.put("/api/v1/credit/settings", "{\"villageCommitteeFee\":6,\"assistantFee\":5,\"termMonths\":36}");
        }

        JsonNode list = am.get("/api/v1/credit/areas/" + first.areaId() + "/certificates")
                .body();
        JsonNode aa = null;
        for (JsonNode g : list.path("grades")) {
            if (g.path("grade").asText().equals("AA")) {
                aa = g;
            }
        }
        long aaCount = jdbc.sql(
                        "select count(*) from credit_line where area_id = :a and grade = 'AA' and status <> 'CLOSED'")
                .param("a", first.areaId())
                .query(Long.class)
                .single();
        assertThat(aa.path("households").asLong()).isEqualTo(aaCount).isGreaterThanOrEqualTo(2);
    }

    @Test
    void funnelStepsCountContractedAndDrawnHouseholdsPerArea() throws Exception {
        FunnelStep contracted =
                steps.stream().filter(s -> s.order() == 60).findFirst().orElseThrow();
        FunnelStep drawn =
                steps.stream().filter(s -> s.order() == 70).findFirst().orElseThrow();
        CreditFixture.Household h = fx.household("B02");
        var before60 = contracted.byArea(h.bankId()).get(h.areaId());
        var before70 = drawn.byArea(h.bankId()).get(h.areaId());
        var signed = sign(h, "12000", "A", Today.date());
        am.post(
                "/api/v1/credit/draws",
                CreditFixture.movement(signed.body().path("certificateNo").asText(), h.residentId(), "700"));
        var after60 = contracted.byArea(h.bankId()).get(h.areaId());
        var after70 = drawn.byArea(h.bankId()).get(h.areaId());
        assertThat(after60.households()).isEqualTo((before60 == null ? 0 : before60.households()) + 1);
        assertThat(after60.amount().subtract(before60 == null ? BigDecimal.ZERO : before60.amount()))
                .isEqualByComparingTo("12000");
        assertThat(after70.households()).isEqualTo((before70 == null ? 0 : before70.households()) + 1);
        assertThat(after70.amount().subtract(before70 == null ? BigDecimal.ZERO : before70.amount()))
                .isEqualByComparingTo("700");
    }

    @Test
    void certificateListAndIncentivesPrint() throws Exception {
        CreditFixture.Household h = fx.household("B02");
        var signed = sign(h, "10000", "A", Today.date());
        long line = signed.id();
        var session = Logins.as(mvc, "b02_am1");
        for (String url : List.of(
                "/credit/lines/" + line + "/certificate.pdf",
                "/credit/certificates/" + h.areaId() + ".pdf",
                "/credit/incentives.pdf?from=" + Today.date().minusDays(1) + "&to=" + Today.date())) {
            MockHttpServletResponse res =
                    mvc.perform(get(url).session(session)).andReturn().getResponse();
            assertThat(res.getStatus()).as(url).isEqualTo(200);
            assertThat(res.getContentType()).as(url).isEqualTo("application/pdf");
            assertThat(new String(res.getContentAsByteArray(), 0, 5, StandardCharsets.ISO_8859_1))
                    .isEqualTo("%PDF-");
        }
        MockHttpServletResponse xlsx = mvc.perform(
                        get("/credit/certificates/" + h.areaId() + ".xlsx").session(session))
                .andReturn()
                .getResponse();
        assertThat(xlsx.getStatus()).isEqualTo(200);
        assertThat(xlsx.getContentAsByteArray()[0]).isEqualTo((byte) 'P');
        String text = xlsxText(xlsx.getContentAsByteArray());
        assertThat(text)
                .contains(signed.body().path("certificateNo").asText())
                .contains(signed.body().path("residentIdMasked").asText())
                .doesNotContain(h.residentId());
        var other = Logins.as(mvc, "b01_head");
        assertThat(mvc.perform(get("/credit/lines/" + line + "/certificate.pdf").session(other))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);
    }

    private static String xlsxText(byte[] bytes) throws Exception {
        StringBuilder sb = new StringBuilder();
        java.nio.file.Path tmp = java.nio.file.Files.createTempFile("list", ".xlsx");
        try {
            java.nio.file.Files.write(tmp, bytes);
            try (var zip = new java.util.zip.ZipFile(tmp.toFile())) {
                for (var e : java.util.Collections.list(zip.entries())) {
                    if (e.getName().contains("sheet")) {
                        sb.append(new String(zip.getInputStream(e).readAllBytes(), StandardCharsets.UTF_8));
                    }
                }
            }
        } finally {
            java.nio.file.Files.deleteIfExists(tmp);
        }
        return sb.toString();
    }

    private long certificatesOn(long areaId, LocalDate day) {
        return jdbc.sql("select count(*) from credit_line where area_id = :a and signed_on = :d")
                .param("a", areaId)
                .param("d", day)
                .query(Long.class)
                .single();
    }

    private static String review(int year, String outcome, String note, String newLimit) {
        return "{\"year\":" + year + ",\"outcome\":\"" + outcome + "\",\"note\":"
                + (note == null ? "null" : "\"" + note + "\"")
                + (newLimit == null ? "" : ",\"newLimit\":" + newLimit + ",\"evidence\":\"年检记录\"") + "}";
    }
}
