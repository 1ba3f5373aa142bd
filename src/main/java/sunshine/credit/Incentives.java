package sunshine.credit;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import sunshine.shared.BusinessException;
import sunshine.shared.DataScope;

/**
 * The panels' incentives (issue 7 point 8, R15): per area and period, the new loan certificates issued and what is
 * due to the village committee and to the assistant (协理员): count × the bank's amount per certificate (default 6
 * and 5 yuan), as business expenses.
 */
@Service
public class Incentives {

    /** One area's line: how many certificates, each amount as count × fee. */
    public record AreaLine(
            long areaId,
            String areaName,
            String branchName,
            long certificates,
            BigDecimal villageCommittee,
            BigDecimal assistant) {

        @com.fasterxml.jackson.annotation.JsonProperty("total")
        public BigDecimal total() {
            return villageCommittee.add(assistant);
        }
    }

    /** The sheet of a period: the fees it used, the lines, the totals. */
    public record Sheet(
            LocalDate from,
            LocalDate to,
            BigDecimal villageCommitteeFee,
            BigDecimal assistantFee,
            List<AreaLine> areas,
            long certificates,
            BigDecimal villageCommittee,
            BigDecimal assistant) {

        @com.fasterxml.jackson.annotation.JsonProperty("total")
        public BigDecimal total() {
            return villageCommittee.add(assistant);
        }
    }

    private final JdbcClient jdbc;
    private final DataScope scope;
    private final CreditSettings settings;

    Incentives(JdbcClient jdbc, DataScope scope, CreditSettings settings) {
        this.jdbc = jdbc;
        this.scope = scope;
        this.settings = settings;
    }

    /** Certificates issued (signed) from..to inclusive in the caller's scope, per area with any. */
    @Transactional(readOnly = true)
    public Sheet sheet(LocalDate from, LocalDate to) {
        if (from == null || to == null || to.isBefore(from)) {
            throw new BusinessException("credit.error.period");
        }
        CreditSettings.Settings s = settings.of(scope.user().bankId());
        List<AreaLine> lines = jdbc.sql("""
                select a.id, a.name, b.name, count(*)
                  from credit_line l join area a on a.id = l.area_id join branch b on b.id = l.branch_id
                 where l.signed_on between :from and :to and %s
                 group by a.id, a.name, b.name order by b.name, a.name""".formatted(scope.condition("b")))
                .params(scope.params())
                .param("from", from)
                .param("to", to)
                .query((rs, n) -> {
                    long count = rs.getLong(4);
                    BigDecimal c = BigDecimal.valueOf(count);
                    return new AreaLine(
                            rs.getLong(1),
                            rs.getString(2),
                            rs.getString(3),
                            count,
                            s.villageCommitteeFee().multiply(c),
                            s.assistantFee().multiply(c));
                })
                .list();
        long total = lines.stream().mapToLong(AreaLine::certificates).sum();
        BigDecimal t = BigDecimal.valueOf(total);
        return new Sheet(
                from,
                to,
                s.villageCommitteeFee(),
                s.assistantFee(),
                lines,
                total,
                s.villageCommitteeFee().multiply(t),
                s.assistantFee().multiply(t));
    }
}
