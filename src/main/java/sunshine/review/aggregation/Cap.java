package sunshine.review.aggregation;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * R20, in this order: the suggested mean against the band {@code bandLow × net} … {@code bandHigh × net}
 * (computed exactly, no rounding); above the band it is cut to the cap, below it is flagged and kept; then
 * rounded down to the bank's unit; then limited by the product maximum (a multiple of the unit).
 */
public record Cap(
        BigDecimal suggestedMean,
        BigDecimal netMean,
        BigDecimal bandLow,
        BigDecimal bandHigh,
        BigDecimal lowAmount,
        BigDecimal highAmount,
        BandPosition position,
        BigDecimal afterCap,
        BigDecimal unit,
        BigDecimal afterRounding,
        BigDecimal productMaximum,
        BigDecimal proposed) {

    public static Cap apply(RuleSet rules, BigDecimal suggestedMean, BigDecimal netMean) {
        BigDecimal low = netMean.multiply(rules.bandLow());
        BigDecimal high = netMean.multiply(rules.bandHigh());
        BandPosition position;
        BigDecimal afterCap;
        if (suggestedMean.compareTo(high) > 0) {
            position = BandPosition.ABOVE;
            afterCap = high;
        } else if (suggestedMean.compareTo(low) < 0) {
            position = BandPosition.BELOW;
            afterCap = suggestedMean;
        } else {
            position = BandPosition.WITHIN;
            afterCap = suggestedMean;
        }
        BigDecimal unit = rules.roundingUnit();
        // amounts are never negative here, so dropping the fraction of amount ÷ unit rounds down
        BigDecimal rounded =
                afterCap.divide(unit, 0, RoundingMode.FLOOR).multiply(unit).setScale(2);
        BigDecimal proposed = rounded.min(rules.productMaximum()).setScale(2);
        return new Cap(
                suggestedMean,
                netMean,
                rules.bandLow(),
                rules.bandHigh(),
                low,
                high,
                position,
                afterCap,
                unit,
                rounded,
                rules.productMaximum(),
                proposed);
    }

    /** The product maximum cut the amount. */
    public boolean limited() {
        return afterRounding.compareTo(productMaximum) > 0;
    }
}
