package sunshine.credit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import sunshine.JsonCalls;
import sunshine.Logins;
import sunshine.PlatformTest;
import sunshine.shared.Today;
import tools.jackson.databind.json.JsonMapper;

/** Grantable limits from approval's events and contracts with certificates (issue 7 point 3, R27, R28). */
@PlatformTest
class ContractsTest {

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

    @BeforeEach
    void setUp() throws Exception {
        fx = new CreditFixture(jdbc, events, tx);
        am = new JsonCalls(mvc, json, Logins.as(mvc, "b01_am1"));
    }

    @Test
    void signingOnDayFourOfAFiveDayNoticeIsRefusedWithTheDate_onDaySixItIsSigned() throws Exception {
        CreditFixture.Household h = fx.household("B01");
        LocalDate today = Today.date();
        // posted three days ago (today is day 4), a 5-day notice: grantable two days from now
        LocalDate from = today.plusDays(2);
        fx.approve(h, "50000", "AA", from);

        var early = am.post("/api/v1/credit/contracts", CreditFixture.contract(h, null, null));
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.detail()).contains(from.toString()).contains("公示期未满");
        assertThat(count(h)).isZero();

        // the notice was posted five days ago: grantable from today
        fx.approve(h, "50000", "AA", today.minusDays(1));
        var signed = am.post("/api/v1/credit/contracts", CreditFixture.contract(h, null, 24));
        assertThat(signed.status()).isEqualTo(201);
        assertThat(signed.body().path("limit").decimalValue()).isEqualByComparingTo("50000");
        assertThat(signed.body().path("certificateNo").asText()).startsWith("DKZ" + today.getYear());
        assertThat(signed.body().path("contractNo").asText()).startsWith("JK" + today.getYear());
        assertThat(signed.body().path("termTo").asText())
                .isEqualTo(today.plusMonths(24).toString());
        // the demo bank's published rate for AA (R35)
        assertThat(signed.body().path("annualRate").decimalValue()).isEqualByComparingTo("4.85");
        assertThat(signed.body().path("residentIdMasked").asText()).doesNotContain(h.residentId());
        assertThat(signed.body().path("status").asText()).isEqualTo("ACTIVE");

        var again = am.post("/api/v1/credit/contracts", CreditFixture.contract(h, null, null));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.detail()).contains(signed.body().path("contractNo").asText());
        assertThat(count(h)).isEqualTo(1);
        assertThat(jdbc.sql(
                                "select count(*) from audit_log where action = 'CREDIT_CONTRACT_SIGNED' and entity_id = :id")
                        .param("id", String.valueOf(signed.id()))
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void aWithdrawnLimitCannotBeSigned_aLaterApprovalReplacesIt() throws Exception {
        CreditFixture.Household h = fx.household("B01");
        fx.approve(h, "30000", "A", Today.date().minusDays(10));
        fx.withdraw(h, "OBJECTION_OPEN");
        var refused = am.post("/api/v1/credit/contracts", CreditFixture.contract(h, null, null));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.detail()).contains("异议");

        fx.approve(h, "20000", "A", Today.date().minusDays(1));
        var signed = am.post("/api/v1/credit/contracts", CreditFixture.contract(h, null, null));
        assertThat(signed.status()).isEqualTo(201);
        assertThat(signed.body().path("limit").decimalValue()).isEqualByComparingTo("20000");
    }

    @Test
    void aHouseholdWithoutApprovalIsRefused_anotherBranchGets404() throws Exception {
        CreditFixture.Household h = fx.household("B01");
        var none = am.post("/api/v1/credit/contracts", CreditFixture.contract(h, null, null));
        assertThat(none.status()).isEqualTo(400);
        assertThat(none.detail()).contains("没有审批通过");

        fx.approve(h, "10000", "B", Today.date().minusDays(1));
        JsonCalls other = new JsonCalls(mvc, json, Logins.as(mvc, "b02_head"));
        assertThat(other.post("/api/v1/credit/contracts", CreditFixture.contract(h, null, null))
                        .status())
                .isEqualTo(404);
        long line = am.post("/api/v1/credit/contracts", CreditFixture.contract(h, null, null))
                .id();
        assertThat(other.get("/api/v1/credit/lines/" + line).status()).isEqualTo(404);
        assertThat(am.get("/api/v1/credit/lines/" + line).status()).isEqualTo(200);
        assertThat(other.get("/api/v1/credit/grantable").body().toString())
                .doesNotContain("\"householdId\":" + h.id() + ",");
    }

    @Test
    void aContractCannotBeSignedForAFutureDay() throws Exception {
        CreditFixture.Household h = fx.household("B01");
        fx.approve(h, "10000", "B", Today.date().minusDays(1));
        var future = am.post(
                "/api/v1/credit/contracts",
                CreditFixture.contract(h, Today.date().plusDays(3).toString(), null));
        assertThat(future.status()).isEqualTo(400);
        assertThat(count(h)).isZero();
    }

    private long count(CreditFixture.Household h) {
        return jdbc.sql("select count(*) from credit_line where household_id = :h")
                .param("h", h.id())
                .query(Long.class)
                .single();
    }
}
