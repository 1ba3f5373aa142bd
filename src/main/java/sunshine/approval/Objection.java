package sunshine.approval;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * An objection to a posted line (R27): who raised it, how it came in, what it says, who took up its investigation
 * (when, with what note), and how it was closed; one raised on the public page names the complaint it came from
 * (R33). Status OPEN, INVESTIGATING, then KEPT, REVISED or REMOVED.
 */
public record Objection(
        long id,
        long noticeId,
        long caseId,
        String householdName,
        String objector,
        String receivedVia,
        String content,
        LocalDate receivedOn,
        String status,
        String outcome,
        String investigatedBy,
        OffsetDateTime investigatedAt,
        String investigationNote,
        int version,
        Long complaintId) {

    /** Raised on the public page without a name: shown as an anonymous member of the public and the complaint's number. */
    public boolean anonymous() {
        return (objector == null || objector.isBlank()) && complaintId != null;
    }

    /** Not closed yet: recorded or under investigation (the line stays withdrawn). */
    public boolean pending() {
        return "OPEN".equals(status) || "INVESTIGATING".equals(status);
    }
}
