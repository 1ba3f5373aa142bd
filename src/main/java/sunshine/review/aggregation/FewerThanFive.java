package sunshine.review.aggregation;

/**
 * The bank's rule for a figure with fewer than five valid estimates (R19, issue 5). The method never changes:
 * drop exactly one highest and one lowest and average the rest (five: the middle three; four: the middle two;
 * three: what is left is the median). The policy only says how many valid estimates are enough; with fewer, the
 * figure has no result and the household goes back to its panel.
 */
public enum FewerThanFive {
    /** Four: mean of the middle two; three: the median; two or fewer: back to the panel (the rule). */
    THREE_OR_MORE(3),
    /** Four: mean of the middle two; three or fewer: back to the panel. */
    FOUR_OR_MORE(4),
    /** Only five (or more) count, as seed 003 §5.3.2 reads; fewer: back to the panel. */
    FIVE_REQUIRED(5);

    private final int minimum;

    FewerThanFive(int minimum) {
        this.minimum = minimum;
    }

    /** The fewest valid estimates a figure needs for a result. */
    public int minimum() {
        return minimum;
    }
}
