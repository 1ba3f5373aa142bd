package sunshine.credit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import sunshine.approval.LimitApproved;
import sunshine.approval.LimitWithdrawn;
import sunshine.audit.AuditLog;
import sunshine.shared.CurrentUser;
import sunshine.shared.DataScope;

/**
 * Grantable limits (issue 7 point 3): the latest approved limit per household, kept from approval's events in the
 * publishing transaction. A later approval of the household replaces the earlier one; a withdrawal marks it.
 */
@Service
public class GrantableLimits {

    private static final String SELECT = """
            select g.*, a.name as area_name, c.name as representative
              from credit_grantable g
              join household h on h.id = g.household_id
              join branch b on b.id = h.branch_id
              join area a on a.id = g.area_id
              left join customer c on c.id = h.representative_id
            """;

    private final JdbcClient jdbc;
    private final DataScope scope;
    private final AuditLog audit;

    GrantableLimits(JdbcClient jdbc, DataScope scope, AuditLog audit) {
        this.jdbc = jdbc;
        this.scope = scope;
        this.audit = audit;
    }

    @EventListener
    @Transactional
    public void on(LimitApproved e) {
        jdbc.sql("""
                insert into credit_grantable (household_id, bank_id, area_id, approval_case_id, amount, grade,
                       grantable_from, amount_shown, approved_at)
                values (:h, :b, :a, :c, :amount, :grade, :from, :shown, :at)
                on conflict (household_id) do update set area_id = excluded.area_id,
                       approval_case_id = excluded.approval_case_id, amount = excluded.amount, grade = excluded.grade,
                       grantable_from = excluded.grantable_from, amount_shown = excluded.amount_shown,
                       approved_at = excluded.approved_at, withdrawn = false, withdrawn_reason = null,
                       updated_at = now()""")
                .param("h", e.householdId())
                .param("b", e.bankId())
                .param("a", e.areaId())
                .param("c", e.approvalCaseId())
                .param("amount", e.amount())
                .param("grade", e.grade())
                .param("from", e.grantableFrom())
                .param("shown", e.amountShownToCustomer())
                .param("at", Timestamp.from(e.approvedAt()))
                .update();
        record(
                e.bankId(),
                "CREDIT_GRANTABLE",
                e.householdId(),
                Map.of(
                        "case",
                        e.approvalCaseId(),
                        "amount",
                        e.amount(),
                        "grantableFrom",
                        e.grantableFrom().toString()));
    }

    @EventListener
    @Transactional
    public void on(LimitWithdrawn e) {
        int n = jdbc.sql("""
                update credit_grantable set withdrawn = true, withdrawn_reason = :r, updated_at = now()
                 where household_id = :h and bank_id = :b""")
                .param("r", e.reason())
                .param("h", e.householdId())
                .param("b", e.bankId())
                .update();
        if (n > 0) {
            record(
                    e.bankId(),
                    "CREDIT_WITHDRAWN",
                    e.householdId(),
                    Map.of("case", e.approvalCaseId(), "reason", e.reason()));
        }
    }

    private void record(long bankId, String action, long householdId, Map<String, Object> after) {
        CurrentUser u = CurrentUser.find().orElse(null);
        audit.record(
                bankId,
                u == null || u.staffId() <= 0 ? null : u.staffId(),
                u == null ? "system" : u.name(),
                action,
                "household",
                householdId,
                null,
                after);
    }

    /** The household's grantable limit within the caller's scope. */
    @Transactional(readOnly = true)
    public Optional<GrantableLimit> find(long householdId) {
        return jdbc.sql(SELECT + " where g.household_id = :h and " + scope.condition("b"))
                .params(scope.params())
                .param("h", householdId)
                .query(GrantableLimits::map)
                .optional();
    }

    /** Approved limits of the caller's scope not yet under an open contract (to be signed), by area. */
    @Transactional(readOnly = true)
    public List<GrantableLimit> awaitingContract() {
        return jdbc.sql(SELECT + " where " + scope.condition("b") + """
                   and not exists (select 1 from credit_line l where l.household_id = g.household_id
                                      and l.status <> 'CLOSED')
                 order by a.name, g.household_id limit 500""")
                .params(scope.params())
                .query(GrantableLimits::map)
                .list();
    }

    static GrantableLimit map(ResultSet rs, int n) throws SQLException {
        return new GrantableLimit(
                rs.getLong("household_id"),
                rs.getLong("bank_id"),
                rs.getLong("area_id"),
                rs.getString("area_name"),
                rs.getString("representative"),
                rs.getLong("approval_case_id"),
                rs.getBigDecimal("amount"),
                rs.getString("grade"),
                rs.getObject("grantable_from", java.time.LocalDate.class),
                rs.getBoolean("amount_shown"),
                rs.getBoolean("withdrawn"),
                rs.getString("withdrawn_reason"));
    }
}
