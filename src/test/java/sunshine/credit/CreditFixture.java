package sunshine.credit;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import sunshine.Fixtures;
import sunshine.approval.LimitApproved;
import sunshine.approval.LimitWithdrawn;
import sunshine.customer.ResidentId;

/**
 * Households of the demo bank for the credit tests, and approval's events published as the approval module will:
 * synchronously, inside a transaction.
 */
public record CreditFixture(JdbcClient jdbc, ApplicationEventPublisher events, TransactionTemplate tx) {

    private static final AtomicInteger SEQ = new AtomicInteger((int) (System.nanoTime() % 50_000));

    /** A new household with its representative in the first area of a branch of ZQRCB (e.g. "B01"). */
    public Household household(String branchCode) {
        Fixtures fx = new Fixtures(jdbc);
        long branch = fx.branch("ZQRCB", branchCode);
        long area = fx.firstArea(branch);
        int n = SEQ.incrementAndGet();
        String born =
                LocalDate.of(1960, 1, 1).plusDays(n % 10_000).format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE);
        String id = ResidentId.complete("370181" + born + "%03d".formatted((n / 10_000) % 1000));
        long customer = fx.customerIn(area, id, "授信测试" + SEQ.get());
        return new Household(fx.bank("ZQRCB"), branch, area, fx.householdOf(customer), customer, id);
    }

    public record Household(
            long bankId, long branchId, long areaId, long id, long representativeId, String residentId) {}

    /** Approval's event: the household's limit may be granted from the day given. */
    public void approve(Household h, String amount, String grade, LocalDate grantableFrom) {
        long caseId = SEQ.incrementAndGet();
        tx.executeWithoutResult(s -> events.publishEvent(new LimitApproved(
                h.bankId(),
                h.id(),
                h.areaId(),
                caseId,
                new BigDecimal(amount),
                grade,
                grantableFrom,
                true,
                Instant.now())));
    }

    public void withdraw(Household h, String reason) {
        tx.executeWithoutResult(s -> events.publishEvent(new LimitWithdrawn(h.bankId(), h.id(), 1, reason)));
    }

    public static String contract(Household h, String signedOn, Integer termMonths) {
        return "{\"householdId\":" + h.id() + (signedOn == null ? "" : ",\"signedOn\":\"" + signedOn + "\"")
                + (termMonths == null ? "" : ",\"termMonths\":" + termMonths) + "}";
    }

    public static String movement(String certificateNo, String residentId, String amount) {
        return "{\"certificateNo\":\"" + certificateNo + "\",\"residentId\":\"" + residentId + "\",\"amount\":" + amount
                + "}";
    }
}
