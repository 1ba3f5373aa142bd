package sunshine.review.aggregation;

import java.util.List;

/**
 * What a rating table can score (R21): the aggregated figures, figures derived from them, and facts from the
 * household's file. A {@code choice} factor scores a code (its allowed codes listed); the others a number.
 */
public enum Factor {
    NET_INCOME(false),
    GROSS_INCOME(false),
    ASSETS(false),
    LIABILITIES(false),
    /** Assets minus liabilities (may be negative). */
    NET_WORTH(false),
    /** Liabilities ÷ assets × 100, half up to 0.01; no value when assets are 0 and liabilities are not. */
    DEBT_RATIO(false),
    /** How many valid estimates said "do not recommend". */
    NOT_RECOMMENDED(false),
    /** The credit representative's age in whole years on the day of aggregation (from the file). */
    AGE(false),
    /** Members in the household (from the file). */
    HOUSEHOLD_SIZE(false),
    /** The representative's customer type (R4). */
    CUSTOMER_TYPE(true, "FARMER", "INDIVIDUAL_BUSINESS", "SMALL_BUSINESS_OWNER", "COMMUNITY_RESIDENT", "PUBLIC_STAFF"),
    /** Local, or non-local doing business here (R6). */
    RESIDENCE(true, "LOCAL", "NON_LOCAL");

    private final boolean choice;
    private final List<String> codes;

    Factor(boolean choice, String... codes) {
        this.choice = choice;
        this.codes = List.of(codes);
    }

    public boolean isChoice() {
        return choice;
    }

    /** The codes a choice factor may score. */
    public List<String> codes() {
        return codes;
    }
}
