package sunshine.review;

import java.time.Instant;

/**
 * One member's filled-in copy as typed in (R17, R18): which printed version and copy it is, its member, who keyed
 * it and when, who verified it and when. source: PAPER (typed from the paper) or WORKBOOK (uploaded xlsx).
 */
public record EstimateCopy(
        long id,
        long panelId,
        long branchId,
        long printId,
        int version,
        int copyNo,
        Long memberId,
        String memberName,
        Long ownHouseholdId,
        EstimateStatus status,
        String source,
        long keyedBy,
        String keyedByName,
        Instant keyedAt,
        Long verifiedBy,
        String verifiedByName,
        Instant verifiedAt) {

    /** The label printed on the copy, e.g. P42-V3-C2. */
    public String label() {
        return new BookletLabel(panelId, version, copyNo).toString();
    }
}
