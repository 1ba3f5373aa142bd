package sunshine.credit;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A draw or repayment at the counter (R28: the loan certificate and the representative's ID card). The resident ID is
 * required for a draw; the date defaults to today.
 */
public record MovementCommand(
        @NotBlank String certificateNo,
        String residentId,

        @NotNull @DecimalMin("0.01") @Digits(integer = 16, fraction = 2)
        BigDecimal amount,

        LocalDate date) {}
