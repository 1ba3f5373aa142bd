package sunshine.review.aggregation;

/** The five columns a panel member fills in per household (R16), each aggregated on its own (R19). */
public enum Figure {
    ASSETS,
    LIABILITIES,
    GROSS_INCOME,
    NET_INCOME,
    SUGGESTED
}
