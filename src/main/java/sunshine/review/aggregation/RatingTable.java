package sunshine.review.aggregation;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The bank's rating table (评级表, R21): weighted factors whose weights add up to 1, so the score runs from 0 to
 * 100, and grade thresholds from the best grade down, the last starting at 0 so every score gets a grade.
 */
public record RatingTable(List<RatingFactor> factors, List<Grade> grades) {

    /** A grade for scores from {@code minScore} up to the next better grade's threshold. */
    public record Grade(String name, BigDecimal minScore) {}

    public RatingTable {
        factors = factors == null ? List.of() : List.copyOf(factors);
        grades = grades == null ? List.of() : List.copyOf(grades);
        if (factors.isEmpty()) {
            throw new InvalidRules("review.rules.error.noFactors");
        }
        Set<Factor> seen = EnumSet.noneOf(Factor.class);
        BigDecimal weights = BigDecimal.ZERO;
        for (RatingFactor f : factors) {
            if (!seen.add(f.factor())) {
                throw new InvalidRules(
                        "review.rules.error.duplicateFactor", f.factor().name());
            }
            weights = weights.add(f.weight());
        }
        if (weights.compareTo(BigDecimal.ONE) != 0) {
            throw new InvalidRules("review.rules.error.weights", weights.toPlainString());
        }
        if (grades.isEmpty()) {
            throw new InvalidRules("review.rules.error.grades");
        }
        Set<String> names = new HashSet<>();
        BigDecimal previous = null;
        for (Grade g : grades) {
            if (g == null
                    || g.name() == null
                    || !g.name().matches("[\\p{L}\\p{N}+-]{1,10}")
                    || !names.add(g.name())
                    || g.minScore() == null
                    || g.minScore().signum() < 0
                    || g.minScore().compareTo(RatingFactor.HUNDRED) > 0
                    || (previous != null && g.minScore().compareTo(previous) >= 0)) {
                throw new InvalidRules("review.rules.error.grades");
            }
            previous = g.minScore();
        }
        if (previous.signum() != 0) {
            throw new InvalidRules("review.rules.error.grades");
        }
    }

    /** The best grade whose threshold the score reaches. */
    public String grade(BigDecimal score) {
        for (Grade g : grades) {
            if (score.compareTo(g.minScore()) >= 0) {
                return g.name();
            }
        }
        return grades.get(grades.size() - 1).name();
    }

    public List<String> gradeNames() {
        return grades.stream().map(Grade::name).toList();
    }
}
