package sunshine.review.aggregation;

/** Where the suggested mean lies against the band of 1.1-1.5 × net income (R20); the bounds count as within. */
public enum BandPosition {
    WITHIN,
    /** Above the band: cut to the cap. */
    ABOVE,
    /** Below the band: flagged, the amount is kept. */
    BELOW
}
