package sunshine.review;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a member wrote for one household (R16, R17), in yuan: assets, liabilities, gross and net household income,
 * the suggested credit amount, and "do not recommend". A blank amount is null (the member left it empty).
 */
public record Figures(
        BigDecimal assets,
        BigDecimal liabilities,
        BigDecimal grossIncome,
        BigDecimal netIncome,
        BigDecimal suggestedAmount,
        boolean doNotRecommend) {

    /** The fields in the order screens show them; the names are message key suffixes. */
    public static final List<String> FIELDS =
            List.of("assets", "liabilities", "grossIncome", "netIncome", "suggestedAmount", "doNotRecommend");

    public static final Figures BLANK = new Figures(null, null, null, null, null, false);

    public Figures {
        assets = scale(assets);
        liabilities = scale(liabilities);
        grossIncome = scale(grossIncome);
        netIncome = scale(netIncome);
        suggestedAmount = scale(suggestedAmount);
    }

    /** The amount of a field by its name (doNotRecommend answers null: it is not an amount). */
    public BigDecimal amount(String field) {
        return switch (field) {
            case "assets" -> assets;
            case "liabilities" -> liabilities;
            case "grossIncome" -> grossIncome;
            case "netIncome" -> netIncome;
            case "suggestedAmount" -> suggestedAmount;
            default -> null;
        };
    }

    /** The fields in which the two keyings differ (amounts compared by value). */
    public List<String> differences(Figures other) {
        List<String> d = new ArrayList<>();
        for (String f : FIELDS) {
            if (f.equals("doNotRecommend")) {
                if (doNotRecommend != other.doNotRecommend) {
                    d.add(f);
                }
            } else if (!sameAmount(amount(f), other.amount(f))) {
                d.add(f);
            }
        }
        return d;
    }

    public boolean blank() {
        return assets == null
                && liabilities == null
                && grossIncome == null
                && netIncome == null
                && suggestedAmount == null
                && !doNotRecommend;
    }

    private static boolean sameAmount(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    private static BigDecimal scale(BigDecimal v) {
        return v == null ? null : v.setScale(2, java.math.RoundingMode.HALF_UP);
    }

    static boolean same(Figures a, Figures b) {
        return Objects.equals(a, b) || a.differences(b).isEmpty();
    }
}
