package sunshine.credit;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import sunshine.shared.FunnelStep;

/**
 * The credit module's steps of the campaign funnel: 60 contracted (households whose line is not closed, with their
 * limits) and 70 drawn (households whose line has an outstanding balance or any draw, with the total drawn).
 */
@Configuration
class CreditFunnel {

    @Bean
    FunnelStep contractedStep(JdbcClient jdbc) {
        return step(jdbc, 60, "credit.funnel.contracted", """
                select area_id, count(distinct household_id), coalesce(sum(limit_amount), 0) from credit_line
                 where bank_id = :b and status <> 'CLOSED' group by area_id""");
    }

    @Bean
    FunnelStep drawnStep(JdbcClient jdbc) {
        return step(jdbc, 70, "credit.funnel.drawn", """
                select area_id, count(distinct household_id), coalesce(sum(drawn_total), 0) from credit_line
                 where bank_id = :b and (outstanding > 0 or drawn_total > 0) group by area_id""");
    }

    private static FunnelStep step(JdbcClient jdbc, int order, String key, String sql) {
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
                Map<Long, Count> result = new HashMap<>();
                jdbc.sql(sql)
                        .param("b", bankId)
                        .query((rs, n) -> {
                            BigDecimal amount = rs.getBigDecimal(3);
                            result.put(rs.getLong(1), new Count(rs.getLong(2), amount));
                            return null;
                        })
                        .list();
                return result;
            }
        };
    }
}
