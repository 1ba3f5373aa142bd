package sunshine.publicity;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;

/**
 * Publicity coverage of one area against the 100% goal (R34): households reached (the sum over its activities,
 * never above the area's actual households) of the actual households.
 */
public record AreaPublicity(
        long areaId,
        String areaName,
        long branchId,
        String branchName,
        int actualHouseholds,
        int householdsReached,
        int activities,
        LocalDate lastHeldOn) {

    /** Percent reached, one decimal; an area with no households counts as reached once it had an activity. */
    public BigDecimal percent() {
        if (actualHouseholds == 0) {
            return activities > 0 ? BigDecimal.valueOf(100).setScale(1) : BigDecimal.ZERO.setScale(1);
        }
        return BigDecimal.valueOf(Math.min(householdsReached, actualHouseholds) * 100L)
                .divide(BigDecimal.valueOf(actualHouseholds), 1, RoundingMode.HALF_UP);
    }

    public String lastOnText() {
        return lastHeldOn == null ? "—" : lastHeldOn.toString();
    }

    /** R34: publicity must reach 100% of each area. */
    public boolean reachedGoal() {
        return percent().compareTo(BigDecimal.valueOf(100)) >= 0;
    }
}
