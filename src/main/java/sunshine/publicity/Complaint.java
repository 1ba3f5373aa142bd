package sunshine.publicity;

import java.time.Instant;
import java.util.List;

/** A complaint or objection in the log (R33), with its steps. The phone is the caller's, for the call back. */
public record Complaint(
        long id,
        long bankId,
        long branchId,
        String branchName,
        Long areaId,
        String areaName,
        String channel,
        String kind,
        String name,
        String phone,
        String content,
        ComplaintStatus status,
        Long assigneeId,
        String assigneeName,
        Instant receivedAt,
        Instant closedAt,
        int version,
        List<Step> steps) {

    public record Step(ComplaintStatus status, String note, String staffName, String assigneeName, Instant at) {}
}
