package sunshine.dashboard;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;

/**
 * A bank's dashboard settings: R9's targets in percent (filing ÷ households to file, pre-credit ÷ eligible filed
 * households) and the credit term in months that the platform batch template states for every household (R28: one
 * term per campaign until approval decides one per household). {@code version} guards against lost updates.
 */
public record Targets(
        @NotNull @DecimalMin(value = "0.01") @DecimalMax("100")
        BigDecimal filing,

        @NotNull @DecimalMin(value = "0.01") @DecimalMax("100")
        BigDecimal preCredit,

        @NotNull @Min(1) @Max(120) Integer termMonths,
        Integer version) {

    public static final Targets DEFAULT = new Targets(new BigDecimal("95"), new BigDecimal("70"), 36, 0);
}
