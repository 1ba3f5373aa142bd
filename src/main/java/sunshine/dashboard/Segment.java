package sunshine.dashboard;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import sunshine.customer.CustomerType;

/**
 * A CRM segment rule (R30) saved by head office: every criterion is optional and all given ones must hold, e.g.
 * farmers of one area with a limit and not excluded. {@code hasLimit}: the household is on the pre-credit list.
 */
public record Segment(
        Long id,
        @NotBlank @Size(max = 60) String name,
        CustomerType customerType,
        Long areaId,
        @Size(max = 10) String grade,
        Boolean hasLimit,
        Boolean excluded) {

    /** No criteria: everyone. */
    public static final Segment EVERYONE = new Segment(null, "全部客户", null, null, null, null, null);
}
