package sunshine.review.aggregation;

/** A household's aggregation either has all five figures, or goes back to its panel (R19). */
public enum AggregationStatus {
    COMPLETE,
    /** Some figure has fewer valid estimates than the bank's minimum: no result, the panel reviews again. */
    BACK_TO_PANEL
}
