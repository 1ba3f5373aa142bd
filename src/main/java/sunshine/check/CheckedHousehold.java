package sunshine.check;

import java.util.List;

/**
 * A household the checks flag: removed from the list by bad records (R24, R7) and/or holding an older loan
 * certificate (R25). Members' IDs are masked.
 */
public record CheckedHousehold(
        long householdId,
        String branchName,
        String areaName,
        String representative,
        boolean removed,
        List<Reason> reasons,
        CertificatePolicy.Category certificate,
        List<Certificate> certificates) {

    /** One bad-record reason of one member, with the snapshot row that caused it (null for an exclusion). */
    public record Reason(
            BadRecordPolicy.Reason reason,
            String memberName,
            String residentIdMasked,
            Long snapshotId,
            Integer rowNo) {}

    /** One older certificate of one member and its R25 category. */
    public record Certificate(
            CertificatePolicy.Category category,
            String memberName,
            String residentIdMasked,
            long snapshotId,
            int rowNo) {}
}
