package sunshine.credit;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import sunshine.audit.AuditLog;
import sunshine.shared.BusinessException;
import sunshine.shared.CurrentUser;
import sunshine.shared.DataScope;
import sunshine.shared.Today;

/**
 * Annual review of the files (档案年检, issue 7 point 6, R32). A line is due in a year when it is open, was signed in
 * an earlier year and has no review for that year. The outcome confirms it, changes its limit through an adjustment
 * request (R31: the review does not change the limit itself), or closes it.
 */
@Service
public class AnnualReviews {

    public enum Outcome {
        CONFIRM,
        ADJUST,
        CLOSE
    }

    /** A recorded review. */
    public record Review(
            long id,
            long lineId,
            int year,
            Outcome outcome,
            String note,
            Long adjustmentId,
            String staffName,
            Instant at) {}

    /** What the reviewer decided; newLimit and evidence only for ADJUST. */
    public record ReviewCommand(int year, Outcome outcome, String note, BigDecimal newLimit, String evidence) {}

    private final JdbcClient jdbc;
    private final DataScope scope;
    private final AuditLog audit;
    private final CreditLines lines;
    private final Adjustments adjustments;

    AnnualReviews(JdbcClient jdbc, DataScope scope, AuditLog audit, CreditLines lines, Adjustments adjustments) {
        this.jdbc = jdbc;
        this.scope = scope;
        this.audit = audit;
        this.lines = lines;
        this.adjustments = adjustments;
    }

    /** Lines of the caller's scope due for the year's review (at most 500), by area. */
    @Transactional(readOnly = true)
    public List<CreditLine> due(int year) {
        return jdbc.sql(CreditLines.SELECT + " where " + scope.condition("b") + """
                   and l.status <> 'CLOSED' and l.signed_on < make_date(:y, 1, 1)
                   and not exists (select 1 from credit_review r where r.line_id = l.id and r.year = :y)
                 order by a.name, l.certificate_no limit 500""")
                .params(scope.params())
                .param("y", year)
                .query(CreditLines::map)
                .list();
    }

    /** Records the outcome of a line's review for a year (not a future one; once per line and year). */
    @Transactional
    public Review record(long lineId, ReviewCommand cmd) {
        CreditLine line = lines.get(lineId);
        if (cmd.outcome() == null || cmd.year() > Today.date().getYear() || cmd.year() < 2000) {
            throw new BusinessException("credit.error.reviewFields");
        }
        if (line.status() == CreditLine.Status.CLOSED) {
            throw BusinessException.conflict("credit.error.closed");
        }
        boolean done = jdbc.sql("select exists(select 1 from credit_review where line_id = :l and year = :y)")
                .param("l", lineId)
                .param("y", cmd.year())
                .query(Boolean.class)
                .single();
        if (done) {
            throw BusinessException.conflict("credit.error.reviewDone", cmd.year());
        }
        if (cmd.outcome() != Outcome.CONFIRM
                && (cmd.note() == null || cmd.note().isBlank())) {
            throw new BusinessException("credit.error.noteRequired");
        }
        CurrentUser u = scope.user();
        long id = jdbc.sql("""
                insert into credit_review (bank_id, line_id, year, outcome, note, staff_id, staff_name)
                values (:b, :l, :y, :o, :note, :s, :name) returning id""")
                .param("b", line.bankId())
                .param("l", lineId)
                .param("y", cmd.year())
                .param("o", cmd.outcome().name())
                .param(
                        "note",
                        cmd.note() == null || cmd.note().isBlank()
                                ? null
                                : cmd.note().strip())
                .param("s", u.staffId() > 0 ? u.staffId() : null)
                .param("name", u.name())
                .query(Long.class)
                .single();
        if (cmd.outcome() == Outcome.ADJUST) {
            Adjustment a =
                    adjustments.request(line, new AdjustmentCommand(cmd.newLimit(), cmd.note(), cmd.evidence()), id);
            jdbc.sql("update credit_review set adjustment_id = :a where id = :id")
                    .param("a", a.id())
                    .param("id", id)
                    .update();
        } else if (cmd.outcome() == Outcome.CLOSE) {
            jdbc.sql("""
                    update credit_line set status = 'CLOSED', status_reason = 'REVIEW', status_detail = :note,
                           status_at = now(), version = version + 1 where id = :l""")
                    .param("note", cmd.note().length() > 300 ? cmd.note().substring(0, 300) : cmd.note())
                    .param("l", lineId)
                    .update();
        }
        audit.record(
                "CREDIT_ANNUAL_REVIEW",
                "credit_line",
                lineId,
                null,
                Map.of("year", cmd.year(), "outcome", cmd.outcome().name()));
        return of(lineId).get(0);
    }

    /** The reviews of a line (in scope), newest year first. */
    @Transactional(readOnly = true)
    public List<Review> of(long lineId) {
        lines.get(lineId);
        return jdbc.sql("select * from credit_review where line_id = :l order by year desc")
                .param("l", lineId)
                .query((rs, n) -> new Review(
                        rs.getLong("id"),
                        rs.getLong("line_id"),
                        rs.getInt("year"),
                        Outcome.valueOf(rs.getString("outcome")),
                        rs.getString("note"),
                        (Long) rs.getObject("adjustment_id"),
                        rs.getString("staff_name"),
                        rs.getTimestamp("at").toInstant()))
                .list();
    }
}
