package sunshine.credit;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A signed credit contract with its loan certificate and the revolving line it opens (R28). Available = limit -
 * outstanding. The representative's resident ID is masked.
 */
public record CreditLine(
        long id,
        long bankId,
        long branchId,
        String branchName,
        long areaId,
        String areaName,
        long householdId,
        long representativeId,
        String representative,
        String residentIdMasked,
        String contractNo,
        String certificateNo,
        BigDecimal limit,
        BigDecimal outstanding,
        BigDecimal drawnTotal,
        String grade,
        BigDecimal annualRate,
        LocalDate termFrom,
        LocalDate termTo,
        String guarantee,
        LocalDate signedOn,
        String signedBy,
        Status status,
        String statusReason,
        String statusDetail,
        boolean amountShown,
        int version) {

    /** ACTIVE: draws allowed; FROZEN: a bad record or an exclusion (R28), repayments only; CLOSED: expired or closed. */
    public enum Status {
        ACTIVE,
        FROZEN,
        CLOSED
    }

    @com.fasterxml.jackson.annotation.JsonProperty("available")
    public BigDecimal available() {
        return limit.subtract(outstanding);
    }
}
