package sunshine.publicity;

import java.time.Instant;
import java.util.List;

/**
 * A complaint or objection in the log (R33), with its steps. The phone is the caller's, for the call back. An
 * objection from the public page about a line of the village's notice names that line ({@code noticeLineName}): it
 * also entered the notice's objections (R27).
 */
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
        String noticeLineName,
        List<Step> steps) {

    public record Step(ComplaintStatus status, String note, String staffName, String assigneeName, Instant at) {}
}
