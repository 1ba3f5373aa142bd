package sunshine.credit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import sunshine.audit.AuditLog;
import sunshine.shared.BusinessException;
import sunshine.shared.CurrentUser;
import sunshine.shared.DataScope;

/**
 * Limit adjustments (issue 7 point 5, R31). Limits are locked: a database trigger refuses any change of a line's limit
 * except to the amount of a verified adjustment, inside the transaction that applies it. The branch requests with
 * evidence, head-office business development verifies (or rejects), head-office credit applies (or rejects); each
 * step is recorded and audited, nobody takes two steps of the same request, and a step on a request that changed
 * meanwhile is refused.
 */
@Service
public class Adjustments {

    private static final String SELECT = """
            select j.*, l.contract_no, l.certificate_no, c.name as representative, b.name as branch_name,
                   a.name as area_name
              from credit_adjustment j
              join credit_line l on l.id = j.line_id
              join branch b on b.id = l.branch_id
              join area a on a.id = l.area_id
              join customer c on c.id = l.representative_id
            """;

    private final JdbcClient jdbc;
    private final DataScope scope;
    private final AuditLog audit;
    private final CreditLines lines;

    Adjustments(JdbcClient jdbc, DataScope scope, AuditLog audit, CreditLines lines) {
        this.jdbc = jdbc;
        this.scope = scope;
        this.audit = audit;
        this.lines = lines;
    }

    /** The branch asks for a new limit, with the reason and evidence (R31). */
    @Transactional
    public Adjustment request(long lineId, AdjustmentCommand cmd) {
        CreditLine line = lines.get(lineId);
        return request(line, cmd, null);
    }

    Adjustment request(CreditLine line, AdjustmentCommand cmd, Long reviewId) {
        if (cmd.newLimit() == null || cmd.newLimit().signum() <= 0 || blank(cmd.reason()) || blank(cmd.evidence())) {
            throw new BusinessException("credit.error.adjustmentFields");
        }
        if (line.status() == CreditLine.Status.CLOSED) {
            throw BusinessException.conflict("credit.error.closed");
        }
        if (cmd.newLimit().compareTo(line.limit()) == 0) {
            throw new BusinessException("credit.error.sameLimit");
        }
        long id;
        try {
            id = jdbc.sql("""
                    insert into credit_adjustment (bank_id, line_id, old_limit, new_limit, reason, evidence, review_id)
                    values (:b, :l, :old, :new, :reason, :evidence, :review) returning id""")
                    .param("b", line.bankId())
                    .param("l", line.id())
                    .param("old", line.limit())
                    .param("new", cmd.newLimit())
                    .param("reason", cmd.reason().strip())
                    .param("evidence", cmd.evidence().strip())
                    .param("review", reviewId)
                    .query(Long.class)
                    .single();
        } catch (DuplicateKeyException e) {
            throw BusinessException.conflict("credit.error.adjustmentOpen", line.contractNo());
        }
        step(id, Adjustment.Status.REQUESTED, cmd.reason().strip());
        Adjustment a = get(id);
        audit.record(
                "CREDIT_ADJUSTMENT_REQUESTED",
                "credit_adjustment",
                id,
                null,
                Map.of("line", line.id(), "old", line.limit(), "new", cmd.newLimit()));
        return a;
    }

    /** Head-office business development verifies (approve) or rejects the request. */
    @Transactional
    public Adjustment verify(long id, int version, boolean approve, String note) {
        Adjustment a = get(id);
        requireRole(sunshine.shared.Role.HO_BUSINESS_DEVELOPMENT);
        expect(a, Adjustment.Status.REQUESTED, version);
        notTwice(a);
        if (!approve && blank(note)) {
            throw new BusinessException("credit.error.noteRequired");
        }
        Adjustment.Status next = approve ? Adjustment.Status.VERIFIED : Adjustment.Status.REJECTED;
        transition(a, next, note);
        return get(id);
    }

    /** Head-office credit applies a verified adjustment (the only way a limit changes), or rejects it. */
    @Transactional
    public Adjustment apply(long id, int version, boolean apply, String note) {
        Adjustment a = get(id);
        requireRole(sunshine.shared.Role.HO_CREDIT);
        expect(a, Adjustment.Status.VERIFIED, version);
        notTwice(a);
        if (!apply) {
            if (blank(note)) {
                throw new BusinessException("credit.error.noteRequired");
            }
            transition(a, Adjustment.Status.REJECTED, note);
            return get(id);
        }
        CreditLine line = lines.get(a.lineId());
        if (line.status() == CreditLine.Status.CLOSED) {
            throw BusinessException.conflict("credit.error.closed");
        }
        // locked, so no draw can raise the balance between this check and the change
        java.math.BigDecimal outstanding = jdbc.sql("select outstanding from credit_line where id = :l for update")
                .param("l", a.lineId())
                .query(java.math.BigDecimal.class)
                .single();
        if (a.newLimit().compareTo(outstanding) < 0) {
            throw BusinessException.conflict(
                    "credit.error.belowOutstanding", a.newLimit().toPlainString(), outstanding.toPlainString());
        }
        // R31: the trigger admits the change only for this verified adjustment, only in this transaction
        jdbc.sql("select set_config('credit.applying_adjustment', :id, true)")
                .param("id", String.valueOf(id))
                .query(String.class)
                .single();
        jdbc.sql("update credit_line set limit_amount = :new, version = version + 1 where id = :l")
                .param("new", a.newLimit())
                .param("l", a.lineId())
                .update();
        jdbc.sql("select set_config('credit.applying_adjustment', '', true)")
                .query(String.class)
                .single();
        transition(a, Adjustment.Status.APPLIED, note);
        audit.record(
                "CREDIT_LIMIT_CHANGED",
                "credit_line",
                a.lineId(),
                Map.of("limit", a.oldLimit()),
                Map.of("limit", a.newLimit(), "adjustment", id));
        return get(id);
    }

    private void transition(Adjustment a, Adjustment.Status next, String note) {
        int n = jdbc.sql("""
                update credit_adjustment set status = :s, version = version + 1
                 where id = :id and version = :v and status = :from""")
                .param("s", next.name())
                .param("id", a.id())
                .param("v", a.version())
                .param("from", a.status().name())
                .update();
        if (n == 0) {
            throw BusinessException.conflict("error.staleVersion");
        }
        step(a.id(), next, note);
        audit.record("CREDIT_ADJUSTMENT_" + next.name(), "credit_adjustment", a.id(), a.status(), next);
    }

    /** Checked after the scope (404 first), so that nobody learns of a request outside their scope. */
    private void requireRole(sunshine.shared.Role role) {
        if (!scope.user().has(role)) {
            throw new org.springframework.security.access.AccessDeniedException(role.name());
        }
    }

    private static void expect(Adjustment a, Adjustment.Status status, int version) {
        if (a.status() != status) {
            throw BusinessException.conflict(
                    "credit.error.adjustmentState", a.status().name());
        }
        if (a.version() != version) {
            throw BusinessException.conflict("error.staleVersion");
        }
    }

    /** Nobody takes two steps of the same request (maker and checker). */
    private void notTwice(Adjustment a) {
        long me = scope.user().staffId();
        Integer count = jdbc.sql(
                        "select count(*) from credit_adjustment_step where adjustment_id = :a and staff_id = :s")
                .param("a", a.id())
                .param("s", me)
                .query(Integer.class)
                .single();
        if (count > 0) {
            throw BusinessException.conflict("credit.error.ownStep");
        }
    }

    private void step(long id, Adjustment.Status status, String note) {
        CurrentUser u = scope.user();
        jdbc.sql("""
                insert into credit_adjustment_step (adjustment_id, status, note, staff_id, staff_name)
                values (:a, :s, :note, :staff, :name)""")
                .param("a", id)
                .param("s", status.name())
                .param("note", blank(note) ? null : note.strip())
                .param("staff", u.staffId() > 0 ? u.staffId() : null)
                .param("name", u.name())
                .update();
    }

    /** One adjustment with its steps, or 404 (audited when outside the caller's scope). */
    @Transactional(readOnly = true)
    public Adjustment get(long id) {
        return jdbc.sql(SELECT + " where j.id = :id and " + scope.condition("b"))
                .params(scope.params())
                .param("id", id)
                .query((rs, n) -> map(rs, steps(id)))
                .optional()
                .orElseThrow(() -> scope.notFound("credit_adjustment", "credit_adjustment", id));
    }

    /** The queue of the caller's scope: one status (or all), oldest first; at most 500. */
    @Transactional(readOnly = true)
    public List<Adjustment> queue(Adjustment.Status status) {
        Map<String, Object> params = new HashMap<>(scope.params());
        String where = " where " + scope.condition("b");
        if (status != null) {
            where += " and j.status = :status";
            params.put("status", status.name());
        }
        return jdbc.sql(SELECT + where + " order by j.created_at, j.id limit 500")
                .params(params)
                .query((rs, n) -> map(rs, List.of()))
                .list();
    }

    /** Adjustments of one line (in scope), newest first. */
    @Transactional(readOnly = true)
    public List<Adjustment> ofLine(long lineId) {
        lines.get(lineId);
        return jdbc.sql(SELECT + " where j.line_id = :l order by j.id desc")
                .param("l", lineId)
                .query((rs, n) -> map(rs, steps(rs.getLong("id"))))
                .list();
    }

    private List<Adjustment.Step> steps(long id) {
        return jdbc.sql("""
                select status, note, staff_name, at from credit_adjustment_step where adjustment_id = :a order by id""")
                .param("a", id)
                .query((rs, n) -> new Adjustment.Step(
                        Adjustment.Status.valueOf(rs.getString(1)),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getTimestamp(4).toInstant()))
                .list();
    }

    private static Adjustment map(ResultSet rs, List<Adjustment.Step> steps) throws SQLException {
        return new Adjustment(
                rs.getLong("id"),
                rs.getLong("line_id"),
                rs.getString("contract_no"),
                rs.getString("certificate_no"),
                rs.getString("representative"),
                rs.getString("branch_name"),
                rs.getString("area_name"),
                rs.getBigDecimal("old_limit"),
                rs.getBigDecimal("new_limit"),
                rs.getString("reason"),
                rs.getString("evidence"),
                Adjustment.Status.valueOf(rs.getString("status")),
                rs.getInt("version"),
                rs.getTimestamp("created_at").toInstant(),
                steps);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
