package sunshine.review.aggregation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.List;

/**
 * R19: drop exactly one highest and one lowest value and average the rest; with three values that leaves the
 * median. Ties: the values are sorted by amount, equal amounts in seat order (a stable sort); the first is
 * dropped as the lowest, the last as the highest, so exactly one instance of each goes whatever the ties.
 */
public final class TrimmedMean {

    /** Means are kept to the fen, half up (docs/decisions.md). */
    public static final int SCALE = 2;

    private TrimmedMean() {}

    /** {@code values} in seat order; {@code minimum} from the bank's {@link FewerThanFive} rule (at least 3). */
    public static FigureResult of(Figure figure, List<FigureResult.SeatValue> values, int minimum) {
        if (minimum < 3) {
            throw new IllegalArgumentException("dropping a highest and a lowest needs at least three values");
        }
        FigureResult.SeatValue[] a = values.toArray(new FigureResult.SeatValue[0]);
        // insertion sort, stable (ties stay in seat order): a household has a handful of values
        for (int i = 1; i < a.length; i++) {
            FigureResult.SeatValue v = a[i];
            int j = i - 1;
            for (; j >= 0 && a[j].amount().compareTo(v.amount()) > 0; j--) {
                a[j + 1] = a[j];
            }
            a[j + 1] = v;
        }
        List<FigureResult.SeatValue> sorted = Arrays.asList(a);
        if (sorted.size() < minimum) {
            return new FigureResult(figure, sorted, minimum, null, null);
        }
        BigDecimal sum = BigDecimal.ZERO;
        for (int i = 1; i < sorted.size() - 1; i++) {
            sum = sum.add(sorted.get(i).amount());
        }
        BigDecimal mean = sum.divide(BigDecimal.valueOf(sorted.size() - 2L), SCALE, RoundingMode.HALF_UP);
        return new FigureResult(figure, sorted, minimum, sum, mean);
    }
}
