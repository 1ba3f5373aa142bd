package sunshine.panel;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/** Record a training session (R14): the day, the content, the trainer and the panel members who attended. */
public record TrainingCommand(
        @NotNull Long branchId,
        @NotNull LocalDate heldOn,
        @NotBlank @Size(max = 500) String content,
        @NotBlank @Size(max = 50) String trainer,
        @Size(max = 100) String place,
        List<Long> memberIds,
        Integer version) {}
