package sunshine.dashboard;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.math.RoundingMode;
import sunshine.shared.PublicityReach;

/**
 * One line of the coverage board (R9): a bank, branch, account manager or area with the households to file (the
 * survey figure), filed, eligible (filed, representative not excluded), on the pre-credit list and its amount.
 * Filing coverage = filed ÷ to file; pre-credit coverage = pre-credited ÷ eligible. Publicity coverage (R34) =
 * households reached by publicity ÷ households, against the fixed 100% goal ({@link PublicityReach}).
 */
public record CoverageLine(
        Long id,
        String name,
        String parentName,
        long toFile,
        long filed,
        long eligible,
        long preCredited,
        BigDecimal preCreditAmount,
        long publicityReached,
        long publicityHouseholds) {

    /** A line without publicity figures. */
    public CoverageLine(
            Long id,
            String name,
            String parentName,
            long toFile,
            long filed,
            long eligible,
            long preCredited,
            BigDecimal preCreditAmount) {
        this(id, name, parentName, toFile, filed, eligible, preCredited, preCreditAmount, 0, 0);
    }

    @JsonProperty
    public BigDecimal filingPercent() {
        return percent(filed, toFile);
    }

    @JsonProperty
    public BigDecimal preCreditPercent() {
        return percent(preCredited, eligible);
    }

    @JsonProperty
    public BigDecimal publicityPercent() {
        return percent(publicityReached, publicityHouseholds);
    }

    /** R34: publicity must reach 100% of each area. */
    public boolean meetsPublicity() {
        return publicityPercent() != null
                && publicityPercent().compareTo(BigDecimal.valueOf(PublicityReach.GOAL_PERCENT)) >= 0;
    }

    /** Households publicity has still to reach for the 100% goal. */
    public long publicityShortfall() {
        return Math.max(0, publicityHouseholds - publicityReached);
    }

    /** Households still to file to reach the target (rounded up), zero when met. */
    public long filingShortfall(BigDecimal target) {
        return shortfall(toFile, filed, target);
    }

    public long preCreditShortfall(BigDecimal target) {
        return shortfall(eligible, preCredited, target);
    }

    public boolean meetsFiling(BigDecimal target) {
        return filingPercent() != null && filingPercent().compareTo(target) >= 0;
    }

    public boolean meetsPreCredit(BigDecimal target) {
        return preCreditPercent() != null && preCreditPercent().compareTo(target) >= 0;
    }

    /** Percent with one decimal; null when there is nothing to divide by. */
    static BigDecimal percent(long part, long whole) {
        if (whole == 0) {
            return null;
        }
        return BigDecimal.valueOf(part * 100L).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
    }

    static long shortfall(long whole, long part, BigDecimal target) {
        long needed = target.multiply(BigDecimal.valueOf(whole))
                .divide(BigDecimal.valueOf(100), 0, RoundingMode.CEILING)
                .longValue();
        return Math.max(0, needed - part);
    }
}
