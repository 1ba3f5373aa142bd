package sunshine.dashboard;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * One line of the coverage board (R9): a bank, branch, account manager or area with the households to file (the
 * survey figure), filed, eligible (filed, representative not excluded), on the pre-credit list and its amount.
 * Filing coverage = filed ÷ to file; pre-credit coverage = pre-credited ÷ eligible.
 */
public record CoverageLine(
        Long id,
        String name,
        String parentName,
        long toFile,
        long filed,
        long eligible,
        long preCredited,
        BigDecimal preCreditAmount) {

    @JsonProperty
    public BigDecimal filingPercent() {
        return percent(filed, toFile);
    }

    @JsonProperty
    public BigDecimal preCreditPercent() {
        return percent(preCredited, eligible);
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
