package sunshine.approval;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Published (synchronously, inside the approving transaction) when a household's limit has passed the whole
 * approval chain (R26) and, in PUBLIC mode, its notice has been posted (R27). The latest event of a household
 * replaces any earlier one. No contract may be signed before {@code grantableFrom}: the posting date plus the
 * notice period in PUBLIC mode, the approval date in INTERNAL mode.
 *
 * @param amountShownToCustomer false in INTERNAL mode: the amount is never printed for the customer (R27)
 */
public record LimitApproved(
        long bankId,
        long householdId,
        long areaId,
        long approvalCaseId,
        BigDecimal amount,
        String grade,
        LocalDate grantableFrom,
        boolean amountShownToCustomer,
        Instant approvedAt) {}
