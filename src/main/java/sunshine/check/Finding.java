package sunshine.check;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A ledger finding (R23) as shown: the loan, the lending branch and its account manager, the borrower (ID
 * masked), the household's pre-credit amount (R19-R21, explained on the review page) and the snapshot row that is
 * the evidence; the branch's reason and head office's decision.
 */
public record Finding(
        long id,
        LedgerChecks.Kind kind,
        Status status,
        String loanNo,
        long branchId,
        String branchName,
        String managerNo,
        String managerName,
        Long customerId,
        String customerName,
        String residentIdMasked,
        Long householdId,
        Long areaId,
        String areaName,
        BigDecimal loanAmount,
        BigDecimal balance,
        BigDecimal preCreditAmount,
        Long aggregationId,
        long snapshotId,
        int rowNo,
        String reason,
        String explainedByName,
        Instant explainedAt,
        String decidedByName,
        Instant decidedAt,
        String decisionNote,
        Instant foundAt,
        Long referralId) {

    /** OPEN: no reason yet (holds up the area's final list); then EXPLAINED; then ACCEPTED or REFERRED. */
    public enum Status {
        OPEN,
        EXPLAINED,
        ACCEPTED,
        REFERRED
    }
}
