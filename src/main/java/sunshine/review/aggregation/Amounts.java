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

    private static final long[] POW10 = new long[19];

    static {
        POW10[0] = 1;
        for (int i = 1; i < POW10.length; i++) {
            POW10[i] = POW10[i - 1] * 10;
        }
    }

    /**
     * Appends {@code v.toPlainString()}, without its trailing zeros after the point (and then without a bare point)
     * when {@code strip}: 50000.00 → 50000, 63333.30 → 63333.3. Writes the digits of the unscaled value directly
     * (a batch writes fifty numbers per household); anything beyond 18 digits goes the long way.
     */
    public static void appendPlain(StringBuilder b, BigDecimal v, boolean strip) {
        int scale = v.scale();
        if (scale < 0 || scale > 18 || v.precision() > 18) {
            int start = b.length();
            b.append(v.toPlainString());
            if (strip && scale > 0) {
                int end = b.length();
                while (end > start && b.charAt(end - 1) == '0') {
                    end--;
                }
                if (b.charAt(end - 1) == '.') {
                    end--;
                }
                b.setLength(end);
            }
            return;
        }
        // at most 18 digits: the unscaled value is a long, read without building a BigInteger
        appendPlain(b, v.movePointRight(scale).longValueExact(), scale, strip);
    }

    /**
     * As {@link #appendPlain(StringBuilder, BigDecimal, boolean)} for the value {@code unscaled} × 10^-{@code scale}
     * (0 ≤ scale ≤ 18): the batch's amounts in whole fen (scale 2).
     */
    public static void appendPlain(StringBuilder b, long unscaled, int scale, boolean strip) {
        if (unscaled == Long.MIN_VALUE || scale < 0 || scale > 18) {
            appendPlain(b, BigDecimal.valueOf(unscaled, scale), strip);
            return;
        }
        long u = unscaled;
        if (u < 0) {
            b.append('-');
            u = -u;
        }
        long whole = u / POW10[scale];
        long fraction = u % POW10[scale];
        int digits = scale;
        if (strip) {
            while (digits > 0 && fraction % 10 == 0) {
                fraction /= 10;
                digits--;
            }
        }
        b.append(whole);
        if (digits > 0) {
            b.append('.');
            for (int d = digits - 1; d > 0 && fraction < POW10[d]; d--) {
                b.append('0');
            }
            b.append(fraction);
        }
    }
}
