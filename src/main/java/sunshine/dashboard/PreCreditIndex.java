package sunshine.dashboard;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import sunshine.shared.DataScope;

/**
 * The current review result of every household of the caller's bank (view {@code review_pre_credit}), held in
 * memory for one extract so that streamed customers (already scoped by {@link sunshine.customer.CustomerFeed}) are
 * matched without a query per row. Read live, not from the precomputed figures, so an extract is never behind. On the list (R9, STAGES):
 * COMPLETE, eligible and an amount above zero. These are the review's proposed amounts (the CRM extract's grade and
 * pre-credit columns); final approved limits come from credit's {@link sunshine.credit.HouseholdCredits}.
 */
@Component
class PreCreditIndex {

    /** A household's current result; {@code limit} is null when it is not on the pre-credit list. */
    record Result(String grade, BigDecimal limit, Instant computedAt) {}

    private final JdbcClient jdbc;
    private final DataScope scope;

    PreCreditIndex(JdbcClient jdbc, DataScope scope) {
        this.jdbc = jdbc;
        this.scope = scope;
    }

    Map<Long, Result> load() {
        Map<Long, Result> m = new HashMap<>();
        jdbc.sql("""
                        select p.household_id, p.grade,
                               case when p.status = 'COMPLETE' and p.eligible and p.amount > 0 then p.amount end,
                               p.computed_at
                          from review_pre_credit p where p.bank_id = :bank""").param("bank", scope.user().bankId()).withFetchSize(1000).query(rs -> {
            m.put(
                    rs.getLong(1),
                    new Result(
                            rs.getString(2),
                            rs.getBigDecimal(3),
                            rs.getTimestamp(4).toInstant()));
        });
        return m;
    }
}
