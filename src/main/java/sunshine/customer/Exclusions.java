package sunshine.customer;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import sunshine.audit.AuditLog;
import sunshine.shared.BusinessException;
import sunshine.shared.DataScope;

/**
 * Exclusions (R7): the person stays in the base, marked with the reason and who decided; an excluded person
 * never receives a pre-credit ({@link #isExcluded}). Lifting an exclusion is itself an audited decision.
 */
@Service
public class Exclusions {

    /** One exclusion decision, open or lifted. */
    public record Exclusion(
            long id,
            ExclusionReason reason,
            String note,
            String evidence,
            String decidedBy,
            Instant decidedAt,
            String liftedBy,
            Instant liftedAt,
            String liftNote) {}

    private final JdbcClient jdbc;
    private final DataScope scope;
    private final AuditLog audit;
    private final Customers customers;
    private final ApplicationEventPublisher events;

    Exclusions(
            JdbcClient jdbc, DataScope scope, AuditLog audit, Customers customers, ApplicationEventPublisher events) {
        this.events = events;
        this.jdbc = jdbc;
        this.scope = scope;
        this.audit = audit;
        this.customers = customers;
    }

    @Transactional
    public void exclude(long customerId, ExclusionReason reason, String note, String evidence) {
        Customer c = customers.get(customerId);
        if (reason == null) {
            throw new BusinessException("exclusion.error.reason");
        }
        if (reason == ExclusionReason.OTHER && (note == null || note.isBlank())) {
            throw new BusinessException("exclusion.error.noteForOther");
        }
        if (c.excluded()) {
            throw new BusinessException("exclusion.error.already");
        }
        jdbc.sql("""
                insert into exclusion (bank_id, customer_id, reason, note, evidence, decided_by)
                values (:b, :c, :r, :n, :e, :by)""")
                .param("b", c.bankId())
                .param("c", customerId)
                .param("r", reason.name())
                .param("n", note)
                .param("e", evidence)
                .param("by", scope.user().staffId())
                .update();
        jdbc.sql("update customer set excluded = true, version = version + 1, updated_at = now() where id = :c")
                .param("c", customerId)
                .update();
        customers.history(customerId, "excluded", "false", reason.name(), DataSource.MANUAL);
        audit.record("EXCLUDE", "customer", customerId, null, Map.of("reason", reason.name()));
        events.publishEvent(new CustomerExcluded(c.bankId(), customerId, c.householdId(), reason));
    }

    @Transactional
    public void lift(long customerId, String note) {
        Customer c = customers.get(customerId);
        if (note == null || note.isBlank()) {
            throw new BusinessException("exclusion.error.liftNote");
        }
        int n = jdbc.sql("update exclusion set lifted_by = :by, lifted_at = now(), lift_note = :n"
                        + " where customer_id = :c and lifted_at is null")
                .param("by", scope.user().staffId())
                .param("n", note)
                .param("c", customerId)
                .update();
        if (n == 0) {
            throw new BusinessException("exclusion.error.notExcluded");
        }
        jdbc.sql("update customer set excluded = false, version = version + 1, updated_at = now() where id = :c")
                .param("c", c.id())
                .update();
        customers.history(customerId, "excluded", "true", "false", DataSource.MANUAL);
        audit.record("LIFT_EXCLUSION", "customer", customerId, null, Map.of("note", note));
    }

    @Transactional(readOnly = true)
    public List<Exclusion> of(long customerId) {
        customers.get(customerId);
        return jdbc.sql("""
                select e.id, e.reason, e.note, e.evidence, d.name, e.decided_at, l.name, e.lifted_at, e.lift_note
                  from exclusion e left join staff d on d.id = e.decided_by left join staff l on l.id = e.lifted_by
                 where e.customer_id = :c order by e.decided_at desc""")
                .param("c", customerId)
                .query((rs, i) -> new Exclusion(
                        rs.getLong(1),
                        ExclusionReason.valueOf(rs.getString(2)),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getTimestamp(6).toInstant(),
                        rs.getString(7),
                        rs.getTimestamp(8) == null ? null : rs.getTimestamp(8).toInstant(),
                        rs.getString(9)))
                .list();
    }

    /** Whether the person may not receive a pre-credit (R7); later modules ask before proposing one. */
    @Transactional(readOnly = true)
    public boolean isExcluded(long customerId) {
        return jdbc.sql("select excluded from customer where id = :c")
                .param("c", customerId)
                .query(Boolean.class)
                .single();
    }
}
