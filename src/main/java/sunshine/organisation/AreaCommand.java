package sunshine.organisation;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/** Create or edit an area and its survey figures (R2). Amounts in yuan. */
public record AreaCommand(
        @NotNull Long branchId,
        @NotNull AreaKind kind,
        @Pattern(regexp = "^$|^\\d{12}$") String divisionCode,
        @Size(max = 60) String townshipName,
        @NotBlank @Size(max = 100) String name,
        Long managerId,
        @NotNull @Min(0) Integer actualHouseholds,
        @NotNull @Min(0) Integer businessHouseholds,
        @NotNull @Min(0) Integer loanCertCount,

        @NotNull @DecimalMin("0") @Digits(integer = 16, fraction = 2)
        BigDecimal loanCertAmount,

        @NotNull @Min(0) Integer badLoanCount,

        @NotNull @DecimalMin("0") @Digits(integer = 16, fraction = 2)
        BigDecimal badLoanAmount,

        Integer version) {}
