package sunshine.review.aggregation;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * One household aggregated and rated under one rule set version: every input (the estimates as keyed, with who
 * keyed and verified them), every figure's trimmed mean with what was dropped, the cap and rounding (R20), the
 * rating (R21) and whether the grade allows a pre-credit. {@link #explanation()} turns it into JSON and text.
 * {@code cap} and {@code rating} are null when the household goes back to its panel; {@code file} holds what the
 * rating took from the household's file.
 */
public record AggregationResult(
        long householdId,
        long bankId,
        int ruleSetVersion,
        FewerThanFive fewerThanFive,
        List<Estimate> estimates,
        Map<Figure, FigureResult> figures,
        AggregationStatus status,
        Cap cap,
        Rating rating,
        boolean eligible,
        HouseholdFile file) {

    public AggregationResult {
        estimates = List.copyOf(estimates);
        file = file == null ? HouseholdFile.UNKNOWN : file;
        figures = Collections.unmodifiableMap(new EnumMap<>(figures));
    }

    /** The trimmed mean of a figure, or null when it had too few estimates. */
    public BigDecimal mean(Figure figure) {
        FigureResult r = figures.get(figure);
        return r == null ? null : r.mean();
    }

    /** The proposed pre-credit amount (拟预授信金额) after cap, rounding and product maximum; null without result. */
    public BigDecimal proposedAmount() {
        return cap == null ? null : cap.proposed();
    }

    public BandPosition band() {
        return cap == null ? null : cap.position();
    }

    public String grade() {
        return rating == null ? null : rating.grade();
    }

    public BigDecimal score() {
        return rating == null ? null : rating.score();
    }

    /** Seats whose estimate is of the member's own household, and so not counted (R13). */
    public List<Integer> ownHouseholdSeats() {
        return estimates.stream()
                .filter(e -> e.isOwnHousehold(householdId))
                .map(Estimate::seat)
                .toList();
    }

    /** Seats of valid estimates that said "do not recommend" (counted as a suggested 0). */
    public List<Integer> notRecommendedSeats() {
        return estimates.stream()
                .filter(e -> e.doNotRecommend() && !e.isOwnHousehold(householdId))
                .map(Estimate::seat)
                .toList();
    }

    public Explanation explanation() {
        return new Explanation(this);
    }
}
