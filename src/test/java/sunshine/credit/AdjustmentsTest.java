package sunshine.credit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import sunshine.JsonCalls;
import sunshine.Logins;
import sunshine.PlatformTest;
import sunshine.shared.Today;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Locked limits and their adjustments (issue 7 point 5, R31): only a verified adjustment applied by head-office credit
 * changes a limit; the database refuses any other change; each step is recorded and audited.
 */
@PlatformTest
class AdjustmentsTest {

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
    JsonCalls head;
    JsonCalls bd;
    JsonCalls credit;

    @BeforeEach
    void setUp() throws Exception {
        fx = new CreditFixture(jdbc, events, tx);
        head = new JsonCalls(mvc, json, Logins.as(mvc, "b01_head"));
        bd = new JsonCalls(mvc, json, Logins.as(mvc, "ho_bd"));
        credit = new JsonCalls(mvc, json, Logins.as(mvc, "ho_credit"));
    }

    private long line(String limit) throws Exception {
        CreditFixture.Household h = fx.household("B01");
        fx.approve(h, limit, "A", Today.date().minusDays(1));
        var signed = head.post("/api/v1/credit/contracts", CreditFixture.contract(h, null, null));
        assertThat(signed.status()).isEqualTo(201);
        return signed.id();
    }

    @Test
    void theDatabaseRefusesAnyOtherChangeOfALimit() throws Exception {
        long line = line("20000");
        assertThatThrownBy(() -> jdbc.sql("update credit_line set limit_amount = 90000 where id = :id")
                        .param("id", line)
                        .update())
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("locked");
        assertThat(limit(line)).isEqualTo("20000.00");
    }

    @Test
    void requestedByTheBranch_verifiedByBusinessDevelopment_appliedByCredit() throws Exception {
        long line = line("20000");
        String body = "{\"newLimit\":30000,\"reason\":\"新建大棚，收入增加\",\"evidence\":\"村委会证明、大棚合同\"}";
        var requested = head.post("/api/v1/credit/lines/" + line + "/adjustments", body);
        assertThat(requested.status()).isEqualTo(201);
        long id = requested.id();
        // a second open request for the same line is refused
        assertThat(head.post("/api/v1/credit/lines/" + line + "/adjustments", body)
                        .status())
                .isEqualTo(409);
        // head-office credit cannot apply before business development verified
        var early = credit.post("/api/v1/credit/adjustments/" + id + "/apply", decision(0, true, "执行"));
        assertThat(early.status()).isEqualTo(409);
        // the branch cannot verify its own request (role)
        assertThat(head.post("/api/v1/credit/adjustments/" + id + "/verify", decision(0, true, null))
                        .status())
                .isEqualTo(403);
        // a stale version is refused
        assertThat(bd.post("/api/v1/credit/adjustments/" + id + "/verify", decision(5, true, null))
                        .status())
                .isEqualTo(409);
        var verified = bd.post("/api/v1/credit/adjustments/" + id + "/verify", decision(0, true, "材料齐全"));
        assertThat(verified.status()).isEqualTo(200);
        assertThat(verified.body().path("status").asText()).isEqualTo("VERIFIED");
        assertThat(limit(line)).isEqualTo("20000.00");
        var applied = credit.post(
                "/api/v1/credit/adjustments/" + id + "/apply",
                decision(verified.body().path("version").asInt(), true, "已执行"));
        assertThat(applied.status()).isEqualTo(200);
        JsonNode steps = applied.body().path("steps");
        assertThat(steps.size()).isEqualTo(3);
        assertThat(steps.get(1).path("staffName").asText())
                .isNotEqualTo(steps.get(2).path("staffName").asText());
        assertThat(limit(line)).isEqualTo("30000.00");
        assertThat(head.get("/api/v1/credit/lines/" + line)
                        .body()
                        .path("available")
                        .decimalValue())
                .isEqualByComparingTo("30000");
        long audited =
                jdbc.sql("""
                select count(*) from audit_log where entity_type = 'credit_adjustment' and entity_id = :id""").param("id", String.valueOf(id)).query(Long.class).single();
        assertThat(audited).isEqualTo(3);
        // still locked afterwards
        assertThatThrownBy(() -> jdbc.sql("update credit_line set limit_amount = 30001 where id = :id")
                        .param("id", line)
                        .update())
                .isInstanceOf(DataAccessException.class);
    }

    @Test
    void aLimitBelowTheOutstandingIsNotApplied_aRejectionNeedsANote() throws Exception {
        CreditFixture.Household h = fx.household("B01");
        fx.approve(h, "20000", "A", Today.date().minusDays(1));
        var signed = head.post("/api/v1/credit/contracts", CreditFixture.contract(h, null, null));
        String cert = signed.body().path("certificateNo").asText();
        assertThat(head.post("/api/v1/credit/draws", CreditFixture.movement(cert, h.residentId(), "15000"))
                        .status())
                .isEqualTo(201);
        long id = head.post(
                        "/api/v1/credit/lines/" + signed.id() + "/adjustments",
                        "{\"newLimit\":10000,\"reason\":\"经营下滑\",\"evidence\":\"年检记录\"}")
                .id();
        assertThat(bd.post("/api/v1/credit/adjustments/" + id + "/verify", decision(0, false, " "))
                        .status())
                .isEqualTo(400);
        var v = bd.post("/api/v1/credit/adjustments/" + id + "/verify", decision(0, true, null));
        var refused = credit.post(
                "/api/v1/credit/adjustments/" + id + "/apply",
                decision(v.body().path("version").asInt(), true, null));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.detail()).contains("15000");
        assertThat(limit(signed.id())).isEqualTo("20000.00");
    }

    @Test
    void anotherBranchCannotRequest() throws Exception {
        long line = line("20000");
        JsonCalls other = new JsonCalls(mvc, json, Logins.as(mvc, "b02_head"));
        var r = other.post(
                "/api/v1/credit/lines/" + line + "/adjustments",
                "{\"newLimit\":30000,\"reason\":\"越权\",\"evidence\":\"越权\"}");
        assertThat(r.status()).isEqualTo(404);
        assertThat(jdbc.sql("select count(*) from credit_adjustment where line_id = :l")
                        .param("l", line)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    private String limit(long line) {
        return jdbc.sql("select limit_amount::text from credit_line where id = :id")
                .param("id", line)
                .query(String.class)
                .single();
    }

    private static String decision(int version, boolean approve, String note) {
        return "{\"version\":" + version + ",\"approve\":" + approve + ",\"note\":"
                + (note == null ? "null" : "\"" + note + "\"") + "}";
    }
}
