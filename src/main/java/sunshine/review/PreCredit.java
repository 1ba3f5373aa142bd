package sunshine.review;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A household's current aggregation result (review_pre_credit): on the pre-credit list when {@link #onList()}.
 * status: COMPLETE or BACK_TO_PANEL; band: WITHIN, ABOVE or BELOW R20's band (null when back to the panel).
 */
public record PreCredit(
        long aggregationId,
        long bankId,
        long householdId,
        long branchId,
        long areaId,
        String status,
        boolean eligible,
        BigDecimal amount,
        String grade,
        Instant computedAt,
        int ruleSetVersion,
        String band) {

    /** On the pre-credit list: complete, eligible and an amount above zero. */
    public boolean onList() {
        return "COMPLETE".equals(status) && eligible && amount != null && amount.signum() > 0;
    }
}
