package sunshine.approval;

import java.math.BigDecimal;

/**
 * A decision as asked: at which stage and on which version of the case the person saw (optimistic locking), what,
 * the new amount (CHANGE_AMOUNT), the earlier stage (REFER_BACK) and the reason (required except for APPROVE).
 */
public record DecisionCommand(
        Stage stage, int version, DecisionKind kind, BigDecimal amount, Stage referTo, String reason) {

    public static DecisionCommand approve(Stage stage, int version) {
        return new DecisionCommand(stage, version, DecisionKind.APPROVE, null, null, null);
    }
}
