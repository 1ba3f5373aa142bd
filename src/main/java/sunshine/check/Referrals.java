package sunshine.check;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import sunshine.audit.AuditLog;
import sunshine.customer.Masking;
import sunshine.shared.BusinessException;
import sunshine.shared.CurrentUser;
import sunshine.shared.DataScope;
import sunshine.shared.PageResult;
import sunshine.shared.Role;
import sunshine.shared.Today;

/**
 * Audit referrals (issue 6 point 3): the cases head-office audit follows to a close. Overdue cases (past their
 * deadline and not closed) come first. Every step is in the audit log.
 */
@Service
public class Referrals {

    private static final String SELECT = """
            select x.*, f.kind, f.loan_no, f.loan_amount, f.pre_credit_amount, f.reason as branch_reason, f.snapshot_id,
                   f.row_no, f.manager_no, f.resident_id, f.household_id, b.name as branch_name, m.name as manager_name,
                   c.name as customer_name, o.name as owner_name,
                   (x.status <> 'CLOSED' and x.deadline < :today) as overdue
              from check_referral x
              join check_finding f on f.id = x.finding_id
              join branch b on b.id = x.branch_id
              left join staff m on m.bank_id = f.bank_id and m.staff_no = f.manager_no
              left join customer c on c.id = f.customer_id
              left join staff o on o.id = x.owner_id
            """;

    private final JdbcClient jdbc;
    private final DataScope scope;
    private final AuditLog audit;

    Referrals(JdbcClient jdbc, DataScope scope, AuditLog audit) {
        this.jdbc = jdbc;
        this.scope = scope;
        this.audit = audit;
    }

    /** Cases of the caller's subtree: overdue first, then open before closed, by deadline. */
    @Transactional(readOnly = true)
    public PageResult<Referral> list(PageResult.Request page) {
        String where = " where " + scope.condition("b");
        long total = jdbc.sql("select count(*) from check_referral x join branch b on b.id = x.branch_id" + where)
                .params(scope.params())
                .query(Long.class)
                .single();
        List<Referral> items = jdbc.sql(SELECT + where
                        + " order by overdue desc, (x.status = 'CLOSED'), x.deadline, x.id limit :l offset :o")
                .params(scope.params())
                .param("l", page.size())
                .param("o", page.offset())
                .param("today", Today.date())
                .query(Referrals::map)
                .list();
        return new PageResult<>(items, page.page(), page.size(), total);
    }

    /** How many cases of the caller's subtree are past their deadline and not closed (they must stand out). */
    @Transactional(readOnly = true)
    public long overdue() {
        return jdbc.sql("select count(*) from check_referral x join branch b on b.id = x.branch_id where "
                        + scope.condition("b") + " and x.status <> 'CLOSED' and x.deadline < :today")
                .params(scope.params())
                .param("today", Today.date())
                .query(Long.class)
                .single();
    }

    @Transactional(readOnly = true)
    public Referral get(long id) {
        return jdbc.sql(SELECT + " where x.id = :id and " + scope.condition("b"))
                .params(scope.params())
                .param("id", id)
                .param("today", Today.date())
                .query(Referrals::map)
                .optional()
                .orElseThrow(() -> scope.notFound("check_referral", "check_referral", id));
    }

    /** Audit moves the case on: INVESTIGATING, or CLOSED with a resolution; a note may go with any step. */
    @Transactional
    public Referral step(long id, Referral.Status next, String resolution) {
        Referral before = get(id);
        CurrentUser u = scope.user();
        Findings.requireAny(u, Role.HO_AUDIT);
        if (next == null || !before.status().canBecome(next)) {
            throw BusinessException.conflict("check.referral.badStep");
        }
        String text = next == Referral.Status.CLOSED
                ? Findings.required(resolution, 2000, "check.referral.resolutionRequired")
                : Findings.optional(resolution, 2000);
        int n = jdbc.sql("""
                update check_referral set status = :st, resolution = coalesce(:r, resolution),
                       closed_at = case when :st = 'CLOSED' then now() end, version = version + 1
                 where id = :id and status = :from""")
                .param("st", next.name())
                .param("r", text)
                .param("id", id)
                .param("from", before.status().name())
                .update();
        if (n == 0) {
            throw BusinessException.conflict("check.referral.badStep");
        }
        audit.record(
                "CHECK_REFERRAL_" + next.name(),
                "check_referral",
                id,
                Map.of("status", before.status()),
                Map.of("status", next, "resolution", text == null ? "" : text));
        return get(id);
    }

    private static Referral map(ResultSet rs, int n) throws SQLException {
        return new Referral(
                rs.getLong("id"),
                rs.getLong("finding_id"),
                LedgerChecks.Kind.valueOf(rs.getString("kind")),
                rs.getString("loan_no"),
                rs.getBigDecimal("loan_amount"),
                rs.getBigDecimal("pre_credit_amount"),
                rs.getString("branch_reason"),
                rs.getLong("snapshot_id"),
                rs.getInt("row_no"),
                rs.getString("branch_name"),
                rs.getString("manager_no"),
                rs.getString("manager_name"),
                rs.getString("customer_name"),
                Masking.residentId(rs.getString("resident_id")),
                (Long) rs.getObject("household_id"),
                rs.getString("evidence"),
                rs.getLong("owner_id"),
                rs.getString("owner_name"),
                rs.getObject("deadline", java.time.LocalDate.class),
                Referral.Status.valueOf(rs.getString("status")),
                rs.getString("resolution"),
                rs.getString("referred_by_name"),
                Findings.instant(rs.getTimestamp("referred_at")),
                Findings.instant(rs.getTimestamp("closed_at")),
                rs.getBoolean("overdue"));
    }
}
