package sunshine.review.aggregation;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One row of a rating table (R21): a factor, its weight, and how its value turns into points (0-100). A number
 * scores the points of the band with the greatest {@code from} not above it (below every band: 0); a code scores
 * its listed points (unlisted: 0). A missing value scores 0.
 */
public record RatingFactor(Factor factor, BigDecimal weight, List<Band> bands, Map<String, BigDecimal> choices) {

    /** From this value upwards (until the next band), these points. */
    public record Band(BigDecimal from, BigDecimal points) {}

    static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public RatingFactor {
        if (factor == null || weight == null) {
            throw new InvalidRules("review.rules.error.factor", String.valueOf(factor));
        }
        bands = bands == null ? List.of() : List.copyOf(bands);
        choices = choices == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(choices));
        if (weight.signum() < 0
                || weight.compareTo(BigDecimal.ONE) > 0
                || weight.stripTrailingZeros().scale() > 2) {
            throw new InvalidRules("review.rules.error.weight", factor.name());
        }
        if (factor.isChoice()) {
            if (choices.isEmpty() || !bands.isEmpty()) {
                throw new InvalidRules("review.rules.error.choices", factor.name());
            }
            for (var e : choices.entrySet()) {
                if (!factor.codes().contains(e.getKey())) {
                    throw new InvalidRules("review.rules.error.code", factor.name(), e.getKey());
                }
                requirePoints(factor, e.getValue());
            }
        } else {
            if (bands.isEmpty() || !choices.isEmpty()) {
                throw new InvalidRules("review.rules.error.bands", factor.name());
            }
            BigDecimal previous = null;
            for (Band b : bands) {
                if (b == null
                        || b.from() == null
                        || (previous != null && b.from().compareTo(previous) <= 0)) {
                    throw new InvalidRules("review.rules.error.bands", factor.name());
                }
                requirePoints(factor, b.points());
                previous = b.from();
            }
        }
    }

    private static void requirePoints(Factor factor, BigDecimal points) {
        if (points == null
                || points.signum() < 0
                || points.compareTo(HUNDRED) > 0
                || points.stripTrailingZeros().scale() > 2) {
            throw new InvalidRules("review.rules.error.points", factor.name());
        }
    }

    /** Points for a number: the band with the greatest lower bound not above it; 0 below every band or missing. */
    public BigDecimal points(BigDecimal value) {
        BigDecimal points = BigDecimal.ZERO;
        if (value != null) {
            for (Band b : bands) {
                if (value.compareTo(b.from()) >= 0) {
                    points = b.points();
                }
            }
        }
        return points;
    }

    /** Points for a code: as listed, 0 when not listed or missing. */
    public BigDecimal points(String code) {
        return code == null ? BigDecimal.ZERO : choices.getOrDefault(code, BigDecimal.ZERO);
    }
}
