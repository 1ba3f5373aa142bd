package sunshine.review.aggregation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 5 point 11: worked examples written from the rule text (R13, R17, R19, R20), not from the code. Each
 * example gives the suggested and net figures of each booklet copy, and the expected result worked out by hand
 * in the comment beside it. Unless an example says otherwise the bank's rules are the defaults: fewer than five
 * → THREE_OR_MORE (4: mean of the middle two, 3: median, fewer: back to the panel), band 1.1-1.5 × net income,
 * rounding unit 1,000, product maximum 300,000. Means are half up to the fen; the amount is rounded down.
 */
class AggregationWorkedExamplesTest {

    static final long HOUSEHOLD = 500;

    /** One booklet copy: suggested and net income (the other figures are fixed, see {@link #estimate}). */
    record Copy(int seat, String suggested, String net, boolean doNotRecommend, boolean ownHousehold) {}

    record Example(
            String name,
            RuleSet rules,
            List<Copy> copies,
            AggregationStatus status,
            String suggestedMean,
            String netMean,
            Integer droppedLowSeat,
            Integer droppedHighSeat,
            BandPosition band,
            String proposed) {

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Example> examples() {
        RuleSet d = RuleSet.defaults(1);
        List<Example> x = new ArrayList<>();
        // five distinct: drop 50,000 (1) and 90,000 (5); (60,000 + 70,000 + 80,000) / 3 = 210,000 / 3 = 70,000.00
        // net 50,000 → band 55,000 … 75,000: within; rounded down to 1,000: 70,000
        x.add(ok5(
                "five, within the band",
                d,
                five("50000", "60000", "70000", "80000", "90000"),
                same5("50000"),
                "70000.00",
                "50000.00",
                1,
                5,
                BandPosition.WITHIN,
                "70000.00"));
        // the example: 50,000 / 60,000 / 60,000 / 70,000 / 90,000; drop 50,000 (1) and 90,000 (5);
        // 190,000 / 3 = 63,333.333… → 63,333.33; net 40,000 → cap 1.5 × 40,000 = 60,000: above, cut to 60,000
        x.add(ok5(
                "above the band: cut to the cap",
                d,
                five("50000", "60000", "60000", "70000", "90000"),
                same5("40000"),
                "63333.33",
                "40000.00",
                1,
                5,
                BandPosition.ABOVE,
                "60000.00"));
        // ties at the top: 80,000 (1), 80,000 (2), 60,000 (3), 80,000 (4), 40,000 (5); exactly one 80,000 goes
        // (the last in seat order, copy 4) and 40,000 (5); (60,000 + 80,000 + 80,000) / 3 = 73,333.33
        // net 60,000 → band 66,000 … 90,000: within; rounded down: 73,000 (dropping every 80,000 would give 60,000)
        x.add(ok5(
                "ties: exactly one highest dropped",
                d,
                five("80000", "80000", "60000", "80000", "40000"),
                same5("60000"),
                "73333.33",
                "60000.00",
                5,
                4,
                BandPosition.WITHIN,
                "73000.00"));
        // all five equal: drop one 50,000 each way (copy 1 lowest, copy 5 highest); 150,000 / 3 = 50,000
        // net 40,000 → band 44,000 … 60,000: within
        x.add(ok5(
                "all equal",
                d,
                five("50000", "50000", "50000", "50000", "50000"),
                same5("40000"),
                "50000.00",
                "40000.00",
                1,
                5,
                BandPosition.WITHIN,
                "50000.00"));
        // zeros: 0 (1), 0 (2), 30,000, 40,000, 50,000; drop one 0 (copy 1) and 50,000 (5);
        // (0 + 30,000 + 40,000) / 3 = 23,333.33; net 30,000 → floor 33,000: below, flagged, kept; → 23,000
        x.add(ok5(
                "zeros, below the band: flagged and kept",
                d,
                five("0", "0", "30000", "40000", "50000"),
                same5("30000"),
                "23333.33",
                "30000.00",
                1,
                5,
                BandPosition.BELOW,
                "23000.00"));
        // do not recommend: copy 2 wrote 80,000 but "do not recommend" → counts 0. Counted: 60,000, 0, 60,000,
        // 70,000, 65,000; drop 0 (2) and 70,000 (4); (60,000 + 60,000 + 65,000) / 3 = 185,000 / 3 = 61,666.666…
        // → 61,666.67; net 50,000 → 55,000 … 75,000: within; → 61,000
        x.add(ok(
                "do not recommend counts as 0",
                d,
                List.of(
                        c(1, "60000", "50000"),
                        dnr(2, "80000", "50000"),
                        c(3, "60000", "50000"),
                        c(4, "70000", "50000"),
                        c(5, "65000", "50000")),
                "61666.67",
                "50000.00",
                2,
                4,
                BandPosition.WITHIN,
                "61000.00"));
        // four valid: copy 3 estimated the member's own household (200,000, net 90,000): not counted (R13).
        // Suggested 40,000 (1), 50,000 (2), 60,000 (4), 90,000 (5): drop 40,000 and 90,000; 110,000 / 2 = 55,000
        // net: four × 50,000 → 50,000; floor 1.1 × 50,000 = 55,000: exactly on the floor counts as within
        x.add(ok(
                "own household not counted; four: middle two; on the floor is within",
                d,
                List.of(
                        c(1, "40000", "50000"),
                        c(2, "50000", "50000"),
                        own(3, "200000", "90000"),
                        c(4, "60000", "50000"),
                        c(5, "90000", "50000")),
                "55000.00",
                "50000.00",
                1,
                5,
                BandPosition.WITHIN,
                "55000.00"));
        // four copies, half a fen: 10,000.01 (1), 10,000.02 (2), 10,000.00 (3), 10,000.05 (4); drop 10,000.00 (3)
        // and 10,000.05 (4); (10,000.01 + 10,000.02) / 2 = 10,000.015 → half up 10,000.02;
        // net 8,000 → 8,800 … 12,000: within; rounded down to 1,000: 10,000
        x.add(ok(
                "four: half a fen rounds up",
                d,
                List.of(
                        c(1, "10000.01", "8000"),
                        c(2, "10000.02", "8000"),
                        c(3, "10000.00", "8000"),
                        c(4, "10000.05", "8000")),
                "10000.02",
                "8000.00",
                3,
                4,
                BandPosition.WITHIN,
                "10000.00"));
        // three: the median. Suggested 30,000 (1), 90,000 (2), 45,000 (3) → drop 30,000 and 90,000, median 45,000;
        // net 35,000, 30,000, 40,000 → median 35,000; band 38,500 … 52,500: within
        x.add(ok(
                "three: the median",
                d,
                List.of(c(1, "30000", "35000"), c(2, "90000", "30000"), c(3, "45000", "40000")),
                "45000.00",
                "35000.00",
                1,
                2,
                BandPosition.WITHIN,
                "45000.00"));
        // two valid (the third is of the member's own household): fewer than 3 → back to the panel
        x.add(back(
                "two valid: back to the panel",
                d,
                List.of(c(1, "30000", "35000"), c(2, "90000", "30000"), own(3, "45000", "40000"))));
        // the bank requires five: four copies → back to the panel
        x.add(back(
                "four when the bank requires five",
                d.withPolicy(FewerThanFive.FIVE_REQUIRED),
                List.of(
                        c(1, "50000", "50000"),
                        c(2, "60000", "50000"),
                        c(3, "70000", "50000"),
                        c(4, "80000", "50000"))));
        // the bank requires four: three copies → back to the panel
        x.add(back(
                "three when the bank requires four",
                d.withPolicy(FewerThanFive.FOUR_OR_MORE),
                List.of(c(1, "30000", "35000"), c(2, "90000", "30000"), c(3, "45000", "40000"))));
        // the bank requires four: four copies are enough → (60,000 + 70,000) / 2 = 65,000; net 50,000: within
        x.add(ok(
                "four when the bank requires four",
                d.withPolicy(FewerThanFive.FOUR_OR_MORE),
                List.of(c(1, "50000", "50000"), c(2, "60000", "50000"), c(3, "70000", "50000"), c(4, "80000", "50000")),
                "65000.00",
                "50000.00",
                1,
                4,
                BandPosition.WITHIN,
                "65000.00"));
        // a cap that is not a whole fen: net 33,333.33 → cap 1.5 × 33,333.33 = 49,999.995; suggested 100,000 is
        // above, cut to 49,999.995, rounded down to 1,000: 49,000
        x.add(ok5(
                "cap not in whole fen, then rounded down",
                d,
                same5("100000"),
                same5("33333.33"),
                "100000.00",
                "33333.33",
                1,
                5,
                BandPosition.ABOVE,
                "49000.00"));
        // exactly on the cap: 1.5 × 40,000 = 60,000 = the suggested mean: within, not cut
        x.add(ok5(
                "exactly on the cap is within",
                d,
                same5("60000"),
                same5("40000"),
                "60000.00",
                "40000.00",
                1,
                5,
                BandPosition.WITHIN,
                "60000.00"));
        // rounding at the boundary: 63,999.99 rounds down to 63,000; 64,000.00 stays 64,000 (net 50,000: within)
        x.add(ok5(
                "one fen below a unit rounds down a whole unit",
                d,
                same5("63999.99"),
                same5("50000"),
                "63999.99",
                "50000.00",
                1,
                5,
                BandPosition.WITHIN,
                "63000.00"));
        x.add(ok5(
                "a whole unit stays",
                d,
                same5("64000"),
                same5("50000"),
                "64000.00",
                "50000.00",
                1,
                5,
                BandPosition.WITHIN,
                "64000.00"));
        // product maximum: 400,000 with net 300,000 (band 330,000 … 450,000) is within, rounded 400,000, then
        // limited to the product maximum 300,000
        x.add(ok5(
                "limited by the product maximum",
                d,
                same5("400000"),
                same5("300000"),
                "400000.00",
                "300000.00",
                1,
                5,
                BandPosition.WITHIN,
                "300000.00"));
        // exactly the product maximum: 300,000 with net 250,000 (275,000 … 375,000): not limited
        x.add(ok5(
                "exactly the product maximum",
                d,
                same5("300000"),
                same5("250000"),
                "300000.00",
                "250000.00",
                1,
                5,
                BandPosition.WITHIN,
                "300000.00"));
        // no net income: band 0 … 0; 10,000 is above → cut to 0
        x.add(ok5(
                "no net income: nothing",
                d,
                same5("10000"),
                same5("0"),
                "10000.00",
                "0.00",
                1,
                5,
                BandPosition.ABOVE,
                "0.00"));
        // the bank's own settings: band 1.2-2.0, unit 5,000, maximum 200,000. 90,000 / 95,000 / 100,000 /
        // 110,000 / 150,000: drop 90,000 and 150,000; 305,000 / 3 = 101,666.666… → 101,666.67;
        // net 60,000 → 72,000 … 120,000: within; rounded down to 5,000: 100,000
        x.add(ok5(
                "a bank's own band, unit and maximum",
                d.withMoney("1.2", "2.0", "5000", "200000"),
                five("90000", "95000", "100000", "110000", "150000"),
                same5("60000"),
                "101666.67",
                "60000.00",
                1,
                5,
                BandPosition.WITHIN,
                "100000.00"));
        // a panel of six (staff only): still one highest and one lowest: (20,000 + … + 50,000) / 4 = 35,000;
        // net 30,000 → 33,000 … 45,000: within
        x.add(ok(
                "six copies: one highest and one lowest",
                d,
                List.of(
                        c(1, "10000", "30000"),
                        c(2, "20000", "30000"),
                        c(3, "30000", "30000"),
                        c(4, "40000", "30000"),
                        c(5, "50000", "30000"),
                        c(6, "60000", "30000")),
                "35000.00",
                "30000.00",
                1,
                6,
                BandPosition.WITHIN,
                "35000.00"));
        return x.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void workedExample(Example x) {
        List<Estimate> estimates =
                x.copies().stream().map(AggregationWorkedExamplesTest::estimate).toList();
        AggregationResult r = Aggregation.aggregate(x.rules(), HOUSEHOLD, estimates, HouseholdFile.UNKNOWN);

        assertThat(r.status()).isEqualTo(x.status());
        if (x.status() == AggregationStatus.BACK_TO_PANEL) {
            assertThat(r.proposedAmount()).isNull();
            assertThat(r.grade()).isNull();
            assertThat(r.eligible()).isFalse();
            return;
        }
        assertThat(r.mean(Figure.SUGGESTED)).isEqualTo(new BigDecimal(x.suggestedMean()));
        assertThat(r.mean(Figure.NET_INCOME)).isEqualTo(new BigDecimal(x.netMean()));
        FigureResult s = r.figures().get(Figure.SUGGESTED);
        assertThat(s.droppedLow().seat()).as("copy dropped as lowest").isEqualTo(x.droppedLowSeat());
        assertThat(s.droppedHigh().seat()).as("copy dropped as highest").isEqualTo(x.droppedHighSeat());
        assertThat(r.band()).isEqualTo(x.band());
        assertThat(r.proposedAmount()).isEqualTo(new BigDecimal(x.proposed()));
        assertThat(r.ruleSetVersion()).isEqualTo(x.rules().version());
    }

    // --- building the examples

    private static Example ok(
            String name,
            RuleSet rules,
            List<Copy> copies,
            String suggestedMean,
            String netMean,
            int low,
            int high,
            BandPosition band,
            String proposed) {
        return new Example(
                name, rules, copies, AggregationStatus.COMPLETE, suggestedMean, netMean, low, high, band, proposed);
    }

    /** Five (or as many) copies from a column of suggested amounts and a column of net incomes. */
    private static Example ok5(
            String name,
            RuleSet rules,
            List<String> suggested,
            List<String> nets,
            String suggestedMean,
            String netMean,
            int low,
            int high,
            BandPosition band,
            String proposed) {
        List<Copy> copies = new ArrayList<>();
        for (int i = 0; i < suggested.size(); i++) {
            copies.add(c(i + 1, suggested.get(i), nets.get(i)));
        }
        return ok(name, rules, copies, suggestedMean, netMean, low, high, band, proposed);
    }

    private static Example back(String name, RuleSet rules, List<Copy> copies) {
        return new Example(name, rules, copies, AggregationStatus.BACK_TO_PANEL, null, null, null, null, null, null);
    }

    private static List<String> five(String... amounts) {
        return List.of(amounts);
    }

    private static List<String> same5(String amount) {
        return List.of(amount, amount, amount, amount, amount);
    }

    static Copy c(int seat, String suggested, String net) {
        return new Copy(seat, suggested, net, false, false);
    }

    static Copy dnr(int seat, String suggested, String net) {
        return new Copy(seat, suggested, net, true, false);
    }

    static Copy own(int seat, String suggested, String net) {
        return new Copy(seat, suggested, net, false, true);
    }

    /** Assets 200,000, liabilities 20,000, gross income 100,000 on every copy: they do not matter here. */
    static Estimate estimate(Copy c) {
        return new Estimate(
                c.seat(),
                1000 + c.seat(),
                c.ownHousehold() ? HOUSEHOLD : 900L + c.seat(),
                new BigDecimal("200000"),
                new BigDecimal("20000"),
                new BigDecimal("100000"),
                new BigDecimal(c.net()),
                new BigDecimal(c.suggested()),
                c.doNotRecommend(),
                7L,
                8L);
    }
}
