package sunshine.credit;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** A limit adjustment (R31) with its steps: requested by the branch, verified by HO business development, applied by HO credit. */
public record Adjustment(
        long id,
        long lineId,
        String contractNo,
        String certificateNo,
        String representative,
        String branchName,
        String areaName,
        BigDecimal oldLimit,
        BigDecimal newLimit,
        String reason,
        String evidence,
        Status status,
        int version,
        Instant createdAt,
        List<Step> steps) {

    public enum Status {
        REQUESTED,
        VERIFIED,
        APPLIED,
        REJECTED
    }

    /** One recorded step: who, when, what they said. */
    public record Step(Status status, String note, String staffName, Instant at) {}
}
