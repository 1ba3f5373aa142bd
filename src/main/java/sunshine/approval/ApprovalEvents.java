package sunshine.approval;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import sunshine.shared.Today;

/**
 * Publishes what credit listens to: {@link LimitApproved} when a case's limit may be granted (from its
 * grantable_from), {@link LimitWithdrawn} when it may no longer be. Synchronous, inside the deciding transaction.
 */
@Component
class ApprovalEvents {

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher publisher;

    ApprovalEvents(JdbcClient jdbc, ApplicationEventPublisher publisher) {
        this.jdbc = jdbc;
        this.publisher = publisher;
    }

    /** The case as it now stands in the database (amount, grantable_from) as a LimitApproved. */
    void approved(long caseId, boolean amountShownToCustomer) {
        LimitApproved event = jdbc.sql("""
                select bank_id, household_id, area_id, id, amount, grade, grantable_from from approval_case
                 where id = :id""")
                .param("id", caseId)
                .query((rs, n) -> new LimitApproved(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getLong(3),
                        rs.getLong(4),
                        rs.getBigDecimal(5),
                        rs.getString(6),
                        rs.getObject(7, LocalDate.class),
                        amountShownToCustomer,
                        Instant.now()))
                .single();
        publisher.publishEvent(event);
    }

    void withdrawn(long bankId, long householdId, long caseId, String reason) {
        publisher.publishEvent(new LimitWithdrawn(bankId, householdId, caseId, reason));
    }

    /** The bank left PUBLIC mode: cases waiting for a notice are approved as of today, the INTERNAL way. */
    void releaseAwaitingNotice(long bankId) {
        List<Long> ids = jdbc.sql("""
                update approval_case set status = 'APPROVED', grantable_from = :today, updated_at = now(),
                       version = version + 1
                 where bank_id = :b and status = 'AWAITING_NOTICE' returning id""")
                .param("b", bankId)
                .param("today", Today.date())
                .query(Long.class)
                .list();
        ids.forEach(id -> approved(id, false));
    }
}
