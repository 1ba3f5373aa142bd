package sunshine.check;

import java.math.BigDecimal;
import java.time.Instant;

/** A fixed final list (issue 6 point 6): of an area or a panel, who fixed it and when, how many, how much. */
public record FinalList(
        long id,
        long branchId,
        String branchName,
        Long areaId,
        Long panelId,
        String name,
        String fixedByName,
        Instant fixedAt,
        int households,
        BigDecimal totalAmount) {

    /** One household on it, with its final amount and the review result it came from. */
    public record Item(
            long householdId,
            long areaId,
            String areaName,
            String representative,
            String residentIdMasked,
            BigDecimal amount,
            String grade,
            long aggregationId) {}

    /**
     * A member of a household on the areas' pre-credit list that was left off: a bad-record reason (R24, as
     * {@link BadRecordPolicy.Reason}), EXCLUDED (R7) or AUDIT_OPEN, with the snapshot row that caused it.
     */
    public record LeftOff(
            long householdId,
            String reason,
            String memberName,
            String residentIdMasked,
            Long snapshotId,
            Integer rowNo) {}
}
