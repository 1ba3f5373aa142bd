package sunshine.review.aggregation;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** How the explanation writes numbers: exactly, never rounded for display. */
public final class Amounts {

    private Amounts() {}

    /** Money: thousands separated, at least two decimals, more only when the value has them (1.1 × 0.05). */
    public static String money(BigDecimal v) {
        if (v == null) {
            return "—";
        }
        DecimalFormat f = new DecimalFormat("#,##0.00##########", DecimalFormatSymbols.getInstance(Locale.ROOT));
        return f.format(v);
    }

    /** A multiple, weight, points or unit as written: 1.1, 0.3, 40, 1000. */
    public static String plain(BigDecimal v) {
        return v == null ? "—" : v.stripTrailingZeros().toPlainString();
    }

    /** A unit or limit without forced decimals: 1,000; 2,500.5. */
    public static String grouped(BigDecimal v) {
        if (v == null) {
            return "—";
        }
        return new DecimalFormat("#,##0.##########", DecimalFormatSymbols.getInstance(Locale.ROOT)).format(v);
    }

    /** A score or weighted points: at least two decimals, no separators. */
    public static String score(BigDecimal v) {
        if (v == null) {
            return "—";
        }
        BigDecimal s = v.stripTrailingZeros();
        return (s.scale() < 2 ? s.setScale(2) : s).toPlainString();
    }
}
