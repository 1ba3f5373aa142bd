package sunshine.credit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import sunshine.JsonCalls;
import sunshine.Logins;
import sunshine.PlatformTest;
import sunshine.check.SnapshotKind;
import sunshine.check.Snapshots;
import sunshine.customer.CustomerExcluded;
import sunshine.customer.ExclusionReason;
import sunshine.shared.BusinessException;
import sunshine.shared.Today;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Revolving lines (issue 7 point 4, R28): available = limit - outstanding, draws need the certificate and the
 * representative's ID, a date in the term, an active line and enough available; concurrent draws never pass the
 * limit; exclusion and a new bad record freeze; expiry closes; the core ledger feed is idempotent.
 */
@PlatformTest
class LinesTest {

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
    LineMovements movements;

    @Autowired
    LineFreezing freezing;

    @Autowired
    Snapshots snapshots;

    CreditFixture fx;
    JsonCalls am;

    @BeforeEach
    void setUp() throws Exception {
        fx = new CreditFixture(jdbc, events, tx);
        am = new JsonCalls(mvc, json, Logins.as(mvc, "b01_am1"));
    }

    private JsonNode line(CreditFixture.Household h, String limit) throws Exception {
        fx.approve(h, limit, "A", Today.date().minusYears(1));
        var signed = am.post("/api/v1/credit/contracts", CreditFixture.contract(h, null, null));
        assertThat(signed.status()).isEqualTo(201);
        return signed.body();
    }

    @Test
    void drawsNeedTheRepresentativesId_enoughAvailable_andRepaymentsRestoreIt() throws Exception {
        CreditFixture.Household h = fx.household("B01");
        JsonNode line = line(h, "10000");
        String cert = line.path("certificateNo").asText();

        var wrongId = am.post("/api/v1/credit/draws", CreditFixture.movement(cert, "110101199003071234", "100"));
        assertThat(wrongId.status()).isEqualTo(400);
        assertThat(wrongId.detail()).contains("身份证号");

        var first = am.post("/api/v1/credit/draws", CreditFixture.movement(cert, h.residentId(), "6000"));
        assertThat(first.status()).isEqualTo(201);
        assertThat(first.body().path("outstandingAfter").decimalValue()).isEqualByComparingTo("6000");

        var tooMuch = am.post("/api/v1/credit/draws", CreditFixture.movement(cert, h.residentId(), "4000.01"));
        assertThat(tooMuch.status()).isEqualTo(409);
        assertThat(tooMuch.detail()).contains("4000.01").contains("4000.00");

        var rest = am.post("/api/v1/credit/draws", CreditFixture.movement(cert, h.residentId(), "4000"));
        assertThat(rest.status()).isEqualTo(201);
        var repaid = am.post("/api/v1/credit/repayments", CreditFixture.movement(cert, "", "2500.50"));
        assertThat(repaid.status()).isEqualTo(201);
        var after = am.get("/api/v1/credit/lines/" + line.path("id").asLong()).body();
        assertThat(after.path("outstanding").decimalValue()).isEqualByComparingTo("7499.50");
        assertThat(after.path("available").decimalValue()).isEqualByComparingTo("2500.50");
        assertThat(am.post("/api/v1/credit/repayments", CreditFixture.movement(cert, "", "9000"))
                        .status())
                .isEqualTo(409);

        String outside = "{\"certificateNo\":\"" + cert + "\",\"residentId\":\"" + h.residentId()
                + "\",\"amount\":1,\"date\":\"" + Today.date().minusYears(2) + "\"}";
        var early = am.post("/api/v1/credit/draws", outside);
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.detail()).contains("期限");
        assertThat(am.get("/api/v1/credit/lines/" + line.path("id").asLong() + "/movements")
                        .body()
                        .size())
                .isEqualTo(3);

        JsonCalls other = new JsonCalls(mvc, json, Logins.as(mvc, "b02_head"));
        assertThat(other.post("/api/v1/credit/draws", CreditFixture.movement(cert, h.residentId(), "1"))
                        .status())
                .isEqualTo(404);
    }

    @Test
    void drawsAtTheSameMomentNeverTakeTheLinePastItsLimit() throws Exception {
        CreditFixture.Household h = fx.household("B01");
        JsonNode line = line(h, "10000");
        String cert = line.path("certificateNo").asText();
        MockHttpSession session = Logins.as(mvc, "b01_am1");
        SecurityContext context = (SecurityContext)
                session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> results = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            results.add(pool.submit(() -> {
                SecurityContextHolder.setContext(context);
                start.await();
                try {
                    movements.draw(new MovementCommand(cert, h.residentId(), new BigDecimal("3000"), null));
                    return true;
                } catch (BusinessException e) {
                    assertThat(e.messageKey()).isEqualTo("credit.error.notEnough");
                    return false;
                } finally {
                    SecurityContextHolder.clearContext();
                }
            }));
        }
        start.countDown();
        int ok = 0;
        for (Future<Boolean> f : results) {
            ok += f.get() ? 1 : 0;
        }
        pool.shutdown();
        assertThat(ok).isEqualTo(3);
        BigDecimal outstanding = jdbc.sql("select outstanding from credit_line where id = :id")
                .param("id", line.path("id").asLong())
                .query(BigDecimal.class)
                .single();
        assertThat(outstanding).isEqualByComparingTo("9000");
        assertThat(jdbc.sql("select count(*) from credit_movement where line_id = :id")
                        .param("id", line.path("id").asLong())
                        .query(Long.class)
                        .single())
                .isEqualTo(3);
    }

    @Test
    void anExclusionFreezesTheLine_repaymentsStillWork() throws Exception {
        CreditFixture.Household h = fx.household("B01");
        JsonNode line = line(h, "10000");
        String cert = line.path("certificateNo").asText();
        assertThat(am.post("/api/v1/credit/draws", CreditFixture.movement(cert, h.residentId(), "1000"))
                        .status())
                .isEqualTo(201);
        tx.executeWithoutResult(s -> events.publishEvent(
                new CustomerExcluded(h.bankId(), h.representativeId(), h.id(), ExclusionReason.values()[0])));
        var frozen = am.get("/api/v1/credit/lines/" + line.path("id").asLong()).body();
        assertThat(frozen.path("status").asText()).isEqualTo("FROZEN");
        assertThat(frozen.path("statusReason").asText()).isEqualTo("EXCLUDED");
        var draw = am.post("/api/v1/credit/draws", CreditFixture.movement(cert, h.residentId(), "1"));
        assertThat(draw.status()).isEqualTo(409);
        assertThat(draw.detail()).contains("冻结");
        assertThat(am.post("/api/v1/credit/repayments", CreditFixture.movement(cert, "", "1000"))
                        .status())
                .isEqualTo(201);
    }

    @Test
    void aNewBadRecordInASnapshotFreezesTheLine_othersStayActive() throws Exception {
        CreditFixture.Household bad = fx.household("B01");
        CreditFixture.Household good = fx.household("B01");
        JsonNode badLine = line(bad, "8000");
        JsonNode goodLine = line(good, "8000");
        String csv =
                "贷款账号,借款人身份证号,机构代码,金额,发生日期\n" + "CR-S" + bad.id() + "," + bad.residentId() + ",B01,4000,2024-08-08\n";
        snapshots.loadAsBranch(
                bad.bankId(),
                bad.branchId(),
                SnapshotKind.LITIGATION,
                Today.date(),
                "litigation-" + bad.id() + ".csv",
                new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
        var b = am.get("/api/v1/credit/lines/" + badLine.path("id").asLong()).body();
        assertThat(b.path("status").asText()).isEqualTo("FROZEN");
        assertThat(b.path("statusReason").asText()).isEqualTo("BAD_RECORD");
        assertThat(b.path("statusDetail").asText()).contains("LITIGATION");
        assertThat(am.get("/api/v1/credit/lines/" + goodLine.path("id").asLong())
                        .body()
                        .path("status")
                        .asText())
                .isEqualTo("ACTIVE");
    }

    @Test
    void expiryClosesLinesWhoseTermHasEnded() throws Exception {
        CreditFixture.Household h = fx.household("B01");
        fx.approve(h, "5000", "A", Today.date().minusYears(1));
        var signed = am.post(
                "/api/v1/credit/contracts",
                CreditFixture.contract(h, Today.date().minusMonths(3).toString(), 2));
        assertThat(signed.status()).isEqualTo(201);
        CreditFixture.Household current = fx.household("B01");
        long open = line(current, "5000").path("id").asLong();
        Integer closedCount = tx.execute(s -> freezing.closeExpired(Today.date()));
        assertThat(closedCount.intValue()).isGreaterThanOrEqualTo(1);
        var closed = am.get("/api/v1/credit/lines/" + signed.id()).body();
        assertThat(closed.path("status").asText()).isEqualTo("CLOSED");
        assertThat(closed.path("statusReason").asText()).isEqualTo("EXPIRED");
        assertThat(am.get("/api/v1/credit/lines/" + open).body().path("status").asText())
                .isEqualTo("ACTIVE");
        var draw = am.post(
                "/api/v1/credit/draws",
                CreditFixture.movement(signed.body().path("certificateNo").asText(), h.residentId(), "1"));
        assertThat(draw.status()).isEqualTo(409);
    }

    @Test
    void theCoreLedgerFeedAppliesEachLineOnce() throws Exception {
        CreditFixture.Household h = fx.household("B01");
        JsonNode line = line(h, "10000");
        String cert = line.path("certificateNo").asText();
        String txn = "CORE-" + h.id();
        String feed = "{\"txnId\":\"" + txn + "-1\",\"certificateNo\":\"" + cert
                + "\",\"kind\":\"DRAW\",\"amount\":\"3000\",\"date\":\"" + Today.date() + "\"}\n"
                + "{\"txnId\":\"" + txn + "-2\",\"certificateNo\":\"" + cert
                + "\",\"kind\":\"REPAYMENT\",\"amount\":1000}\n"
                + "not json\n"
                + "{\"txnId\":\"" + txn + "-3\",\"certificateNo\":\"" + cert
                + "\",\"kind\":\"DRAW\",\"amount\":99999}\n"
                + "{\"txnId\":\"" + txn + "-1\",\"certificateNo\":\"" + cert
                + "\",\"kind\":\"DRAW\",\"amount\":3000}\n";
        JsonCalls head = new JsonCalls(mvc, json, Logins.as(mvc, "b01_head"));
        var first = head.mvc()
                .perform(
                        org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(
                                        "/api/v1/credit/ledger-feed")
                                .session(head.session())
                                .with(org.springframework.security.test.web.servlet.request
                                        .SecurityMockMvcRequestPostProcessors.csrf())
                                .contentType("application/x-ndjson")
                                .content(feed.getBytes(StandardCharsets.UTF_8)))
                .andReturn()
                .getResponse();
        assertThat(first.getStatus()).isEqualTo(200);
        JsonNode r = json.readTree(first.getContentAsString(StandardCharsets.UTF_8));
        assertThat(r.path("applied").asInt()).isEqualTo(2);
        assertThat(r.path("duplicates").asInt()).isEqualTo(1);
        assertThat(r.path("refused").asInt()).isEqualTo(2);
        assertThat(r.path("lines").get(3).path("message").asText()).contains("可用额度不足");
        BigDecimal outstanding = jdbc.sql("select outstanding from credit_line where id = :id")
                .param("id", line.path("id").asLong())
                .query(BigDecimal.class)
                .single();
        assertThat(outstanding).isEqualByComparingTo("2000");

        var again = head.mvc()
                .perform(
                        org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(
                                        "/api/v1/credit/ledger-feed")
                                .session(head.session())
                                .with(org.springframework.security.test.web.servlet.request
                                        .SecurityMockMvcRequestPostProcessors.csrf())
                                .contentType("application/x-ndjson")
                                .content(feed.getBytes(StandardCharsets.UTF_8)))
                .andReturn()
                .getResponse();
        JsonNode r2 = json.readTree(again.getContentAsString(StandardCharsets.UTF_8));
        assertThat(r2.path("applied").asInt()).isZero();
        assertThat(r2.path("duplicates").asInt()).isEqualTo(3);
        assertThat(jdbc.sql("select outstanding from credit_line where id = :id")
                        .param("id", line.path("id").asLong())
                        .query(BigDecimal.class)
                        .single())
                .isEqualByComparingTo("2000");
        assertThat(am.call(
                                HttpMethod.GET,
                                "/api/v1/credit/lines/" + line.path("id").asLong() + "/movements",
                                null)
                        .body()
                        .get(0)
                        .path("source")
                        .asText())
                .isEqualTo("LEDGER");
    }
}
