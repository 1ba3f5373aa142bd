package sunshine.review.aggregation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The batch's form of {@link Aggregation} (R19-R21) in whole fen held in longs: the same steps in the same order
 * with the same rounding at the same places, on exact integers instead of BigDecimal objects (long fen is decimal:
 * no floating point anywhere), and the same explanation JSON, byte for byte, as {@link ExplanationJson#write}.
 * A million households allocate a few small arrays each instead of some two hundred objects.
 *
 * <p>Each step, with v fen meaning v / 100 yuan:
 *
 * <ul>
 *   <li>trimmed mean (half up to the fen): q = sum / (n - 2), one more when 2 × remainder ≥ n - 2 (all amounts
 *       are non-negative);
 *   <li>band: net × multiple is kept exact as net fen × the multiple's unscaled digits at scale 2 + its scale, and
 *       compared with the suggested mean brought to that scale;
 *   <li>rounding down to the unit: the exact amount ÷ (unit in fen at the same scale), truncated (non-negative);
 *   <li>rating: a number v (scale 2) reaches a band from f exactly when v ≥ ⌈f × 100⌉; points × weight exactly at
 *       scale 4 (both have at most two decimals, checked by {@link RatingFactor}); the score half up to 0.01 is
 *       (sum + 50) / 100; a grade from m is reached when score × 100 ≥ ⌈m × 100⌉; the debt ratio half up to 0.01 %
 *       is liabilities × 10,000 ÷ assets, rounded as the mean.
 * </ul>
 *
 * Whatever does not fit (an amount finer than a fen or from 10^14 yuan, a duplicate seat or member, a product
 * beyond a long, rules that cannot be held in fen) makes {@link #aggregate} answer null, and the caller takes the
 * household through {@link Aggregation}, which accepts or refuses it as always.
 */
public final class FenAggregation {

    /** A blank column or a missing result. */
    public static final long NULL = Long.MIN_VALUE;

    private static final long NOT_FEN = Long.MIN_VALUE + 1;
    private static final long NOT_FIT = Long.MIN_VALUE + 2;

    private static final int SUGGESTED = Figure.SUGGESTED.ordinal();
    private static final int NET = Figure.NET_INCOME.ordinal();
    private static final int ASSETS = Figure.ASSETS.ordinal();
    private static final int LIABILITIES = Figure.LIABILITIES.ordinal();
    private static final int GROSS = Figure.GROSS_INCOME.ordinal();

    private final long bankId;
    private final int version;
    private final int minimum;
    private final long bandLowUnscaled;
    private final int bandLowScale;
    private final long bandHighUnscaled;
    private final int bandHighScale;
    private final long unitFen;
    private final long maximumFen;
    private final Factor[] factors;
    /** Per numeric factor: ⌈from × 100⌉ of each band. */
    private final long[][] bandFrom;
    /** Per numeric factor: each band's points. */
    private final BigDecimal[][] bandPoints;
    /** Per numeric factor: each band's points × weight, scale 4. */
    private final long[][] bandWeighted;
    /** Per choice factor: each listed code's points and points × weight (scale 4). */
    private final Map<String, BigDecimal>[] choicePoints;

    private final Map<String, Long>[] choiceWeighted;
    private final String[] grades;
    private final long[] gradeFrom;
    private final boolean[] gradeIneligible;

    @SuppressWarnings("unchecked")
    private FenAggregation(RuleSet rules) {
        bankId = rules.bankId();
        version = rules.version();
        minimum = rules.fewerThanFive().minimum();
        BigDecimal low = atLeastScale0(rules.bandLow());
        BigDecimal high = atLeastScale0(rules.bandHigh());
        bandLowUnscaled = low.unscaledValue().longValueExact();
        bandLowScale = low.scale();
        bandHighUnscaled = high.unscaledValue().longValueExact();
        bandHighScale = high.scale();
        if (minimum < 3 || bandLowScale > 12 || bandHighScale > 12) {
            throw new ArithmeticException("not held in fen");
        }
        unitFen = fen(rules.roundingUnit());
        maximumFen = fen(rules.productMaximum());
        List<RatingFactor> table = rules.rating().factors();
        factors = new Factor[table.size()];
        bandFrom = new long[table.size()][];
        bandPoints = new BigDecimal[table.size()][];
        bandWeighted = new long[table.size()][];
        choicePoints = new Map[table.size()];
        choiceWeighted = new Map[table.size()];
        for (int i = 0; i < table.size(); i++) {
            RatingFactor f = table.get(i);
            factors[i] = f.factor();
            if (f.factor().isChoice()) {
                choicePoints[i] = new HashMap<>(f.choices());
                choiceWeighted[i] = new HashMap<>();
                for (var e : f.choices().entrySet()) {
                    choiceWeighted[i].put(e.getKey(), weighted(e.getValue(), f.weight()));
                }
            } else {
                int n = f.bands().size();
                bandFrom[i] = new long[n];
                bandPoints[i] = new BigDecimal[n];
                bandWeighted[i] = new long[n];
                for (int b = 0; b < n; b++) {
                    RatingFactor.Band band = f.bands().get(b);
                    bandFrom[i][b] = ceilingHundredths(band.from());
                    bandPoints[i][b] = band.points();
                    bandWeighted[i][b] = weighted(band.points(), f.weight());
                }
            }
        }
        List<RatingTable.Grade> gs = rules.rating().grades();
        grades = new String[gs.size()];
        gradeFrom = new long[gs.size()];
        gradeIneligible = new boolean[gs.size()];
        for (int g = 0; g < gs.size(); g++) {
            grades[g] = gs.get(g).name();
            gradeFrom[g] = ceilingHundredths(gs.get(g).minScore());
            gradeIneligible[g] = rules.isIneligible(grades[g]);
        }
    }

    /** The rules held in fen, or null when they cannot be (the batch then uses {@link Aggregation} throughout). */
    public static FenAggregation of(RuleSet rules) {
        try {
            return new FenAggregation(rules);
        } catch (ArithmeticException e) {
            return null;
        }
    }

    private static BigDecimal atLeastScale0(BigDecimal v) {
        return v.scale() < 0 ? v.setScale(0) : v;
    }

    /** An amount with at most two decimals, in fen (exact, or ArithmeticException). */
    private static long fen(BigDecimal v) {
        return v.setScale(2, RoundingMode.UNNECESSARY).unscaledValue().longValueExact();
    }

    private static long weighted(BigDecimal points, BigDecimal weight) {
        return points.multiply(weight)
                .setScale(4, RoundingMode.UNNECESSARY)
                .unscaledValue()
                .longValueExact();
    }

    /** ⌈v × 100⌉, kept within the long's range (no amount comes near either end). */
    private static long ceilingHundredths(BigDecimal v) {
        BigDecimal c = v.movePointRight(2).setScale(0, RoundingMode.CEILING);
        if (c.unscaledValue().bitLength() > 62) {
            return c.signum() > 0 ? Long.MAX_VALUE : Long.MIN_VALUE;
        }
        return c.longValueExact();
    }

    /**
     * One household's estimates as read, in source order: seat, member, member's own household, the five figures
     * in fen ({@link #NULL} when blank), "do not recommend", keyed by and verified by ({@link #NULL} when unknown).
     * Reused from one household to the next.
     */
    public static final class Inputs {
        int n;
        int[] seat = new int[8];
        long[] member = new long[8];
        long[] memberHousehold = new long[8];
        long[] keyedBy = new long[8];
        long[] verifiedBy = new long[8];
        boolean[] doNotRecommend = new boolean[8];
        /** Figure f of estimate i at [i * 5 + f]. */
        long[] figures = new long[40];

        public void clear() {
            n = 0;
            notFen = false;
            if (raw != null) {
                Arrays.fill(raw, null);
            }
        }

        public int size() {
            return n;
        }

        /** Adds an estimate; returns its index, at which {@link #figure} takes its five amounts. */
        public int add(
                int seat, long member, long memberHousehold, boolean doNotRecommend, long keyedBy, long verifiedBy) {
            if (n == this.seat.length) {
                int m = n * 2;
                this.seat = Arrays.copyOf(this.seat, m);
                this.member = Arrays.copyOf(this.member, m);
                this.memberHousehold = Arrays.copyOf(this.memberHousehold, m);
                this.keyedBy = Arrays.copyOf(this.keyedBy, m);
                this.verifiedBy = Arrays.copyOf(this.verifiedBy, m);
                this.doNotRecommend = Arrays.copyOf(this.doNotRecommend, m);
                this.figures = Arrays.copyOf(this.figures, m * 5);
            }
            this.seat[n] = seat;
            this.member[n] = member;
            this.memberHousehold[n] = memberHousehold;
            this.doNotRecommend[n] = doNotRecommend;
            this.keyedBy[n] = keyedBy;
            this.verifiedBy[n] = verifiedBy;
            return n++;
        }

        public void figure(int estimate, Figure figure, long fen) {
            figures[estimate * 5 + figure.ordinal()] = fen;
        }

        /**
         * An amount that is not a whole number of fen below 10^14 yuan (or is negative), as read: the household
         * then goes through {@link Aggregation}, which refuses it as always.
         */
        public void figure(int estimate, Figure figure, BigDecimal exact) {
            if (raw == null || raw.length < figures.length) {
                raw = raw == null ? new BigDecimal[figures.length] : Arrays.copyOf(raw, figures.length);
            }
            raw[estimate * 5 + figure.ordinal()] = exact;
            figures[estimate * 5 + figure.ordinal()] = NOT_FEN;
            notFen = true;
        }

        /** Some amount is not in fen, or an id could not be held: only {@link Aggregation} takes this household. */
        public boolean fits() {
            return !notFen;
        }

        /** Marks the household for {@link Aggregation} (an id that is the sentinel {@link #NULL} itself). */
        public void doesNotFit() {
            notFen = true;
        }

        private BigDecimal[] raw;
        private boolean notFen;

        /** The inputs as {@link Estimate}s, for {@link Aggregation} (which checks them as always). */
        public List<Estimate> estimates() {
            List<Estimate> list = new java.util.ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                BigDecimal[] v = new BigDecimal[5];
                for (int f = 0; f < 5; f++) {
                    long x = figures[i * 5 + f];
                    v[f] = x == NULL ? null : x == NOT_FEN ? raw[i * 5 + f] : BigDecimal.valueOf(x, 2);
                }
                list.add(new Estimate(
                        seat[i],
                        member[i],
                        memberHousehold[i] == NULL ? null : memberHousehold[i],
                        v[0],
                        v[1],
                        v[2],
                        v[3],
                        v[4],
                        doNotRecommend[i],
                        keyedBy[i] == NULL ? null : keyedBy[i],
                        verifiedBy[i] == NULL ? null : verifiedBy[i]));
            }
            return list;
        }
    }

    /**
     * A household aggregated: what goes into the result row's columns, and the explanation. The inputs are copied
     * (the {@link Inputs} are reused), ordered by seat.
     */
    public static final class Result {
        private final FenAggregation rules;
        private final long household;
        private final int n;
        private final int[] seat;
        private final long[] member;
        private final long[] keyedBy;
        private final long[] verifiedBy;
        /** 1 = do not recommend, 2 = own household, as {@link ExplanationJson}. */
        private final int[] flags;

        private final long[] entered;
        /** Per figure, the indexes of the counted estimates from lowest to highest; their count in orderSize. */
        private final int[] order;

        private final int[] orderSize = new int[5];
        private final long[] means = new long[5];
        private boolean complete;
        private HouseholdFile file;
        private BandPosition position;
        private long afterCap;
        private int afterCapScale;
        private long afterRounding;
        private long proposed;
        private BigDecimal[] points;
        private long score;
        private int grade;

        private Result(FenAggregation rules, long household, int n) {
            this.rules = rules;
            this.household = household;
            this.n = n;
            seat = new int[n];
            member = new long[n];
            keyedBy = new long[n];
            verifiedBy = new long[n];
            flags = new int[n];
            entered = new long[n * 5];
            order = new int[n * 5];
        }

        public long householdId() {
            return household;
        }

        public long bankId() {
            return rules.bankId;
        }

        public int ruleSetVersion() {
            return rules.version;
        }

        public boolean complete() {
            return complete;
        }

        /** A figure's trimmed mean in fen, or {@link #NULL}. */
        public long mean(Figure f) {
            return means[f.ordinal()];
        }

        /** In fen, or {@link #NULL} without a result. */
        public long proposedAmount() {
            return complete ? proposed : NULL;
        }

        public BandPosition band() {
            return complete ? position : null;
        }

        /** Score in hundredths, or {@link #NULL}. */
        public long score() {
            return complete ? score : NULL;
        }

        public String grade() {
            return complete ? rules.grades[grade] : null;
        }

        public boolean eligible() {
            return complete && !rules.gradeIneligible[grade];
        }

        /** The explanation, exactly as {@link ExplanationJson#write} writes the same household's result. */
        public void appendJson(StringBuilder b) {
            b.append("{\"format\":").append(ExplanationJson.FORMAT);
            b.append(",\"bank\":").append(rules.bankId);
            b.append(",\"household\":").append(household);
            b.append(",\"ruleSet\":").append(rules.version);
            b.append(",\"estimates\":[");
            for (int i = 0; i < n; i++) {
                b.append(i == 0 ? "[" : ",[");
                b.append(seat[i]).append(',').append(member[i]).append(',');
                id(b, keyedBy[i]);
                id(b.append(','), verifiedBy[i]);
                for (int f = 0; f < 5; f++) {
                    amount(b.append(','), entered[i * 5 + f]);
                }
                b.append(',').append(flags[i]).append(']');
            }
            b.append("],\"order\":[");
            for (int f = 0; f < 5; f++) {
                b.append(f == 0 ? "[" : ",[");
                for (int k = 0; k < orderSize[f]; k++) {
                    if (k > 0) {
                        b.append(',');
                    }
                    b.append(seat[order[f * n + k]]);
                }
                b.append(']');
            }
            b.append("],\"means\":[");
            for (int f = 0; f < 5; f++) {
                amount(f == 0 ? b : b.append(','), means[f]);
            }
            b.append(']');
            if (complete) {
                ExplanationJson.id(b.append(",\"file\":["), file.representativeAge());
                ExplanationJson.text(b.append(','), file.customerType());
                ExplanationJson.text(b.append(','), file.residence());
                ExplanationJson.id(b.append(','), file.members());
                b.append("],\"cap\":[\"").append(position.name()).append('"');
                Amounts.appendPlain(b.append(','), afterCap, afterCapScale, true);
                amount(b.append(','), afterRounding);
                amount(b.append(','), proposed);
                b.append("],\"points\":[");
                for (int i = 0; i < points.length; i++) {
                    Amounts.appendPlain(i == 0 ? b : b.append(','), points[i], true);
                }
                Amounts.appendPlain(b.append("],\"score\":"), score, 2, true);
                b.append(",\"grade\":\"").append(rules.grades[grade]).append('"');
            }
            b.append(",\"eligible\":").append(eligible()).append('}');
        }

        private static void id(StringBuilder b, long v) {
            if (v == NULL) {
                b.append("null");
            } else {
                b.append(v);
            }
        }

        private static void amount(StringBuilder b, long fen) {
            if (fen == NULL) {
                b.append("null");
            } else {
                Amounts.appendPlain(b, fen, 2, true);
            }
        }
    }

    /**
     * The household aggregated and rated, or null when it does not fit in fen (see the class comment): then
     * {@link Aggregation#aggregate} is the answer, refusals included.
     */
    public Result aggregate(long household, Inputs in, HouseholdFile file) {
        if (!in.fits()) {
            return null;
        }
        int n = in.n;
        // seat order, stable (as Aggregation's sort): indexes into the inputs
        int[] bySeat = new int[n];
        for (int i = 0; i < n; i++) {
            int j = i - 1;
            for (; j >= 0 && in.seat[bySeat[j]] > in.seat[i]; j--) {
                bySeat[j + 1] = bySeat[j];
            }
            bySeat[j + 1] = i;
        }
        Result r = new Result(this, household, n);
        int notRecommended = 0;
        for (int k = 0; k < n; k++) {
            int i = bySeat[k];
            for (int j = 0; j < k; j++) {
                if (r.seat[j] == in.seat[i] || r.member[j] == in.member[i]) {
                    return null; // Aggregation refuses it
                }
            }
            for (int f = 0; f < 5; f++) {
                long v = in.figures[i * 5 + f];
                if (v != NULL && (v < 0 || v >= 10_000_000_000_000_000L)) {
                    return null; // not a fen amount Aggregation would take as it is: let it decide
                }
                r.entered[k * 5 + f] = v;
            }
            r.seat[k] = in.seat[i];
            r.member[k] = in.member[i];
            r.keyedBy[k] = in.keyedBy[i];
            r.verifiedBy[k] = in.verifiedBy[i];
            boolean own = in.memberHousehold[i] != NULL && in.memberHousehold[i] == household;
            r.flags[k] = (in.doNotRecommend[i] ? ExplanationJson.DO_NOT_RECOMMEND : 0)
                    | (own ? ExplanationJson.OWN_HOUSEHOLD : 0);
            if (in.doNotRecommend[i] && !own) {
                notRecommended++;
            }
        }
        boolean complete = true;
        for (int f = 0; f < 5; f++) {
            int base = f * n;
            int size = 0;
            for (int k = 0; k < n; k++) { // counted values in seat order, inserted by amount (stable: ties stay)
                if ((r.flags[k] & ExplanationJson.OWN_HOUSEHOLD) != 0) {
                    continue;
                }
                long v = counted(r, k, f);
                if (v == NULL) {
                    continue;
                }
                int j = size - 1;
                for (; j >= 0 && counted(r, r.order[base + j], f) > v; j--) {
                    r.order[base + j + 1] = r.order[base + j];
                }
                r.order[base + j + 1] = k;
                size++;
            }
            r.orderSize[f] = size;
            if (size < minimum) {
                r.means[f] = NULL;
                complete = false;
            } else {
                long sum = 0;
                for (int j = 1; j < size - 1; j++) {
                    sum += counted(r, r.order[base + j], f); // at most 10^16 each, a handful: no overflow
                }
                r.means[f] = halfUp(sum, size - 2);
            }
        }
        r.complete = complete;
        if (!complete) {
            return r;
        }
        r.file = file == null ? HouseholdFile.UNKNOWN : file;
        return cap(r) && rate(r, notRecommended) ? r : null;
    }

    /** "Do not recommend" counts as a suggested 0. */
    private static long counted(Result r, int k, int f) {
        return f == SUGGESTED && (r.flags[k] & ExplanationJson.DO_NOT_RECOMMEND) != 0 ? 0 : r.entered[k * 5 + f];
    }

    /** n / d half up, for n ≥ 0 and d > 0. */
    private static long halfUp(long n, long d) {
        long q = n / d;
        long rem = n - q * d;
        return 2 * rem >= d ? q + 1 : q;
    }

    /** {@link Cap#apply}; false on a product beyond a long. */
    private boolean cap(Result r) {
        long suggested = r.means[SUGGESTED];
        long net = r.means[NET];
        try {
            long high = Math.multiplyExact(net, bandHighUnscaled); // scale 2 + bandHighScale
            long low = Math.multiplyExact(net, bandLowUnscaled); // scale 2 + bandLowScale
            if (Math.multiplyExact(suggested, pow10(bandHighScale)) > high) {
                r.position = BandPosition.ABOVE;
                r.afterCap = high;
                r.afterCapScale = 2 + bandHighScale;
            } else {
                r.position = Math.multiplyExact(suggested, pow10(bandLowScale)) < low
                        ? BandPosition.BELOW
                        : BandPosition.WITHIN;
                r.afterCap = suggested;
                r.afterCapScale = 2;
            }
            long unitAtScale = Math.multiplyExact(unitFen, pow10(r.afterCapScale - 2));
            r.afterRounding = Math.multiplyExact(r.afterCap / unitAtScale, unitFen); // non-negative: floor
            r.proposed = Math.min(r.afterRounding, maximumFen);
            return true;
        } catch (ArithmeticException e) {
            return false;
        }
    }

    private static long pow10(int n) {
        long p = 1;
        for (int i = 0; i < n; i++) {
            p = Math.multiplyExact(p, 10);
        }
        return p;
    }

    /** {@link Rating#rate}; false when a value does not fit. */
    private boolean rate(Result r, int notRecommended) {
        BigDecimal[] points = new BigDecimal[factors.length];
        long sum = 0; // scale 4
        for (int i = 0; i < factors.length; i++) {
            if (factors[i].isChoice()) {
                String code = factors[i] == Factor.CUSTOMER_TYPE ? r.file.customerType() : r.file.residence();
                BigDecimal p = code == null ? null : choicePoints[i].get(code);
                points[i] = p == null ? BigDecimal.ZERO : p;
                sum += p == null ? 0 : choiceWeighted[i].get(code);
            } else {
                long v = number(factors[i], r, notRecommended);
                if (v == NOT_FIT) {
                    return false;
                }
                int band = -1;
                if (v != NULL) {
                    long[] from = bandFrom[i];
                    for (int b = 0; b < from.length; b++) {
                        if (v >= from[b]) {
                            band = b;
                        }
                    }
                }
                points[i] = band < 0 ? BigDecimal.ZERO : bandPoints[i][band];
                sum += band < 0 ? 0 : bandWeighted[i][band];
            }
        }
        r.points = points;
        r.score = (sum + 50) / 100; // half up to 0.01: weights and points are never negative
        int g = grades.length - 1;
        for (int k = 0; k < grades.length; k++) {
            if (r.score >= gradeFrom[k]) {
                g = k;
                break;
            }
        }
        r.grade = g;
        return true;
    }

    /** A numeric factor's value in hundredths ({@link Rating#number}), {@link #NULL} when unknown. */
    private static long number(Factor factor, Result r, int notRecommended) {
        long[] m = r.means;
        return switch (factor) {
            case NET_INCOME -> m[NET];
            case GROSS_INCOME -> m[GROSS];
            case ASSETS -> m[ASSETS];
            case LIABILITIES -> m[LIABILITIES];
            case NET_WORTH -> m[ASSETS] - m[LIABILITIES];
            case DEBT_RATIO -> debtRatio(m[ASSETS], m[LIABILITIES]);
            case NOT_RECOMMENDED -> notRecommended * 100L;
            case AGE -> r.file.representativeAge() == null ? NULL : r.file.representativeAge() * 100L;
            case HOUSEHOLD_SIZE -> r.file.members() == null ? NULL : r.file.members() * 100L;
            case CUSTOMER_TYPE, RESIDENCE -> throw new IllegalArgumentException(factor + " is a choice");
        };
    }

    /** Liabilities ÷ assets × 100 in hundredths, half up ({@link Rating#debtRatio}). */
    private static long debtRatio(long assets, long liabilities) {
        if (assets == 0) {
            return liabilities == 0 ? 0 : NULL;
        }
        if (liabilities > Long.MAX_VALUE / 10_000) {
            return NOT_FIT;
        }
        return halfUp(liabilities * 10_000, assets);
    }
}
