package sunshine.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
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
import sunshine.credit.CreditFixture;
import sunshine.shared.Today;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 8 points 5 and 6 with real credit: limits approved through approval's events, contracts signed and draws made
 * through the credit API. The batch template carries the final approved limits (not the review's proposals), and the
 * CRM extract carries usage and products held, with a saved rule "farmers with a line but no draw in 6 months".
 */
@PlatformTest
class ExtractsFromCreditTest {

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

    CreditFixture fx;
    JsonCalls am;
    LocalDate today;

    @BeforeEach
    void setUp() throws Exception {
        fx = new CreditFixture(jdbc, events, tx);
        am = new JsonCalls(mvc, json, Logins.as(mvc, "b01_am1"));
        today = Today.date();
    }

    /** Signs the household's contract a year ago (approved, notice over, before that) and returns the certificate. */
    String lineSignedAYearAgo(CreditFixture.Household h, String limit, String grade) throws Exception {
        fx.approve(h, limit, grade, today.minusYears(2));
        var signed = am.post(
                "/api/v1/credit/contracts",
                CreditFixture.contract(h, today.minusYears(1).toString(), 36));
        assertThat(signed.status()).isEqualTo(201);
        return signed.body().path("certificateNo").asText();
    }

    void draw(CreditFixture.Household h, String certificate, String amount, LocalDate on) throws Exception {
        var r = am.post(
                "/api/v1/credit/draws",
                "{\"certificateNo\":\"" + certificate + "\",\"residentId\":\"" + h.residentId() + "\",\"amount\":"
                        + amount + ",\"date\":\"" + on + "\"}");
        assertThat(r.status()).as("draw of %s on %s", amount, on).isEqualTo(201);
    }

    /** The review proposed 50,000 (on the pre-credit list); the review's row goes straight into its table. */
    void proposed(CreditFixture.Household h, String amount) {
        jdbc.sql("delete from review_aggregation where household_id = :h")
                .param("h", h.id())
                .update();
        jdbc.sql("""
                insert into review_aggregation (bank_id, household_id, rule_set_version, status, proposed_amount, grade,
                                                eligible, explanation)
                values (:bank, :h, 1, 'COMPLETE', cast(:a as numeric), 'A', true, cast('{}' as json))""")
                .param("bank", h.bankId())
                .param("h", h.id())
                .param("a", amount)
                .update();
    }

    @Test
    void theBatchTemplateCarriesTheFinalApprovedLimits_notTheProposals() throws Exception {
        // proposed 50,000 by the review, approved at 40,000 (AA), notice over: the file says 40,000 and AA
        CreditFixture.Household approved = fx.household("B01");
        proposed(approved, "50000.00");
        fx.approve(approved, "40000.00", "AA", today.minusDays(1));
        // proposed only: never approved, so not in the file although it is on the review's list
        CreditFixture.Household onlyProposed = fx.household("B01");
        proposed(onlyProposed, "30000.00");
        // approved but still in its notice period (R27): not final yet
        CreditFixture.Household inNotice = fx.household("B01");
        fx.approve(inNotice, "20000.00", "A", today.plusDays(3));
        // approved, then withdrawn after an objection
        CreditFixture.Household withdrawn = fx.household("B01");
        fx.approve(withdrawn, "25000.00", "A", today.minusDays(1));
        fx.withdraw(withdrawn, "OBJECTION");
        // signed: the contract's limit
        CreditFixture.Household signed = fx.household("B01");
        lineSignedAYearAgo(signed, "60000.00", "AAA");

        List<Row> rows = sheet("ho_credit", "/dashboard/batch-template?format=xlsx&unmasked=true");
        assertThat(row(rows, approved)).hasValueSatisfying(r -> {
            assertThat(new BigDecimal(r.getCellText(4))).isEqualByComparingTo("40000");
            assertThat(r.getCellText(6)).isEqualTo("AA");
            assertThat(r.getCellText(3)).isEqualTo(approved.residentId());
        });
        assertThat(row(rows, signed))
                .hasValueSatisfying(
                        r -> assertThat(new BigDecimal(r.getCellText(4))).isEqualByComparingTo("60000"));
        assertThat(row(rows, onlyProposed)).isEmpty();
        assertThat(row(rows, inNotice)).isEmpty();
        assertThat(row(rows, withdrawn)).isEmpty();

        // a branch head gets the same rows of the subtree, masked
        List<Row> masked = sheet("b01_head", "/dashboard/batch-template?format=xlsx");
        assertThat(row(masked, approved))
                .hasValueSatisfying(
                        r -> assertThat(r.getCellText(3)).contains("*").isNotEqualTo(approved.residentId()));
    }

    @Test
    void theCrmExtractCarriesUsageAndProducts_andARuleOnUsageSelectsTheIdleLines() throws Exception {
        // idle: a line, last draw 8 months ago, repaid since
        CreditFixture.Household idle = fx.household("B01");
        String idleCert = lineSignedAYearAgo(idle, "30000.00", "A");
        draw(idle, idleCert, "5000.00", today.minusMonths(8));
        draw(idle, idleCert, "1000.00", today.minusMonths(9));
        assertThat(am.post("/api/v1/credit/repayments", "{\"certificateNo\":\"" + idleCert + "\",\"amount\":2000}")
                        .status())
                .isEqualTo(201);
        // active: a line, drew last month
        CreditFixture.Household active = fx.household("B01");
        String activeCert = lineSignedAYearAgo(active, "20000.00", "B");
        draw(active, activeCert, "3000.00", today.minusMonths(1));
        // never drawn: a line, no draw at all
        CreditFixture.Household never = fx.household("B01");
        lineSignedAYearAgo(never, "10000.00", "A");
        // approved, no contract: no line
        CreditFixture.Household noLine = fx.household("B01");
        fx.approve(noLine, "15000.00", "A", today.minusDays(1));

        String all = text("ho_bd", "/api/v1/dashboard/crm-extract?format=csv");
        // 核定额度, 授信余额, 累计支用, 最近支用日期, 持有产品 after 是否排除: worked by hand from the movements above
        assertThat(lineOf(all, idle)).contains(",否,30000.00,4000.00,6000.00," + today.minusMonths(8) + ",阳光信贷循环授信,");
        assertThat(lineOf(all, active)).contains(",否,20000.00,3000.00,3000.00," + today.minusMonths(1) + ",阳光信贷循环授信,");
        assertThat(lineOf(all, never)).contains(",否,10000.00,0.00,0.00,,阳光信贷循环授信,");
        assertThat(lineOf(all, noLine)).contains(",否,15000.00,,,,,");

        // a draw today makes the idle household "changed since today" (its file and credit dated two days back first)
        twoDaysAgo(idle);
        String sinceToday = text("ho_bd", "/api/v1/dashboard/crm-extract?format=csv&since=" + today);
        assertThat(sinceToday).doesNotContain(name(idle));
        draw(idle, idleCert, "100.00", today);
        sinceToday = text("ho_bd", "/api/v1/dashboard/crm-extract?format=csv&since=" + today);
        assertThat(sinceToday).contains(name(idle));
        // ... and no longer idle: take it back out of the picture with a second idle household
        CreditFixture.Household idle2 = fx.household("B01");
        String idle2Cert = lineSignedAYearAgo(idle2, "30000.00", "A");
        draw(idle2, idle2Cert, "700.00", today.minusMonths(7));

        // the saved rule: farmers holding a line with no draw in 6 months
        JsonCalls ho = new JsonCalls(mvc, json, Logins.as(mvc, "ho_bd"));
        String ruleName = "有授信六个月未支用" + System.nanoTime();
        var saved = ho.post(
                "/api/v1/dashboard/segments",
                "{\"name\":\"" + ruleName + "\",\"customerType\":\"FARMER\",\"hasLine\":true,\"noDrawMonths\":6}");
        assertThat(saved.status()).isEqualTo(201);
        assertThat(saved.body().get("noDrawMonths").asInt()).isEqualTo(6);
        JsonNode listed = ho.get("/api/v1/dashboard/segments").body();
        assertThat(listed.toString()).contains(ruleName).contains("\"hasLine\":true");
        assertThat(ho.post(
                                "/api/v1/dashboard/segments",
                                "{\"name\":\"坏规则" + System.nanoTime() + "\",\"noDrawMonths\":0}")
                        .status())
                .isEqualTo(400);

        String selected = text("b01_head", "/api/v1/dashboard/crm-extract?format=csv&segmentId=" + saved.id());
        assertThat(selected).contains(name(idle2)).contains(name(never));
        assertThat(selected)
                .doesNotContain(name(idle)) // drew today
                .doesNotContain(name(active)) // drew last month
                .doesNotContain(name(noLine)); // holds no line
        // every row the rule selects holds a line and made no draw in the 6 months, checked against the movements
        LocalDate cut = today.minusMonths(6);
        selected.lines().skip(1).forEach(l -> {
            long household = Long.parseLong(l.split(",")[1]);
            boolean drewSince = jdbc.sql("""
                    select exists(select 1 from credit_movement m join credit_line cl on cl.id = m.line_id
                                   where cl.household_id = :h and m.kind = 'DRAW' and m.on_date >= :cut)""")
                    .param("h", household)
                    .param("cut", cut)
                    .query(Boolean.class)
                    .single();
            assertThat(drewSince)
                    .as("household %d drew since %s", household, cut)
                    .isFalse();
            assertThat(l).contains("阳光信贷循环授信");
        });
        assertThat(ho.delete("/api/v1/dashboard/segments/" + saved.id()).status())
                .isEqualTo(204);
    }

    // ---- helpers

    /** As if the household's file, approval, line and movements were last touched two days ago. */
    void twoDaysAgo(CreditFixture.Household h) {
        String back = "now() - interval '2 days'";
        jdbc.sql("update customer set updated_at = " + back + " where household_id = :h")
                .param("h", h.id())
                .update();
        jdbc.sql("update credit_grantable set updated_at = " + back + " where household_id = :h")
                .param("h", h.id())
                .update();
        jdbc.sql("update credit_line set created_at = " + back + ", status_at = null where household_id = :h")
                .param("h", h.id())
                .update();
        jdbc.sql("update credit_movement set created_at = " + back
                        + " where line_id in (select id from credit_line where household_id = :h)")
                .param("h", h.id())
                .update();
    }

    String name(CreditFixture.Household h) {
        return jdbc.sql("select name from customer where id = :c")
                .param("c", h.representativeId())
                .query(String.class)
                .single();
    }

    String lineOf(String csv, CreditFixture.Household h) {
        String key = h.representativeId() + "," + h.id() + ",";
        return csv.lines().filter(l -> l.startsWith(key)).findFirst().orElseThrow();
    }

    static Optional<Row> row(List<Row> rows, CreditFixture.Household h) {
        return rows.stream()
                .filter(r -> Long.toString(h.id()).equals(r.getCellText(11)))
                .findFirst();
    }

    MockHttpServletResponse response(String user, String url) throws Exception {
        MockHttpServletResponse r = mvc.perform(
                        get(url).session(Logins.as(mvc, user)).header("Accept-Language", "zh-CN"))
                .andReturn()
                .getResponse();
        assertThat(r.getStatus()).as(url).isEqualTo(200);
        return r;
    }

    String text(String user, String url) throws Exception {
        return new String(response(user, url).getContentAsByteArray(), StandardCharsets.UTF_8);
    }

    List<Row> sheet(String user, String url) throws Exception {
        try (ReadableWorkbook wb = new ReadableWorkbook(
                new ByteArrayInputStream(response(user, url).getContentAsByteArray()))) {
            return wb.getFirstSheet().read();
        }
    }
}
