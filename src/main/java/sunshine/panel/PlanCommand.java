package sunshine.panel;

import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** The planned dates of an area and its responsible account manager (R3); a null manager keeps the current one. */
public record PlanCommand(
        LocalDate plannedRating,
        LocalDate plannedGranting,
        LocalDate plannedCertificates,
        Long managerId,
        @Size(max = 200) String note,
        Integer version) {}
