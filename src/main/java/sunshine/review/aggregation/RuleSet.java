package sunshine.review.aggregation;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A bank's aggregation and rating rules, one immutable version (R19-R21). Every result names the version it
 * used. {@code bandLow}/{@code bandHigh}: the multiples of the aggregated net income that the proposed amount is
 * kept within (R17, R20; 1.1 and 1.5 by default); {@code roundingUnit}: the amount is rounded down to it;
 * {@code productMaximum}: the product's highest amount, a multiple of the unit so that the order of rounding and
 * limiting cannot matter; {@code ineligibleGrades}: grades that get no pre-credit.
 */
public record RuleSet(
        long bankId,
        int version,
        FewerThanFive fewerThanFive,
        BigDecimal bandLow,
        BigDecimal bandHigh,
        BigDecimal roundingUnit,
        BigDecimal productMaximum,
        List<String> ineligibleGrades,
        RatingTable rating) {

    private static final BigDecimal MAX_MULTIPLE = BigDecimal.TEN;
    private static final BigDecimal MAX_AMOUNT = new BigDecimal("1e14");

    public RuleSet {
        if (fewerThanFive == null || rating == null) {
            throw new InvalidRules("review.rules.error.missing");
        }
        if (bandLow == null
                || bandHigh == null
                || bandLow.signum() <= 0
                || bandHigh.compareTo(bandLow) < 0
                || bandHigh.compareTo(MAX_MULTIPLE) > 0
                || bandLow.stripTrailingZeros().scale() > 2
                || bandHigh.stripTrailingZeros().scale() > 2) {
            throw new InvalidRules("review.rules.error.band");
        }
        if (roundingUnit == null
                || roundingUnit.signum() <= 0
                || roundingUnit.stripTrailingZeros().scale() > 2
                || roundingUnit.compareTo(MAX_AMOUNT) >= 0) {
            throw new InvalidRules("review.rules.error.unit");
        }
        if (productMaximum == null
                || productMaximum.signum() <= 0
                || productMaximum.compareTo(MAX_AMOUNT) >= 0
                || productMaximum.remainder(roundingUnit).signum() != 0) {
            throw new InvalidRules("review.rules.error.maximum", plain(roundingUnit));
        }
        List<String> grades = rating.gradeNames();
        ineligibleGrades = ineligibleGrades == null ? List.of() : List.copyOf(ineligibleGrades);
        for (String g : ineligibleGrades) {
            if (!grades.contains(g)) {
                throw new InvalidRules("review.rules.error.ineligible", String.valueOf(g));
            }
        }
        // kept in the table's grade order, once each
        List<String> given = ineligibleGrades;
        ineligibleGrades = grades.stream().filter(given::contains).toList();
    }

    public boolean isIneligible(String grade) {
        return ineligibleGrades.contains(grade);
    }

    /** The same rules as another version of the bank (the store numbers versions). */
    public RuleSet as(long bankId, int version) {
        return new RuleSet(
                bankId,
                version,
                fewerThanFive,
                bandLow,
                bandHigh,
                roundingUnit,
                productMaximum,
                ineligibleGrades,
                rating);
    }

    /** The same rules with another rule for fewer than five estimates. */
    public RuleSet withPolicy(FewerThanFive policy) {
        return new RuleSet(
                bankId, version, policy, bandLow, bandHigh, roundingUnit, productMaximum, ineligibleGrades, rating);
    }

    /** The same rules with other money settings (R20). */
    public RuleSet withMoney(String low, String high, String unit, String maximum) {
        return new RuleSet(
                bankId,
                version,
                fewerThanFive,
                new BigDecimal(low),
                new BigDecimal(high),
                new BigDecimal(unit),
                new BigDecimal(maximum),
                ineligibleGrades,
                rating);
    }

    /** The same rules with another rating table and ineligible grades (R21). */
    public RuleSet withRating(RatingTable table, List<String> ineligible) {
        return new RuleSet(
                bankId, version, fewerThanFive, bandLow, bandHigh, roundingUnit, productMaximum, ineligible, table);
    }

    /** The platform's starting rules for a bank that has not set its own (version 1 once stored). */
    public static RuleSet defaults(long bankId) {
        return new RuleSet(
                bankId,
                1,
                FewerThanFive.THREE_OR_MORE,
                new BigDecimal("1.1"),
                new BigDecimal("1.5"),
                new BigDecimal("1000"),
                new BigDecimal("300000"),
                List.of("C"),
                defaultRating());
    }

    /** A plain starting table; each bank adjusts it on the rules page. */
    public static RatingTable defaultRating() {
        return new RatingTable(
                List.of(
                        number(Factor.NET_INCOME, "0.30", "0:0", "20000:40", "50000:70", "100000:100"),
                        number(Factor.NET_WORTH, "0.25", "0:30", "100000:60", "300000:80", "500000:100"),
                        number(Factor.DEBT_RATIO, "0.15", "0:100", "30:70", "50:40", "80:0"),
                        number(Factor.AGE, "0.10", "18:60", "25:100", "56:70", "66:30"),
                        choice(
                                Factor.CUSTOMER_TYPE,
                                "0.10",
                                "FARMER:80",
                                "INDIVIDUAL_BUSINESS:90",
                                "SMALL_BUSINESS_OWNER:90",
                                "COMMUNITY_RESIDENT:70",
                                "PUBLIC_STAFF:100"),
                        number(Factor.NOT_RECOMMENDED, "0.10", "0:100", "1:50", "2:0")),
                List.of(
                        new RatingTable.Grade("AAA", new BigDecimal("90")),
                        new RatingTable.Grade("AA", new BigDecimal("80")),
                        new RatingTable.Grade("A", new BigDecimal("70")),
                        new RatingTable.Grade("B", new BigDecimal("60")),
                        new RatingTable.Grade("C", BigDecimal.ZERO)));
    }

    private static RatingFactor number(Factor factor, String weight, String... bands) {
        return new RatingFactor(
                factor,
                new BigDecimal(weight),
                java.util.Arrays.stream(bands)
                        .map(b -> b.split(":"))
                        .map(p -> new RatingFactor.Band(new BigDecimal(p[0]), new BigDecimal(p[1])))
                        .toList(),
                Map.of());
    }

    private static RatingFactor choice(Factor factor, String weight, String... choices) {
        Map<String, BigDecimal> points = new LinkedHashMap<>();
        for (String c : choices) {
            String[] p = c.split(":");
            points.put(p[0], new BigDecimal(p[1]));
        }
        return new RatingFactor(factor, new BigDecimal(weight), List.of(), points);
    }

    static String plain(BigDecimal v) {
        return v.stripTrailingZeros().toPlainString();
    }
}
