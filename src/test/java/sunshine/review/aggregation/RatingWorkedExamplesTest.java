package sunshine.review.aggregation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * R21 worked by hand on the platform's starting rating table (RuleSet.defaultRating):
 * net income 0:0 / 20,000:40 / 50,000:70 / 100,000:100, weight 0.30;
 * net worth 0:30 / 100,000:60 / 300,000:80 / 500,000:100, weight 0.25;
 * debt ratio % 0:100 / 30:70 / 50:40 / 80:0, weight 0.15;
 * age 18:60 / 25:100 / 56:70 / 66:30, weight 0.10;
 * customer type farmer 80, individual business 90, small business owner 90, community resident 70, public
 * staff 100, weight 0.10; "do not recommend" copies 0:100 / 1:50 / 2:0, weight 0.10.
 * Grades AAA ≥ 90, AA ≥ 80, A ≥ 70, B ≥ 60, C ≥ 0; C gets no pre-credit.
 */
class RatingWorkedExamplesTest {

    static final RuleSet RULES = RuleSet.defaults(1);

    @Test
    void aFarmerFamilyGradesA() {
        // assets 200,000, liabilities 50,000, net 60,000 on every copy, age 40, farmer, nobody says no:
        // net income 60,000 → 70 × 0.30 = 21; net worth 150,000 → 60 × 0.25 = 15; debt ratio 25% → 100 × 0.15 =
        // 15; age 40 → 100 × 0.10 = 10; farmer → 80 × 0.10 = 8; 0 "no" → 100 × 0.10 = 10. 21+15+15+10+8+10 = 79 → A
        AggregationResult r = aggregate("200000", "50000", "60000", 0, new HouseholdFile(40, "FARMER", "LOCAL", 4));
        assertThat(r.score()).isEqualByComparingTo("79.00");
        assertThat(r.grade()).isEqualTo("A");
        assertThat(r.eligible()).isTrue();
        assertThat(points(r)).containsExactly("21", "15", "15", "10", "8", "10");
    }

    @Test
    void exactlyOnAThresholdTakesTheBetterGrade() {
        // net 100,000 → 100 × 0.30 = 30; net worth 500,000 (no debt) → 100 × 0.25 = 25; debt 0% → 15;
        // age 60 → 70 × 0.10 = 7; farmer → 8; one "no" → 50 × 0.10 = 5. Total 90.00 → AAA (90 and up)
        AggregationResult r = aggregate("500000", "0", "100000", 1, new HouseholdFile(60, "FARMER", "LOCAL", 3));
        assertThat(r.score()).isEqualByComparingTo("90.00");
        assertThat(r.grade()).isEqualTo("AAA");
    }

    @Test
    void aGradeTheBankExcludesIsIneligible_unknownFileFactorsScoreZero() {
        // assets 10,000, liabilities 20,000, net 20,000 (exactly on a band start), two of five say "no",
        // age unknown, public staff: net income → 40 × 0.30 = 12; net worth -10,000 (below every band) → 0;
        // debt ratio 200% → 0; age unknown → 0; public staff → 100 × 0.10 = 10; two "no" → 0. 22.00 → C
        AggregationResult r =
                aggregate("10000", "20000", "20000", 2, new HouseholdFile(null, "PUBLIC_STAFF", null, null));
        assertThat(r.score()).isEqualByComparingTo("22.00");
        assertThat(r.grade()).isEqualTo("C");
        assertThat(r.eligible()).isFalse();
        // the amount is still worked out and kept, so that the decision can be explained
        assertThat(r.proposedAmount()).isNotNull();
        assertThat(r.rating().factors().get(3).missing()).isTrue();
    }

    @Test
    void theDebtRatioIsRoundedToHundredthsBeforeTheTable() {
        // 89,984 / 300,000 = 29.99466…% → 29.99 → below 30 → 100 points; 89,999 / 300,000 = 29.99966…% → 30.00
        // → 70 points
        assertThat(Rating.debtRatio(new BigDecimal("300000.00"), new BigDecimal("89984.00")))
                .isEqualByComparingTo("29.99");
        assertThat(Rating.debtRatio(new BigDecimal("300000.00"), new BigDecimal("89999.00")))
                .isEqualByComparingTo("30.00");
        RatingFactor debt = RULES.rating().factors().get(2);
        assertThat(debt.points(new BigDecimal("29.99"))).isEqualByComparingTo("100");
        assertThat(debt.points(new BigDecimal("30.00"))).isEqualByComparingTo("70");
        // no assets: no debt is 0%, debt without assets has no ratio (scores 0)
        assertThat(Rating.debtRatio(new BigDecimal("0.00"), new BigDecimal("0.00")))
                .isEqualByComparingTo("0");
        assertThat(Rating.debtRatio(new BigDecimal("0.00"), new BigDecimal("1.00")))
                .isNull();
    }

    @Test
    void aBanksOwnTable_weightsAndPoints() {
        // one factor with weight 0.60 (household size 1:20 / 3:50 / 5:100) and residence with weight 0.40
        // (local 100, non-local 40); grades 优秀 ≥ 80, 较好 ≥ 50, 一般 ≥ 0, 一般 ineligible.
        // 4 members → 50 × 0.60 = 30; non-local → 40 × 0.40 = 16; 46.00 → 一般 → ineligible
        RatingTable table = new RatingTable(
                List.of(
                        new RatingFactor(
                                Factor.HOUSEHOLD_SIZE,
                                new BigDecimal("0.60"),
                                List.of(band("1", "20"), band("3", "50"), band("5", "100")),
                                Map.of()),
                        new RatingFactor(
                                Factor.RESIDENCE,
                                new BigDecimal("0.40"),
                                List.of(),
                                Map.of("LOCAL", new BigDecimal("100"), "NON_LOCAL", new BigDecimal("40")))),
                List.of(
                        new RatingTable.Grade("优秀", new BigDecimal("80")),
                        new RatingTable.Grade("较好", new BigDecimal("50")),
                        new RatingTable.Grade("一般", BigDecimal.ZERO)));
        RuleSet rules = RULES.withRating(table, List.of("一般"));
        AggregationResult r = Aggregation.aggregate(
                rules, 1, estimates("100000", "0", "50000", 0), new HouseholdFile(45, "FARMER", "NON_LOCAL", 4));
        assertThat(r.score()).isEqualByComparingTo("46.00");
        assertThat(r.grade()).isEqualTo("一般");
        assertThat(r.eligible()).isFalse();
        // 5 members → 100 × 0.60 = 60; local → 40; 100.00 → 优秀
        r = Aggregation.aggregate(
                rules, 1, estimates("100000", "0", "50000", 0), new HouseholdFile(45, "FARMER", "LOCAL", 5));
        assertThat(r.score()).isEqualByComparingTo("100.00");
        assertThat(r.grade()).isEqualTo("优秀");
        assertThat(r.eligible()).isTrue();
    }

    private static RatingFactor.Band band(String from, String points) {
        return new RatingFactor.Band(new BigDecimal(from), new BigDecimal(points));
    }

    private static List<String> points(AggregationResult r) {
        return r.rating().factors().stream()
                .map(f -> f.weighted().stripTrailingZeros().toPlainString())
                .toList();
    }

    private static AggregationResult aggregate(
            String assets, String liabilities, String net, int notRecommended, HouseholdFile file) {
        return Aggregation.aggregate(RULES, 1, estimates(assets, liabilities, net, notRecommended), file);
    }

    /** Five copies with the same figures; the first {@code notRecommended} say "do not recommend". */
    static List<Estimate> estimates(String assets, String liabilities, String net, int notRecommended) {
        List<Estimate> list = new ArrayList<>();
        for (int seat = 1; seat <= 5; seat++) {
            list.add(new Estimate(
                    seat,
                    seat,
                    null,
                    new BigDecimal(assets),
                    new BigDecimal(liabilities),
                    new BigDecimal(net).add(new BigDecimal("10000")),
                    new BigDecimal(net),
                    new BigDecimal(net),
                    seat <= notRecommended,
                    null,
                    null));
        }
        return list;
    }
}
