package sunshine.review;

import java.util.HashMap;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import sunshine.shared.FunnelStep;

/** The review module's steps of the campaign funnel (issue 8): 30 reviewed and 40 pre-credited, per area. */
@Configuration
class ReviewFunnelSteps {

    /** 30: households with a current result (complete or back to the panel); no amount. */
    @Bean
    FunnelStep reviewedStep(JdbcClient jdbc) {
        return step(jdbc, 30, "results.funnel.reviewed", "true", "0");
    }

    /** 40: households on the pre-credit list, with the proposed amount. */
    @Bean
    FunnelStep preCreditedStep(JdbcClient jdbc) {
        return step(
                jdbc, 40, "results.funnel.preCredited", "status = 'COMPLETE' and eligible and amount > 0", "amount");
    }

    /** {@code condition} and {@code amount} are constant SQL of this class. */
    private static FunnelStep step(JdbcClient jdbc, int order, String key, String condition, String amount) {
        return new FunnelStep() {
            @Override
            public int order() {
                return order;
            }

            @Override
            public String messageKey() {
                return key;
            }

            @Override
            public Map<Long, Count> byArea(long bankId) {
                Map<Long, Count> counts = new HashMap<>();
                jdbc.sql("select area_id, count(*), coalesce(sum(" + amount + "), 0) from review_pre_credit"
                                + " where bank_id = :b and " + condition + " group by area_id")
                        .param("b", bankId)
                        .query((rs, n) -> counts.put(rs.getLong(1), new Count(rs.getLong(2), rs.getBigDecimal(3))))
                        .list();
                return counts;
            }
        };
    }
}
