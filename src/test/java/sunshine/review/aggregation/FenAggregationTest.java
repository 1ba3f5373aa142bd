package sunshine.review.aggregation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The batch's arithmetic in whole fen against {@link Aggregation} (whose results the worked-example tests check
 * against the rules): for tens of thousands of generated households under several rule sets, including ties,
 * zeros, blanks, "do not recommend", own households, 2-7 estimates out of seat order, amounts up to the largest
 * allowed, unusual multiples, units, bands, weights and thresholds, the fen path either declines (and
 * Aggregation is used) or gives the same columns and byte for byte the same explanation JSON.
 */
class FenAggregationTest {

    private static final Figure[] FIGURES = Figure.values();

    static List<RuleSet> ruleSets() {
        RuleSet defaults = RuleSet.defaults(7);
        return List.of(
                defaults,
                defaults.withMoney("1.05", "1.25", "500", "250000").withPolicy(FewerThanFive.FOUR_OR_MORE),
                defaults.withMoney("1.1", "1.5", "0.01", "99999999.99"),
                defaults.withMoney("1.10", "1.500", "1000.00", "300000.000"),
                defaults.withMoney("0.5", "9.99", "0.5", "1000")
                        .withPolicy(FewerThanFive.FIVE_REQUIRED)
                        .withRating(oddTable(), List.of("B", "C")),
                defaults.withMoney("1", "1", "100", "5000000").withRating(oddTable(), List.of()));
    }

    /** Every factor, bands starting between fen and below zero, points and weights with decimals. */
    static RatingTable oddTable() {
        Map<String, BigDecimal> types = new LinkedHashMap<>();
        types.put("FARMER", new BigDecimal("33.33"));
        types.put("PUBLIC_STAFF", new BigDecimal("100"));
        Map<String, BigDecimal> residence = new LinkedHashMap<>();
        residence.put("LOCAL", new BigDecimal("12.5"));
        return new RatingTable(
                List.of(
                        number(Factor.NET_INCOME, "0.11", "0:0", "20000.005:40.5", "50000:70"),
                        number(Factor.GROSS_INCOME, "0.07", "0.001:10", "30000:99.99"),
                        number(Factor.ASSETS, "0.09", "-5:1", "100000.1:50"),
                        number(Factor.LIABILITIES, "0.05", "0:100", "50000:20"),
                        number(Factor.NET_WORTH, "0.13", "-1000.5:5", "0:30", "300000:80"),
                        number(Factor.DEBT_RATIO, "0.15", "0:100", "33.335:70", "50:40", "80.01:0"),
                        number(Factor.NOT_RECOMMENDED, "0.1", "0:100", "1:50", "2:0"),
                        number(Factor.AGE, "0.08", "18:60", "25.5:100", "66:30"),
                        number(Factor.HOUSEHOLD_SIZE, "0.07", "1:20", "3:80"),
                        new RatingFactor(Factor.CUSTOMER_TYPE, new BigDecimal("0.1"), List.of(), types),
                        new RatingFactor(Factor.RESIDENCE, new BigDecimal("0.05"), List.of(), residence)),
                List.of(
                        new RatingTable.Grade("AAA", new BigDecimal("90.001")),
                        new RatingTable.Grade("A", new BigDecimal("72.505")),
                        new RatingTable.Grade("B", new BigDecimal("50")),
                        new RatingTable.Grade("C", BigDecimal.ZERO)));
    }

    private static RatingFactor number(Factor factor, String weight, String... bands) {
        List<RatingFactor.Band> list = new ArrayList<>();
        for (String b : bands) {
            String[] p = b.split(":");
            list.add(new RatingFactor.Band(new BigDecimal(p[0]), new BigDecimal(p[1])));
        }
        return new RatingFactor(factor, new BigDecimal(weight), list, Map.of());
    }

    @Test
    void sameResultAndExplanationAsAggregation() {
        Random random = new Random(20261126);
        int households = 0;
        int fast = 0;
        int refused = 0;
        for (RuleSet rules : ruleSets()) {
            FenAggregation fen = FenAggregation.of(rules);
            assertThat(fen).as("rules held in fen: %s", rules).isNotNull();
            for (int k = 0; k < 12_000; k++) {
                long household = 1000 + k;
                FenAggregation.Inputs in = new FenAggregation.Inputs();
                fill(in, household, random);
                HouseholdFile file = random.nextInt(10) == 0 ? null : file(random);
                FenAggregation.Result f = fen.aggregate(household, in, file);
                AggregationResult expected;
                try {
                    expected = Aggregation.aggregate(rules, household, in.estimates(), file);
                } catch (IllegalArgumentException e) {
                    assertThat(f)
                            .as("Aggregation refuses household %d: %s", household, e.getMessage())
                            .isNull();
                    refused++;
                    continue;
                }
                households++;
                if (f == null) {
                    continue;
                }
                fast++;
                assertSame(f, expected);
            }
        }
        // the generator's awkward cases are a minority: nearly every valid household must take the fen path
        assertThat(fast).isGreaterThan(households * 95 / 100);
        assertThat(refused).isPositive();
    }

    @Test
    void amountsNotInFenAndDuplicatesGoToAggregation() {
        RuleSet rules = RuleSet.defaults(7);
        FenAggregation fen = FenAggregation.of(rules);
        for (String odd : new String[] {"-1.00", "1.005", "100000000000000"}) {
            FenAggregation.Inputs in = new FenAggregation.Inputs();
            for (int s = 1; s <= 5; s++) {
                int i = in.add(s, s, FenAggregation.NULL, false, 1, 2);
                for (Figure f : FIGURES) {
                    in.figure(i, f, 100_000);
                }
            }
            in.figure(2, Figure.ASSETS, new BigDecimal(odd));
            assertThat(fen.aggregate(1, in, null)).isNull();
            assertThatThrownBy(() -> Aggregation.aggregate(rules, 1, in.estimates(), null))
                    .isInstanceOf(IllegalArgumentException.class);
        }
        FenAggregation.Inputs twice = new FenAggregation.Inputs();
        for (int s : new int[] {1, 2, 3, 3}) {
            int i = twice.add(s, 10 + twice.size(), FenAggregation.NULL, false, 1, 2);
            for (Figure f : FIGURES) {
                twice.figure(i, f, 100_000);
            }
        }
        assertThat(fen.aggregate(1, twice, null)).isNull();
        assertThatThrownBy(() -> Aggregation.aggregate(rules, 1, twice.estimates(), null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static void assertSame(FenAggregation.Result f, AggregationResult expected) {
        String what = "household " + expected.householdId();
        assertThat(json(f)).as(what).isEqualTo(ExplanationJson.write(expected));
        assertThat(f.complete()).as(what).isEqualTo(expected.status() == AggregationStatus.COMPLETE);
        for (Figure fig : FIGURES) {
            assertThat(decimal(f.mean(fig))).as(what + " " + fig).isEqualTo(expected.mean(fig));
        }
        assertThat(decimal(f.proposedAmount())).as(what).isEqualTo(expected.proposedAmount());
        assertThat(decimal(f.score())).as(what).isEqualTo(expected.score());
        assertThat(f.band()).as(what).isEqualTo(expected.band());
        assertThat(f.grade()).as(what).isEqualTo(expected.grade());
        assertThat(f.eligible()).as(what).isEqualTo(expected.eligible());
    }

    private static String json(FenAggregation.Result f) {
        StringBuilder b = new StringBuilder();
        f.appendJson(b);
        return b.toString();
    }

    /** Hundredths as the BigDecimal the columns get (scale 2), null for none. */
    private static BigDecimal decimal(long v) {
        return v == FenAggregation.NULL ? null : BigDecimal.valueOf(v, 2);
    }

    private static void fill(FenAggregation.Inputs in, long household, Random random) {
        int n = 2 + random.nextInt(6);
        List<Integer> seats = new ArrayList<>();
        for (int s = 1; s <= n; s++) {
            seats.add(s);
        }
        java.util.Collections.shuffle(seats, random);
        if (random.nextInt(200) == 0) {
            seats.set(n - 1, seats.get(0)); // the same copy twice: refused
        }
        boolean ties = random.nextBoolean();
        long base = 1_000_000L + random.nextInt(50_000_000);
        for (int seat : seats) {
            int i = in.add(
                    seat,
                    household * 10 + seat,
                    random.nextInt(10) == 0 ? household : random.nextInt(5) == 0 ? FenAggregation.NULL : 77,
                    random.nextInt(8) == 0,
                    random.nextInt(10) == 0 ? FenAggregation.NULL : random.nextInt(40),
                    random.nextInt(10) == 0 ? FenAggregation.NULL : 40 + random.nextInt(40));
            for (Figure f : FIGURES) {
                in.figure(i, f, amount(random, ties, base, f));
            }
        }
    }

    private static long amount(Random random, boolean ties, long base, Figure f) {
        int r = random.nextInt(100);
        if (r < 6) {
            return FenAggregation.NULL;
        }
        if (r < 9) {
            return 0;
        }
        if (r == 9) {
            return 9_999_999_999_999_999L - random.nextInt(1000); // up to the largest amount an estimate may have
        }
        if (ties) {
            long[] few = {100, 12_345, 50_000, 50_000, 100_000};
            return few[random.nextInt(few.length)] * (f == Figure.SUGGESTED ? 100 : 10);
        }
        long scaled = base * (f == Figure.ASSETS ? 5 : f == Figure.GROSS_INCOME ? 2 : 1);
        return scaled / 2 + Math.floorMod(random.nextLong(), scaled); // any fen, so means round at every place
    }

    private static HouseholdFile file(Random random) {
        String[] types = {null, "FARMER", "INDIVIDUAL_BUSINESS", "PUBLIC_STAFF", "COMMUNITY_RESIDENT"};
        String[] residences = {null, "LOCAL", "NON_LOCAL"};
        return new HouseholdFile(
                random.nextInt(8) == 0 ? null : 16 + random.nextInt(60),
                types[random.nextInt(types.length)],
                residences[random.nextInt(residences.length)],
                random.nextInt(8) == 0 ? null : 1 + random.nextInt(8));
    }
}
