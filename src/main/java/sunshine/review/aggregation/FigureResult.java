package sunshine.review.aggregation;

import java.math.BigDecimal;
import java.util.List;

/**
 * One figure of one household aggregated (R19): the counted values sorted by amount (ties in seat order), the
 * one lowest and one highest dropped, the sum of the rest and their mean, rounded HALF_UP to the fen. With
 * fewer valid values than the bank's minimum there is no mean and the household goes back to its panel.
 */
public record FigureResult(Figure figure, List<SeatValue> sorted, int minimum, BigDecimal keptSum, BigDecimal mean) {

    /** A counted value and the booklet copy it came from. */
    public record SeatValue(int seat, BigDecimal amount) {}

    public enum Method {
        /** Four or more: drop one highest and one lowest, average the middle. */
        MIDDLE_MEAN,
        /** Three: drop one highest and one lowest; the one left is the median. */
        MEDIAN,
        /** Fewer than the bank's minimum: no result. */
        TOO_FEW
    }

    public FigureResult {
        sorted = List.copyOf(sorted);
    }

    public int count() {
        return sorted.size();
    }

    public boolean enough() {
        return mean != null;
    }

    public Method method() {
        if (!enough()) {
            return Method.TOO_FEW;
        }
        return count() == 3 ? Method.MEDIAN : Method.MIDDLE_MEAN;
    }

    /** The value dropped as the lowest (the first in amount order), or null without a result. */
    public SeatValue droppedLow() {
        return enough() ? sorted.get(0) : null;
    }

    /** The value dropped as the highest (the last in amount order), or null without a result. */
    public SeatValue droppedHigh() {
        return enough() ? sorted.get(sorted.size() - 1) : null;
    }

    /** The values averaged: all but the dropped two. */
    public List<SeatValue> kept() {
        return enough() ? sorted.subList(1, sorted.size() - 1) : List.of();
    }
}
