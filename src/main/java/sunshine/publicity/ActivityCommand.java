package sunshine.publicity;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** A publicity activity in an area (R34): day, method, materials used, who did it, households reached. */
public record ActivityCommand(
        @NotNull LocalDate heldOn,
        @NotNull PublicityMethod method,
        @Size(max = 300) String materials,
        @NotBlank @Size(max = 200) String staffNames,
        @NotNull @Min(0) Integer householdsReached) {}
