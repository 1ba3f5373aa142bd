package sunshine.review.aggregation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The stored form of an {@link AggregationResult}, format 1. Compact, because a batch writes a million of them
 * (docs/decisions.md): what is particular to the household, namely every input and every step's outcome, while
 * the bank's constants (band multiples, rounding unit, product maximum, rating factors and weights, grades) stay
 * in the rule set version it names, which never changes once saved. Amounts are exact JSON numbers without
 * trailing zeros; null is a blank column or a missing result.
 *
 * <pre>
 * {"format":1, "bank":1, "household":500, "ruleSet":3,
 *  "estimates":[[seat, member, keyedBy, verifiedBy, assets, liabilities, gross, net, suggested, flags], …],
 *      flags: 1 = "do not recommend" (suggested counts as 0), 2 = of the member's own household (not counted)
 *  "order":[[seats of the counted assets from lowest to highest], [liabilities], [gross], [net], [suggested]],
 *      the first seat was dropped as the lowest, the last as the highest, the others averaged
 *  "means":[assets, liabilities, gross, net, suggested],   half up to the fen; null: too few, back to the panel
 *  with a result only:
 *  "file":[representative's age, customer type, residence, members],   from the household's file, for the rating
 *  "cap":["WITHIN|ABOVE|BELOW", afterCap, afterRounding, proposed],
 *  "points":[points of each factor of the rule set's rating table, in its order], "score":79.5, "grade":"A",
 *  "eligible":true}
 * </pre>
 *
 * Sums, the band's bounds, factor values and weighted points are not stored: each is one exact addition or
 * multiplication of stored numbers and the rule set's constants, redone when read.
 */
final class ExplanationJson {

    static final int FORMAT = 1;
    static final int DO_NOT_RECOMMEND = 1;
    static final int OWN_HOUSEHOLD = 2;

    private static final JsonMapper READER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

    private static final Figure[] FIGURES = Figure.values();

    private ExplanationJson() {}

    static String write(AggregationResult r) {
        StringBuilder b = new StringBuilder(640);
        write(r, b);
        return b.toString();
    }

    static void write(AggregationResult r, StringBuilder b) {
        b.append("{\"format\":").append(FORMAT);
        b.append(",\"bank\":").append(r.bankId());
        b.append(",\"household\":").append(r.householdId());
        b.append(",\"ruleSet\":").append(r.ruleSetVersion());
        b.append(",\"estimates\":[");
        boolean first = true;
        for (Estimate e : r.estimates()) {
            b.append(first ? "[" : ",[");
            first = false;
            b.append(e.seat()).append(',').append(e.memberId()).append(',');
            id(b, e.keyedBy());
            id(b.append(','), e.verifiedBy());
            for (Figure f : FIGURES) {
                number(b.append(','), e.entered(f));
            }
            int flags = (e.doNotRecommend() ? DO_NOT_RECOMMEND : 0)
                    | (e.isOwnHousehold(r.householdId()) ? OWN_HOUSEHOLD : 0);
            b.append(',').append(flags).append(']');
        }
        b.append("],\"order\":[");
        for (FigureResult f : r.figures().values()) {
            b.append(f.figure().ordinal() == 0 ? "[" : ",[");
            for (int i = 0; i < f.sorted().size(); i++) {
                if (i > 0) {
                    b.append(',');
                }
                b.append(f.sorted().get(i).seat());
            }
            b.append(']');
        }
        b.append("],\"means\":[");
        for (FigureResult f : r.figures().values()) {
            number(f.figure().ordinal() == 0 ? b : b.append(','), f.mean());
        }
        b.append(']');
        Cap c = r.cap();
        Rating rating = r.rating();
        if (c != null && rating != null) {
            HouseholdFile file = r.file();
            id(b.append(",\"file\":["), file.representativeAge());
            text(b.append(','), file.customerType());
            text(b.append(','), file.residence());
            id(b.append(','), file.members());
            b.append("],\"cap\":[\"").append(c.position().name()).append('"');
            number(b.append(','), c.afterCap());
            number(b.append(','), c.afterRounding());
            number(b.append(','), c.proposed());
            b.append("],\"points\":[");
            first = true;
            for (Rating.FactorScore s : rating.factors()) {
                number(first ? b : b.append(','), s.points());
                first = false;
            }
            number(b.append("],\"score\":"), rating.score());
            // grade names are letters, digits, + and - (RatingTable checks): nothing to escape, in JSON or in COPY
            b.append(",\"grade\":\"").append(rating.grade()).append('"');
        }
        b.append(",\"eligible\":").append(r.eligible()).append('}');
    }

    /** An id or count, without boxing it into a string; null as null. */
    static void id(StringBuilder b, Number v) {
        if (v == null) {
            b.append("null");
        } else {
            b.append(v.longValue());
        }
    }

    /** A code of the file (Factor.codes(), checked when read from the file): nothing to escape. */
    static void text(StringBuilder b, String code) {
        if (code == null) {
            b.append("null");
        } else {
            b.append('"').append(code).append('"');
        }
    }

    /** Exactly, without trailing zeros: 50000.00 → 50000, 63333.30 → 63333.3. */
    private static void number(StringBuilder b, BigDecimal v) {
        if (v == null) {
            b.append("null");
        } else {
            Amounts.appendPlain(b, v, true);
        }
    }

    /** Reads a stored result back; {@code rules} is the rule set version it names. */
    static AggregationResult read(String json, RuleSet rules) {
        JsonNode n = READER.readTree(json);
        if (n.get("format").intValue() != FORMAT) {
            throw new IllegalArgumentException("unknown explanation format " + n.get("format"));
        }
        if (n.get("bank").longValue() != rules.bankId() || n.get("ruleSet").intValue() != rules.version()) {
            throw new IllegalArgumentException("the explanation names another rule set version");
        }
        long household = n.get("household").longValue();
        List<Estimate> estimates = new ArrayList<>();
        int notRecommended = 0;
        for (JsonNode e : n.get("estimates")) {
            int flags = e.get(9).intValue();
            Estimate estimate = new Estimate(
                    e.get(0).intValue(),
                    e.get(1).longValue(),
                    (flags & OWN_HOUSEHOLD) != 0 ? household : null,
                    fen(e.get(4)),
                    fen(e.get(5)),
                    fen(e.get(6)),
                    fen(e.get(7)),
                    fen(e.get(8)),
                    (flags & DO_NOT_RECOMMEND) != 0,
                    optionalLong(e.get(2)),
                    optionalLong(e.get(3)));
            estimates.add(estimate);
            if (flags == DO_NOT_RECOMMEND) {
                notRecommended++;
            }
        }
        int minimum = rules.fewerThanFive().minimum();
        Map<Figure, FigureResult> figures = new EnumMap<>(Figure.class);
        Map<Figure, BigDecimal> means = new EnumMap<>(Figure.class);
        boolean complete = true;
        for (Figure f : Figure.values()) {
            List<FigureResult.SeatValue> sorted = new ArrayList<>();
            for (JsonNode seat : n.get("order").get(f.ordinal())) {
                Estimate e = estimates.stream()
                        .filter(x -> x.seat() == seat.intValue())
                        .findFirst()
                        .orElseThrow();
                sorted.add(new FigureResult.SeatValue(e.seat(), e.counted(f).setScale(TrimmedMean.SCALE)));
            }
            BigDecimal mean = fen(n.get("means").get(f.ordinal()));
            means.put(f, mean);
            BigDecimal sum = null;
            if (mean != null) {
                sum = BigDecimal.ZERO.setScale(TrimmedMean.SCALE);
                for (int i = 1; i < sorted.size() - 1; i++) {
                    sum = sum.add(sorted.get(i).amount());
                }
            } else {
                complete = false;
            }
            figures.put(f, new FigureResult(f, sorted, minimum, sum, mean));
        }
        Cap cap = null;
        Rating rating = null;
        HouseholdFile file = HouseholdFile.UNKNOWN;
        if (complete) {
            JsonNode fj = n.get("file");
            file = new HouseholdFile(
                    optionalInt(fj.get(0)), optionalText(fj.get(1)), optionalText(fj.get(2)), optionalInt(fj.get(3)));
            JsonNode c = n.get("cap");
            BigDecimal net = means.get(Figure.NET_INCOME);
            cap = new Cap(
                    means.get(Figure.SUGGESTED),
                    net,
                    rules.bandLow(),
                    rules.bandHigh(),
                    net.multiply(rules.bandLow()),
                    net.multiply(rules.bandHigh()),
                    BandPosition.valueOf(c.get(0).stringValue()),
                    decimal(c.get(1)),
                    rules.roundingUnit(),
                    fen(c.get(2)),
                    rules.productMaximum(),
                    fen(c.get(3)));
            List<Rating.FactorScore> scores = new ArrayList<>();
            JsonNode points = n.get("points");
            List<RatingFactor> table = rules.rating().factors();
            for (int i = 0; i < table.size(); i++) {
                RatingFactor f = table.get(i);
                BigDecimal p = decimal(points.get(i));
                scores.add(new Rating.FactorScore(
                        f.factor(),
                        f.factor().isChoice() ? null : Rating.number(f.factor(), means, notRecommended, file),
                        f.factor().isChoice() ? Rating.code(f.factor(), file) : null,
                        p,
                        f.weight(),
                        p.multiply(f.weight())));
            }
            rating = new Rating(scores, fen(n.get("score")), n.get("grade").stringValue());
        }
        return new AggregationResult(
                household,
                rules.bankId(),
                rules.version(),
                rules.fewerThanFive(),
                estimates,
                figures,
                complete ? AggregationStatus.COMPLETE : AggregationStatus.BACK_TO_PANEL,
                cap,
                rating,
                n.get("eligible").booleanValue(),
                file);
    }

    private static BigDecimal decimal(JsonNode v) {
        return v == null || v.isNull() ? null : v.decimalValue();
    }

    /** An amount in yuan, back to two decimals (stored without trailing zeros). */
    private static BigDecimal fen(JsonNode v) {
        BigDecimal d = decimal(v);
        return d == null ? null : d.setScale(TrimmedMean.SCALE);
    }

    private static Long optionalLong(JsonNode v) {
        return v == null || v.isNull() ? null : v.longValue();
    }

    private static Integer optionalInt(JsonNode v) {
        return v == null || v.isNull() ? null : v.intValue();
    }

    private static String optionalText(JsonNode v) {
        return v == null || v.isNull() ? null : v.stringValue();
    }
}
