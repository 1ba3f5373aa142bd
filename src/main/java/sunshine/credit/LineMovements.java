package sunshine.credit;

import java.math.BigDecimal;
import java.time.LocalDate;
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
 * Draws and repayments of a revolving line (issue 7 point 4, R28): balance-controlled, borrow when needed, revolve.
 * A draw takes the limit's availability in one conditional UPDATE (the row's lock makes a second draw at the same
 * moment see the first one's balance), so no two draws can ever take a line past its limit.
 */
@Service
public class LineMovements {

    private final JdbcClient jdbc;
    private final DataScope scope;
    private final AuditLog audit;
    private final CreditLines lines;

    LineMovements(JdbcClient jdbc, DataScope scope, AuditLog audit, CreditLines lines) {
        this.jdbc = jdbc;
        this.scope = scope;
        this.audit = audit;
        this.lines = lines;
    }

    /** A draw at the counter: certificate number and the representative's resident ID. */
    @Transactional
    public Movement draw(MovementCommand cmd) {
        CreditLine line = lines.byCertificate(cmd.certificateNo());
        String id = cmd.residentId() == null ? "" : cmd.residentId().strip().toUpperCase();
        String actual = jdbc.sql("select resident_id from customer where id = :c")
                .param("c", line.representativeId())
                .query(String.class)
                .single();
        if (!actual.equals(id)) {
            throw new BusinessException("credit.error.idMismatch", line.certificateNo());
        }
        return move(line, Movement.Kind.DRAW, cmd.amount(), cmd.date(), "COUNTER", null);
    }

    /** A repayment at the counter: restores the line's availability (also on a frozen or closed line). */
    @Transactional
    public Movement repay(MovementCommand cmd) {
        return move(
                lines.byCertificate(cmd.certificateNo()),
                Movement.Kind.REPAYMENT,
                cmd.amount(),
                cmd.date(),
                "COUNTER",
                null);
    }

    /** Applies one movement to a line in scope; the caller holds the transaction. */
    Movement move(CreditLine line, Movement.Kind kind, BigDecimal amount, LocalDate date, String source, String txn) {
        if (amount == null || amount.signum() <= 0 || amount.scale() > 2) {
            throw new BusinessException("credit.error.amount");
        }
        LocalDate today = Today.date();
        LocalDate day = date == null ? today : date;
        if (day.isAfter(today)) {
            throw new BusinessException("credit.error.futureDate", day.toString());
        }
        BigDecimal after;
        if (kind == Movement.Kind.DRAW) {
            if (day.isBefore(line.termFrom()) || day.isAfter(line.termTo())) {
                throw BusinessException.conflict(
                        "credit.error.outsideTerm",
                        day.toString(),
                        line.termFrom().toString(),
                        line.termTo().toString());
            }
            // R28: balance-controlled; the condition is checked on the locked row, so concurrent draws serialise here
            after = jdbc.sql("""
                    update credit_line set outstanding = outstanding + :amt, drawn_total = drawn_total + :amt,
                           version = version + 1
                     where id = :id and status = 'ACTIVE' and limit_amount - outstanding >= :amt
                    returning outstanding""")
                    .param("amt", amount)
                    .param("id", line.id())
                    .query(BigDecimal.class)
                    .optional()
                    .orElseThrow(() -> refusal(line.id(), amount));
        } else {
            after = jdbc.sql("""
                    update credit_line set outstanding = outstanding - :amt, version = version + 1
                     where id = :id and outstanding >= :amt returning outstanding""")
                    .param("amt", amount)
                    .param("id", line.id())
                    .query(BigDecimal.class)
                    .optional()
                    .orElseThrow(() -> BusinessException.conflict(
                            "credit.error.repayTooMuch",
                            amount.toPlainString(),
                            current(line.id()).outstanding().toPlainString()));
        }
        CurrentUser u = scope.user();
        long id = jdbc.sql("""
                insert into credit_movement (bank_id, line_id, kind, amount, on_date, source, core_txn_id, staff_id,
                       outstanding_after)
                values (:b, :l, :k, :amt, :d, :src, :txn, :s, :after) returning id""")
                .param("b", line.bankId())
                .param("l", line.id())
                .param("k", kind.name())
                .param("amt", amount)
                .param("d", day)
                .param("src", source)
                .param("txn", txn)
                .param("s", u.staffId() > 0 ? u.staffId() : null)
                .param("after", after)
                .query(Long.class)
                .single();
        audit.record(
                "CREDIT_" + kind.name(),
                "credit_line",
                line.id(),
                null,
                Map.of(
                        "movement",
                        id,
                        "amount",
                        amount,
                        "date",
                        day.toString(),
                        "source",
                        source,
                        "outstanding",
                        after));
        return list(line.id()).get(0);
    }

    private record State(String status, String reason, BigDecimal limit, BigDecimal outstanding) {}

    private State current(long lineId) {
        return jdbc.sql("select status, status_reason, limit_amount, outstanding from credit_line where id = :id")
                .param("id", lineId)
                .query((rs, n) -> new State(rs.getString(1), rs.getString(2), rs.getBigDecimal(3), rs.getBigDecimal(4)))
                .single();
    }

    /** Why a draw was refused, read after the conditional update found nothing to do. */
    private BusinessException refusal(long lineId, BigDecimal amount) {
        State s = current(lineId);
        return switch (s.status()) {
            case "FROZEN" -> BusinessException.conflict("credit.error.frozen." + s.reason());
            case "CLOSED" -> BusinessException.conflict("credit.error.closed");
            default ->
                BusinessException.conflict(
                        "credit.error.notEnough",
                        amount.toPlainString(),
                        s.limit().subtract(s.outstanding()).toPlainString());
        };
    }

    /** The line's movements, newest first (the line must be in the caller's scope). */
    @Transactional(readOnly = true)
    public List<Movement> of(long lineId) {
        lines.get(lineId);
        return list(lineId);
    }

    private List<Movement> list(long lineId) {
        return jdbc.sql("""
                select m.*, s.name as staff_name from credit_movement m left join staff s on s.id = m.staff_id
                 where m.line_id = :l order by m.id desc limit 1000""")
                .param("l", lineId)
                .query((rs, n) -> new Movement(
                        rs.getLong("id"),
                        Movement.Kind.valueOf(rs.getString("kind")),
                        rs.getBigDecimal("amount"),
                        rs.getObject("on_date", LocalDate.class),
                        rs.getString("source"),
                        rs.getString("core_txn_id"),
                        rs.getString("staff_name"),
                        rs.getBigDecimal("outstanding_after"),
                        rs.getTimestamp("created_at").toInstant()))
                .list();
    }
}
