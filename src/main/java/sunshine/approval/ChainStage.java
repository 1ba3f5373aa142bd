package sunshine.approval;

import java.math.BigDecimal;
import sunshine.shared.Role;

/**
 * One stage of a bank's chain: who decides there and, when {@code aboveAmount} is set, that the stage applies only to
 * cases whose amount is above it (routing by amount).
 */
public record ChainStage(int position, Stage stage, Role role, BigDecimal aboveAmount) {

    public boolean appliesTo(BigDecimal amount) {
        return aboveAmount == null || amount.compareTo(aboveAmount) > 0;
    }
}
