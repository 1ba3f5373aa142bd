package sunshine.review.aggregation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * R21: each factor's value → points (0-100) × weight; the score is their sum, half up to 0.01; the grade is the
 * best one whose threshold the score reaches. The points of every factor are kept.
 */
public record Rating(List<FactorScore> factors, BigDecimal score, String grade) {

    /** One factor: its value (a number or a code; both null when unknown), points, weight and weighted points. */
    public record FactorScore(
            Factor factor, BigDecimal number, String code, BigDecimal points, BigDecimal weight, BigDecimal weighted) {

        public boolean missing() {
            return number == null && code == null;
        }
    }

    public Rating {
        factors = List.copyOf(factors);
    }

    public static Rating rate(
            RatingTable table, Map<Figure, BigDecimal> means, int notRecommended, HouseholdFile file) {
        List<FactorScore> scores = new ArrayList<>(table.factors().size());
        BigDecimal sum = BigDecimal.ZERO;
        for (RatingFactor f : table.factors()) {
            FactorScore s;
            if (f.factor().isChoice()) {
                String code = code(f.factor(), file);
                BigDecimal points = f.points(code);
                s = new FactorScore(f.factor(), null, code, points, f.weight(), points.multiply(f.weight()));
            } else {
                BigDecimal value = number(f.factor(), means, notRecommended, file);
                BigDecimal points = f.points(value);
                s = new FactorScore(f.factor(), value, null, points, f.weight(), points.multiply(f.weight()));
            }
            scores.add(s);
            sum = sum.add(s.weighted());
        }
        BigDecimal score = sum.setScale(2, RoundingMode.HALF_UP);
        return new Rating(scores, score, table.grade(score));
    }

    static BigDecimal number(Factor factor, Map<Figure, BigDecimal> means, int notRecommended, HouseholdFile file) {
        return switch (factor) {
            case NET_INCOME -> means.get(Figure.NET_INCOME);
            case GROSS_INCOME -> means.get(Figure.GROSS_INCOME);
            case ASSETS -> means.get(Figure.ASSETS);
            case LIABILITIES -> means.get(Figure.LIABILITIES);
            case NET_WORTH -> means.get(Figure.ASSETS).subtract(means.get(Figure.LIABILITIES));
            case DEBT_RATIO -> debtRatio(means.get(Figure.ASSETS), means.get(Figure.LIABILITIES));
            case NOT_RECOMMENDED -> BigDecimal.valueOf(notRecommended);
            case AGE -> file.representativeAge() == null ? null : BigDecimal.valueOf(file.representativeAge());
            case HOUSEHOLD_SIZE -> file.members() == null ? null : BigDecimal.valueOf(file.members());
            case CUSTOMER_TYPE, RESIDENCE -> throw new IllegalArgumentException(factor + " is a choice");
        };
    }

    /** Liabilities ÷ assets × 100, half up to 0.01; no assets: 0 without liabilities, unknown with them. */
    static BigDecimal debtRatio(BigDecimal assets, BigDecimal liabilities) {
        if (assets.signum() == 0) {
            return liabilities.signum() == 0 ? BigDecimal.ZERO.setScale(2) : null;
        }
        return liabilities.multiply(RatingFactor.HUNDRED).divide(assets, 2, RoundingMode.HALF_UP);
    }

    static String code(Factor factor, HouseholdFile file) {
        return switch (factor) {
            case CUSTOMER_TYPE -> file.customerType();
            case RESIDENCE -> file.residence();
            default -> throw new IllegalArgumentException(factor + " is a number");
        };
    }
}
