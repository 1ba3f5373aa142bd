package sunshine.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;
import sunshine.check.FinalListFixed;
import sunshine.shared.FunnelStep;

/**
 * Approval at size: a final list of a whole bank opening its cases (one per household), the same list fixed again
 * (every older case superseded), and funnel step 50 over all of them. Run with {@code ./bench approval 100000}.
 */
@Tag("benchmark")
@SpringBootTest(properties = "sunshine.demo.customers=0")
@ActiveProfiles("test")
class ApprovalBenchmark {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    List<FunnelStep> steps;

    @Test
    void finalListAtSize() {
        int households = Integer.getInteger("bench.rows", 20_000);
        long bank = jdbc.sql("select id from bank where code = 'ZQRCB'")
                .query(Long.class)
                .single();
        BenchData.generate(jdbc, bank, households, Math.max(2, households / 400));
        List<FinalListFixed.Item> items = jdbc.sql("""
                select h.id, h.area_id from household h join area a on a.id = h.area_id
                 where a.bank_id = :b and a.name like '基准村%' order by h.id""")
                .param("b", bank)
                .query((rs, n) -> new FinalListFixed.Item(
                        rs.getLong(1), rs.getLong(2), BigDecimal.valueOf(10_000 + n % 50 * 1000L), "AA", 0L))
                .list();
        long t = System.currentTimeMillis();
        tx.executeWithoutResult(s -> events.publishEvent(list(1_000_001L, bank, items)));
        long open = System.currentTimeMillis() - t;
        t = System.currentTimeMillis();
        tx.executeWithoutResult(s -> events.publishEvent(list(1_000_002L, bank, items)));
        long again = System.currentTimeMillis() - t;
        long live = jdbc.sql("select count(*) from approval_case where final_list_id = 1000002 and status = 'IN_CHAIN'")
                .query(Long.class)
                .single();
        assertThat(live).isEqualTo(items.size());
        jdbc.sql("update approval_case set status = 'APPROVED', stage = null where final_list_id = 1000002")
                .update();
        FunnelStep step =
                steps.stream().filter(s -> s.order() == 50).findFirst().orElseThrow();
        t = System.currentTimeMillis();
        long counted = step.byArea(bank).values().stream()
                .mapToLong(FunnelStep.Count::households)
                .sum();
        long funnel = System.currentTimeMillis() - t;
        assertThat(counted).isEqualTo(items.size());
        System.out.printf(Locale.ROOT, "APPROVAL households %,d%n", items.size());
        System.out.printf(Locale.ROOT, "APPROVAL open cases from a final list: %,d ms%n", open);
        System.out.printf(Locale.ROOT, "APPROVAL fix again (supersede + open): %,d ms%n", again);
        System.out.printf(Locale.ROOT, "APPROVAL funnel step 50 over all areas: %,d ms%n", funnel);
        Measure.record("approval: open the cases of a final list", items.size(), open, null, Measure.peakMb(), "-");
    }

    private static FinalListFixed list(long id, long bank, List<FinalListFixed.Item> items) {
        return new FinalListFixed(id, bank, 0L, null, null, 0L, Instant.now(), items);
    }
}
