package sunshine.panel;

import java.time.LocalDate;
import java.util.List;

/** A training session for panel members (R14): when, what was covered, who trained, who attended. */
public record TrainingSession(
        long id,
        long branchId,
        String branchName,
        LocalDate heldOn,
        String content,
        String trainer,
        String place,
        int version,
        List<Attendee> attendees) {

    public record Attendee(long memberId, String name, long panelId, String panelName) {}

    public List<Long> memberIds() {
        return attendees.stream().map(Attendee::memberId).toList();
    }
}
