package sunshine.customer;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import sunshine.shared.FunnelStep;

/**
 * The first two steps of the campaign funnel (issue 8), owned by filing: 10 the households to file (the areas'
 * survey figure of actual households, R2) and 20 the households filed (R9 counts households on both sides, so the
 * two steps divide into the filing coverage). No amounts.
 */
@Configuration(proxyBeanMethods = false)
class FilingFunnelSteps {

    @Bean
    FunnelStep toFileStep(JdbcClient jdbc) {
        return step(10, "dashboard.step.toFile", jdbc, """
                select a.id, a.actual_households from area a where a.bank_id = :bank and a.active""");
    }

    @Bean
    FunnelStep filedStep(JdbcClient jdbc) {
        return step(20, "dashboard.step.filed", jdbc, """
                select c.area_id, count(distinct c.household_id) from customer c where c.bank_id = :bank
                 group by c.area_id""");
    }

    private static FunnelStep step(int order, String key, JdbcClient jdbc, String sql) {
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
                jdbc.sql(sql).param("bank", bankId).query(rs -> {
                    counts.put(rs.getLong(1), new Count(rs.getLong(2), BigDecimal.ZERO));
                });
                return counts;
            }
        };
    }
}
