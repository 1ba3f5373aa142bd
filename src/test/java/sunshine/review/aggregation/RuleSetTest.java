package sunshine.review.aggregation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A rule set that could not be applied is refused with the rule it breaks. */
class RuleSetTest {

    static final RuleSet D = RuleSet.defaults(1);

    @Test
    void theDefaultsAreTheIssuesNumbers() {
        assertThat(D.fewerThanFive()).isEqualTo(FewerThanFive.THREE_OR_MORE);
        assertThat(D.bandLow()).isEqualByComparingTo("1.1");
        assertThat(D.bandHigh()).isEqualByComparingTo("1.5");
        assertThat(D.roundingUnit()).isEqualByComparingTo("1000");
        assertThat(D.ineligibleGrades()).containsExactly("C");
        assertThat(FewerThanFive.THREE_OR_MORE.minimum()).isEqualTo(3);
        assertThat(FewerThanFive.FIVE_REQUIRED.minimum()).isEqualTo(5);
    }

    @Test
    void moneySettings() {
        refused(() -> D.withMoney("1.6", "1.5", "1000", "300000"), "review.rules.error.band");
        refused(() -> D.withMoney("0", "1.5", "1000", "300000"), "review.rules.error.band");
        refused(() -> D.withMoney("1.15", "1.555", "1000", "300000"), "review.rules.error.band");
        refused(() -> D.withMoney("1.1", "1.5", "0", "300000"), "review.rules.error.unit");
        // the maximum must be a multiple of the unit, so rounding and limiting commute
        refused(() -> D.withMoney("1.1", "1.5", "1000", "300500"), "review.rules.error.maximum");
        assertThat(D.withMoney("1.2", "1.2", "500", "300500").bandHigh()).isEqualByComparingTo("1.2");
    }

    @Test
    void ratingTable() {
        RatingTable t = D.rating();
        // weights must add up to 1: 0.30 + 0.25 + 0.15 + 0.10 + 0.10 + 0.10 = 1.00; dropping one breaks it
        refused(
                () -> new RatingTable(t.factors().subList(1, t.factors().size()), t.grades()),
                "review.rules.error.weights");
        refused(
                () -> new RatingTable(List.of(t.factors().get(0), t.factors().get(0)), t.grades()),
                "review.rules.error.duplicateFactor");
        // grades must fall and end at 0
        refused(() -> new RatingTable(t.factors(), t.grades().subList(0, 4)), "review.rules.error.grades");
        refused(
                () -> new RatingTable(
                        t.factors(),
                        List.of(t.grades().get(1), t.grades().get(0), t.grades().get(4))),
                "review.rules.error.grades");
        refused(() -> D.withRating(t, List.of("D")), "review.rules.error.ineligible");
        refused(
                () -> new RatingFactor(
                        Factor.AGE,
                        new BigDecimal("0.1"),
                        List.of(
                                new RatingFactor.Band(BigDecimal.TEN, BigDecimal.ONE),
                                new RatingFactor.Band(BigDecimal.ONE, BigDecimal.ONE)),
                        null),
                "review.rules.error.bands");
        refused(
                () -> new RatingFactor(
                        Factor.AGE,
                        new BigDecimal("0.1"),
                        List.of(new RatingFactor.Band(BigDecimal.ONE, new BigDecimal("101"))),
                        null),
                "review.rules.error.points");
        refused(
                () -> new RatingFactor(
                        Factor.CUSTOMER_TYPE,
                        new BigDecimal("0.1"),
                        null,
                        java.util.Map.of("FISHERMAN", BigDecimal.ONE)),
                "review.rules.error.code");
        // ineligible grades are kept in the table's order, once
        assertThat(D.withRating(t, List.of("C", "B", "C")).ineligibleGrades()).containsExactly("B", "C");
    }

    private static void refused(Runnable r, String key) {
        assertThatThrownBy(r::run)
                .isInstanceOfSatisfying(
                        InvalidRules.class, e -> assertThat(e.messageKey()).isEqualTo(key));
    }
}
