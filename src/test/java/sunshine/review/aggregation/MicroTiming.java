package sunshine.review.aggregation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MicroTiming {
    @Test
    void time() {
        RuleSet rules = RuleSet.defaults(1);
        Random rnd = new Random(1);
        List<List<Estimate>> hs = new ArrayList<>();
        for (int h = 0; h < 100_000; h++) {
            List<Estimate> l = new ArrayList<>();
            for (int s = 1; s <= 5; s++) {
                l.add(new Estimate(
                        s,
                        h * 5L + s,
                        99L,
                        BigDecimal.valueOf(rnd.nextInt(10_000_000), 2),
                        BigDecimal.valueOf(rnd.nextInt(10_000_000), 2),
                        BigDecimal.valueOf(rnd.nextInt(10_000_000), 2),
                        BigDecimal.valueOf(rnd.nextInt(10_000_000), 2),
                        BigDecimal.valueOf(rnd.nextInt(100) * 100000L, 2),
                        false,
                        3L,
                        4L));
            }
            hs.add(l);
        }
        HouseholdFile f = new HouseholdFile(40, "FARMER", "LOCAL", 3);
        for (int round = 0; round < 5; round++) {
            long t = System.nanoTime();
            long len = 0;
            for (int h = 0; h < hs.size(); h++) {
                AggregationResult r = Aggregation.aggregate(rules, h, hs.get(h), f);
                len += r.explanation().toJson().length();
            }
            long t2 = System.nanoTime();
            for (int h = 0; h < hs.size(); h++) {
                Aggregation.aggregate(rules, h, hs.get(h), f);
            }
            long t3 = System.nanoTime();
            System.out.printf(
                    "MICRO total %d ms, aggregate only %d ms, avg json %d%n",
                    (t2 - t) / 1_000_000, (t3 - t2) / 1_000_000, len / hs.size());
        }
    }
}
