package sunshine.shared;

import java.math.BigDecimal;
import java.util.Map;

/**
 * One step of the campaign funnel (issue 8): people to file → filed → reviewed → pre-credited → approved →
 * contracted → drawn. Each stage's module contributes the step it owns as a bean; the dashboard orders them and
 * never reads another module's tables itself.
 */
public interface FunnelStep {

    /** Position in the funnel: 10 to file, 20 filed, 30 reviewed, 40 pre-credited, 50 approved, 60 contracted, 70 drawn. */
    int order();

    /** Message key of the step's name (Chinese first, English beside it). */
    String messageKey();

    /** Households (or people, for the first two steps) that have reached this step, and their amount, per area of the bank. */
    Map<Long, Count> byArea(long bankId);

    /** A count with the amount it carries (zero where a step has no amount). */
    record Count(long households, BigDecimal amount) {}
}
