package sunshine.review.aggregation;

import java.math.BigDecimal;

/**
 * One panel member's estimate of one household, as keyed from their booklet copy (R16-R18). A blank column is
 * {@code null}. {@code seat} is the booklet copy (1-5): it orders the explanation and breaks ties.
 * {@code memberHouseholdId} is the member's own household when the member is filed; an estimate of it is not
 * valid (R13). "Do not recommend" (不建议授信) counts as a suggested amount of 0, whatever was written beside it.
 * {@code keyedBy} and {@code verifiedBy} are the staff who typed and checked it (R18), kept for the explanation.
 */
public record Estimate(
        int seat,
        long memberId,
        Long memberHouseholdId,
        BigDecimal assets,
        BigDecimal liabilities,
        BigDecimal grossIncome,
        BigDecimal netIncome,
        BigDecimal suggested,
        boolean doNotRecommend,
        Long keyedBy,
        Long verifiedBy) {

    /** Amounts up to 10^14 yuan (numeric(18,2)), never negative, at most two decimals (fen). */
    private static final BigDecimal LIMIT = new BigDecimal("1e14");

    public Estimate {
        for (BigDecimal v : new BigDecimal[] {assets, liabilities, grossIncome, netIncome, suggested}) {
            if (v != null
                    && (v.signum() < 0
                            || v.compareTo(LIMIT) >= 0
                            || (v.scale() > 2 && v.stripTrailingZeros().scale() > 2))) {
                throw new IllegalArgumentException("an estimate is a non-negative amount in fen: " + v);
            }
        }
    }

    /** The amount written in a column, as entered (null when blank). */
    public BigDecimal entered(Figure figure) {
        return switch (figure) {
            case ASSETS -> assets;
            case LIABILITIES -> liabilities;
            case GROSS_INCOME -> grossIncome;
            case NET_INCOME -> netIncome;
            case SUGGESTED -> suggested;
        };
    }

    /** The amount that counts: as entered, except that "do not recommend" counts as a suggested 0. */
    public BigDecimal counted(Figure figure) {
        if (figure == Figure.SUGGESTED && doNotRecommend) {
            return BigDecimal.ZERO;
        }
        return entered(figure);
    }

    /** A member does not estimate their own household (R13). */
    public boolean isOwnHousehold(long householdId) {
        return memberHouseholdId != null && memberHouseholdId == householdId;
    }

    /** An estimate without member or staff ids (member id = seat): for tests and the calculator. */
    public static Estimate of(
            int seat,
            BigDecimal assets,
            BigDecimal liabilities,
            BigDecimal gross,
            BigDecimal net,
            BigDecimal suggested) {
        return new Estimate(seat, seat, null, assets, liabilities, gross, net, suggested, false, null, null);
    }
}
