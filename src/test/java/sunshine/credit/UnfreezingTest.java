package sunshine.credit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import sunshine.ActingAs;
import sunshine.JsonCalls;
import sunshine.Logins;
import sunshine.PlatformTest;
import sunshine.check.SnapshotKind;
import sunshine.check.Snapshots;
import sunshine.customer.ExclusionReason;
import sunshine.customer.Exclusions;
import sunshine.customer.ResidentId;
import sunshine.shared.Today;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Unfreezing (R28): a frozen line comes back only by a head-office credit decision with a reason, audited, and never
 * while what froze it still holds (the member still excluded, the bad record still in the current snapshots).
 */
@PlatformTest
class UnfreezingTest {

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
    Exclusions exclusions;

    @Autowired
    Snapshots snapshots;

    CreditFixture fx;
    JsonCalls am;
    JsonCalls ho;

    @BeforeEach
    void setUp() throws Exception {
        fx = new CreditFixture(jdbc, events, tx);
        am = new JsonCalls(mvc, json, Logins.as(mvc, "b01_am1"));
        ho = new JsonCalls(mvc, json, Logins.as(mvc, "ho_credit"));
    }

    private JsonNode line(CreditFixture.Household h) throws Exception {
        fx.approve(h, "10000", "A", Today.date().minusYears(1));
        var signed = am.post("/api/v1/credit/contracts", CreditFixture.contract(h, null, null));
        assertThat(signed.status()).isEqualTo(201);
        return signed.body();
    }

    private JsonNode lineOf(long id) throws Exception {
        return am.get("/api/v1/credit/lines/" + id).body();
    }

    private static String unfreeze(int version, String reason) {
        return "{\"version\":" + version + ",\"reason\":\"" + reason + "\"}";
    }

    private long unfrozenAudits(long lineId) {
        return jdbc.sql("select count(*) from audit_log where action = 'CREDIT_LINE_UNFROZEN'"
                        + " and entity_type = 'credit_line' and entity_id = :id")
                .param("id", String.valueOf(lineId))
                .query(Long.class)
                .single();
    }

    @Test
    void anExcludedHouseholdsLineStaysFrozenUntilTheExclusionIsLifted_thenHeadOfficeCreditUnfreezesIt()
            throws Exception {
        CreditFixture.Household h = fx.household("B01");
        JsonNode line = line(h);
        long id = line.path("id").asLong();
        String cert = line.path("certificateNo").asText();
        ActingAs.call(mvc, "b01_head", () -> {
            exclusions.exclude(h.representativeId(), ExclusionReason.IDLE, null, "村委会证明");
            return null;
        });
        JsonNode frozen = lineOf(id);
        assertThat(frozen.path("status").asText()).isEqualTo("FROZEN");
        int version = frozen.path("version").asInt();

        // the branch cannot unfreeze (403); another branch does not see the line (404)
        assertThat(am.post("/api/v1/credit/lines/" + id + "/unfreeze", unfreeze(version, "已核实"))
                        .status())
                .isEqualTo(403);
        JsonCalls b02 = new JsonCalls(mvc, json, Logins.as(mvc, "b02_head"));
        assertThat(b02.post("/api/v1/credit/lines/" + id + "/unfreeze", unfreeze(version, "已核实"))
                        .status())
                .isEqualTo(404);
        // head office: refused while the member is still excluded, saying why
        var refused = ho.post("/api/v1/credit/lines/" + id + "/unfreeze", unfreeze(version, "已核实"));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.detail()).contains("不予建档");
        // a reason is needed
        assertThat(ho.post("/api/v1/credit/lines/" + id + "/unfreeze", unfreeze(version, " "))
                        .status())
                .isEqualTo(400);
        assertThat(lineOf(id).path("status").asText()).isEqualTo("FROZEN");
        assertThat(unfrozenAudits(id)).isZero();

        // the page offers the decision to head-office credit only
        MockHttpSession hoPage = Logins.as(mvc, "ho_credit");
        String page = mvc.perform(get("/credit/lines/" + id).session(hoPage))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("/credit/lines/" + id + "/unfreeze").contains("解冻额度");
        String amPage = mvc.perform(get("/credit/lines/" + id).session(Logins.as(mvc, "b01_am1")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(amPage).doesNotContain("/unfreeze");

        ActingAs.call(mvc, "b01_head", () -> {
            exclusions.lift(h.representativeId(), "复核后不再符合不予建档情形");
            return null;
        });
        // a stale version is refused; then the page's button unfreezes it
        assertThat(ho.post("/api/v1/credit/lines/" + id + "/unfreeze", unfreeze(version - 1, "已核实"))
                        .status())
                .isEqualTo(409);
        var res = mvc.perform(post("/credit/lines/" + id + "/unfreeze")
                        .session(hoPage)
                        .with(csrf())
                        .param("version", String.valueOf(version))
                        .param("reason", "不予建档已解除，恢复用信"))
                .andReturn()
                .getResponse();
        assertThat(res.getRedirectedUrl()).isEqualTo("/credit/lines/" + id);
        JsonNode back = lineOf(id);
        assertThat(back.path("status").asText()).isEqualTo("ACTIVE");
        assertThat(back.path("statusReason").asText()).isEqualTo("UNFROZEN");
        assertThat(back.path("statusDetail").asText()).isEqualTo("不予建档已解除，恢复用信");
        assertThat(unfrozenAudits(id)).isEqualTo(1);
        assertThat(am.post("/api/v1/credit/draws", CreditFixture.movement(cert, h.residentId(), "100"))
                        .status())
                .isEqualTo(201);
        // not frozen any more: a second unfreeze is refused
        assertThat(ho.post(
                                "/api/v1/credit/lines/" + id + "/unfreeze",
                                unfreeze(back.path("version").asInt(), "再次"))
                        .status())
                .isEqualTo(409);
    }

    @Test
    void aBadRecordKeepsTheLineFrozenWhileItIsInTheCurrentSnapshot() throws Exception {
        CreditFixture.Household h = fx.household("B01");
        long id = line(h).path("id").asLong();
        String csv = "贷款账号,借款人身份证号,机构代码,金额,发生日期\nCR-U" + h.id() + "," + h.residentId() + ",B01,4000,2024-08-08\n";
        snapshots.loadAsBranch(
                h.bankId(),
                h.branchId(),
                SnapshotKind.LITIGATION,
                Today.date(),
                "litigation-u" + h.id() + ".csv",
                new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
        JsonNode frozen = lineOf(id);
        assertThat(frozen.path("statusReason").asText()).isEqualTo("BAD_RECORD");
        int version = frozen.path("version").asInt();
        var refused = ho.post("/api/v1/credit/lines/" + id + "/unfreeze", unfreeze(version, "客户称已结案"));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.detail()).contains("不良记录").contains("LITIGATION");

        // a later litigation snapshot of the branch without the household: the cause no longer holds
        String stranger = ResidentId.complete("37018119500101" + "%03d".formatted(h.id() % 1000));
        String later = "贷款账号,借款人身份证号,机构代码,金额,发生日期\nCR-X" + h.id() + "," + stranger + ",B01,100,2024-08-08\n";
        snapshots.loadAsBranch(
                h.bankId(),
                h.branchId(),
                SnapshotKind.LITIGATION,
                Today.date(),
                "litigation-u" + h.id() + "-later.csv",
                new ByteArrayInputStream(later.getBytes(StandardCharsets.UTF_8)));
        var ok = ho.post("/api/v1/credit/lines/" + id + "/unfreeze", unfreeze(version, "诉讼记录已更正"));
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.body().path("status").asText()).isEqualTo("ACTIVE");
        assertThat(unfrozenAudits(id)).isEqualTo(1);
    }
}
