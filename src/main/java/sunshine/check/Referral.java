package sunshine.check;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * An audit referral (R23, issue 6 point 3): a case for head-office audit naming the branch, the account manager
 * and the customer (ID masked), with the finding, the evidence, an owner, a deadline, a status and a resolution.
 */
public record Referral(
        long id,
        long findingId,
        LedgerChecks.Kind kind,
        String loanNo,
        BigDecimal loanAmount,
        BigDecimal preCreditAmount,
        String branchReason,
        long snapshotId,
        int rowNo,
        String branchName,
        String managerNo,
        String managerName,
        String customerName,
        String residentIdMasked,
        Long householdId,
        String evidence,
        long ownerId,
        String ownerName,
        LocalDate deadline,
        Status status,
        String resolution,
        String referredByName,
        Instant referredAt,
        Instant closedAt,
        boolean overdue) {

    /** OPEN → INVESTIGATING → CLOSED (OPEN → CLOSED too); CLOSED needs a resolution. */
    public enum Status {
        OPEN,
        INVESTIGATING,
        CLOSED;

        public boolean canBecome(Status next) {
            return switch (this) {
                case OPEN -> next == INVESTIGATING || next == CLOSED;
                case INVESTIGATING -> next == CLOSED;
                case CLOSED -> false;
            };
        }
    }
}
