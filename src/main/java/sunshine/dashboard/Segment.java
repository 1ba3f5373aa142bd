package sunshine.dashboard;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import sunshine.customer.CustomerType;

/**
 * A CRM segment rule (R30) saved by head office: every criterion is optional and all given ones must hold, e.g.
 * farmers of one area with a limit and not excluded. {@code hasLimit}: the household is on the pre-credit list;
 * {@code hasLine}: it holds an open credit line (active or frozen); {@code noDrawMonths}: it made no draw in that many
 * months up to today (never drawn counts), e.g. "farmers with a limit but no draw in 6 months" is FARMER, hasLimit,
 * noDrawMonths 6. Usage comes from the credit module ({@link sunshine.credit.HouseholdCredits}).
 */
public record Segment(
        Long id,
        @NotBlank @Size(max = 60) String name,
        CustomerType customerType,
        Long areaId,
        @Size(max = 10) String grade,
        Boolean hasLimit,
        Boolean excluded,
        Boolean hasLine,
        @Min(1) @Max(120) Integer noDrawMonths) {

    /** No criteria: everyone. */
    public static final Segment EVERYONE = new Segment(null, "全部客户", null, null, null, null, null, null, null);
}
