package sunshine.credit;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/** A branch's request to change a line's locked limit (R31), with the reason and the evidence it rests on. */
public record AdjustmentCommand(
        @NotNull @DecimalMin("0.01") @Digits(integer = 16, fraction = 2)
        BigDecimal newLimit,

        @NotBlank @Size(max = 1000) String reason,
        @NotBlank @Size(max = 1000) String evidence) {}
