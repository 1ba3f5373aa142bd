package sunshine.credit;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The latest approved limit of a household (from {@code approval.LimitApproved}), withdrawn or not. A contract may
 * be signed from {@code grantableFrom} on while it is not withdrawn.
 */
public record GrantableLimit(
        long householdId,
        long bankId,
        long areaId,
        String areaName,
        String representative,
        long approvalCaseId,
        BigDecimal amount,
        String grade,
        LocalDate grantableFrom,
        boolean amountShown,
        boolean withdrawn,
        String withdrawnReason) {

    /** Whether a contract may be signed on the day (R27: the notice period has passed). */
    public boolean grantableOn(LocalDate day) {
        return !withdrawn && !day.isBefore(grantableFrom);
    }
}
