package sunshine.approval;

import java.time.LocalDate;

/**
 * An objection to a posted line (R27): who raised it, how it came in, what it says, and how it was closed; one raised on
 * the public page names the complaint it came from (R33).
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
        int version,
        Long complaintId) {}
