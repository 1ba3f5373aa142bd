package sunshine.credit;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import sunshine.shared.DataScope;

/**
 * Each household's credit as other modules may read it (the dashboard's batch template and CRM extract, R30): the
 * approved limit and the household's line with its usage, for the caller's scope, in one query. Read-only; the
 * credit tables stay this module's own.
 */
@Service
public class HouseholdCredits {

    /**
     * One household's credit. {@code approved*} come from approval's latest decision ({@code LimitApproved}, empty
     * when never approved); {@code line*} from its open line, or its latest closed one when none is open (empty when
     * no contract was signed); {@code lastDraw} is the day of its latest draw on any line; {@code changedAt} the
     * latest change of any of these.
     */
    public record Position(
            long householdId,
            BigDecimal approvedLimit,
            String approvedGrade,
            LocalDate grantableFrom,
            boolean withdrawn,
            BigDecimal lineLimit,
            BigDecimal outstanding,
            BigDecimal drawnTotal,
            String lineGrade,
            CreditLine.Status lineStatus,
            LocalDate lastDraw,
            Instant changedAt) {

        /** The household holds a line that is not closed (active or frozen). */
        public boolean hasOpenLine() {
            return lineStatus != null && lineStatus != CreditLine.Status.CLOSED;
        }

        /**
         * The final limit on the day: the open line's (locked since signing, changed only by a verified adjustment,
         * R31), else the approved limit once it is grantable (notice period passed, R27) and not withdrawn; else
         * null.
         */
        public BigDecimal finalLimit(LocalDate day) {
            if (hasOpenLine()) {
                return lineLimit;
            }
            if (approvedLimit != null && !withdrawn && grantableFrom != null && !day.isBefore(grantableFrom)) {
                return approvedLimit;
            }
            return null;
        }

        /** The grade that goes with {@link #finalLimit}: the open line's, else the approved one. */
        public String finalGrade() {
            return hasOpenLine() && lineGrade != null ? lineGrade : approvedGrade;
        }

        /** No draw on or after the day (never drawn counts as no draw). */
        public boolean noDrawSince(LocalDate day) {
            return lastDraw == null || lastDraw.isBefore(day);
        }
    }

    private final JdbcClient jdbc;
    private final DataScope scope;

    HouseholdCredits(JdbcClient jdbc, DataScope scope) {
        this.jdbc = jdbc;
        this.scope = scope;
    }

    /** Every household of the caller's scope that has an approved limit or a line, by household id. */
    @Transactional(readOnly = true)
    public Map<Long, Position> inScope() {
        String cond = scope.condition("b");
        Map<Long, Position> m = new HashMap<>();
        jdbc.sql("""
                        with g as (
                            select g.household_id, g.amount, g.grade, g.grantable_from, g.withdrawn, g.updated_at
                              from credit_grantable g join household h on h.id = g.household_id
                              join branch b on b.id = h.branch_id
                             where g.bank_id = :scopeBankId and %1$s),
                        l as (
                            select distinct on (l.household_id) l.household_id, l.limit_amount, l.outstanding,
                                   l.drawn_total, l.grade, l.status, greatest(l.created_at, l.status_at) as changed_at
                              from credit_line l join branch b on b.id = l.branch_id
                             where l.bank_id = :scopeBankId and %1$s
                             order by l.household_id, l.status = 'CLOSED', l.id desc),
                        d as (
                            select l.household_id, max(m.on_date) filter (where m.kind = 'DRAW') as last_draw,
                                   max(m.created_at) as moved_at
                              from credit_movement m join credit_line l on l.id = m.line_id
                              join branch b on b.id = l.branch_id
                             where m.bank_id = :scopeBankId and %1$s
                             group by l.household_id)
                        select coalesce(g.household_id, l.household_id) as household_id, g.amount, g.grade,
                               g.grantable_from, coalesce(g.withdrawn, false) as withdrawn, l.limit_amount,
                               l.outstanding, l.drawn_total, l.grade as line_grade, l.status, d.last_draw,
                               greatest(g.updated_at, l.changed_at, d.moved_at) as changed_at
                          from g full join l on l.household_id = g.household_id
                          left join d on d.household_id = coalesce(g.household_id, l.household_id)""".formatted(cond)).params(scope.params()).withFetchSize(1000).query(rs -> {
            String status = rs.getString("status");
            Timestamp changed = rs.getTimestamp("changed_at");
            long household = rs.getLong("household_id");
            m.put(
                    household,
                    new Position(
                            household,
                            rs.getBigDecimal("amount"),
                            rs.getString("grade"),
                            rs.getObject("grantable_from", LocalDate.class),
                            rs.getBoolean("withdrawn"),
                            rs.getBigDecimal("limit_amount"),
                            rs.getBigDecimal("outstanding"),
                            rs.getBigDecimal("drawn_total"),
                            rs.getString("line_grade"),
                            status == null ? null : CreditLine.Status.valueOf(status),
                            rs.getObject("last_draw", LocalDate.class),
                            changed == null ? null : changed.toInstant()));
        });
        return m;
    }
}
