package sunshine.check;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * Published (synchronously, inside the fixing transaction) when the final pre-credit list of an area or a panel
 * is fixed after the checks (issue 6 point 6). Only the households that may receive credit are items; the
 * approval chain (R26) starts from here.
 *
 * @param areaId the area fixed, or null when a whole panel was fixed
 * @param panelId the panel fixed, or null when an area was fixed
 */
public record FinalListFixed(
        long finalListId,
        long bankId,
        long branchId,
        Long areaId,
        Long panelId,
        long fixedBy,
        Instant fixedAt,
        List<Item> items) {

    /**
     * One household on the final list.
     *
     * @param aggregationId the review_aggregation row the amount came from (its explanation, R19-R21)
     */
    public record Item(long householdId, long areaId, BigDecimal amount, String grade, long aggregationId) {}
}
