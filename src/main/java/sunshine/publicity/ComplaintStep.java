package sunshine.publicity;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Working a complaint (R33): assign it (assigneeId), record a follow-up, or close it; a note says what was done. */
public record ComplaintStep(
        @NotNull ComplaintStatus status,
        Long assigneeId,
        @Size(max = 2000) String note) {}
