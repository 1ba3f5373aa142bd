package sunshine.approval;

import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import sunshine.shared.FunnelStep;

/**
 * Funnel step 50, approved: households whose limit passed the whole chain and was not rejected, removed or sent back
 * (approved, waiting for the notice, or under an objection), with the approved amount, per area.
 */
@Component
class ApprovedStep implements FunnelStep {

    private final JdbcClient jdbc;

    ApprovedStep(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public int order() {
        return 50;
    }

    @Override
    public String messageKey() {
        return "approval.funnel.approved";
    }

    @Override
    public Map<Long, Count> byArea(long bankId) {
        return jdbc
                .sql("""
                select area_id, count(*), sum(amount) from approval_case
                 where bank_id = :b and status in ('APPROVED', 'AWAITING_NOTICE', 'OBJECTED') group by area_id""")
                .param("b", bankId)
                .query((rs, n) -> Map.entry(rs.getLong(1), new Count(rs.getLong(2), rs.getBigDecimal(3))))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
