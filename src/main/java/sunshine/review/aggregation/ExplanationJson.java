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
 * The stored form of an {@link AggregationResult} (format 1): written by hand, in a fixed order and without
 * spaces (it is written a million times in a batch), read back with Jackson keeping every number exact.
 * Amounts are JSON numbers as written ({@code 63333.33}); a blank column is {@code null}.
 */
final class ExplanationJson {

    static final int FORMAT = 1;

    private static final JsonMapper READER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

    private ExplanationJson() {}

    static String write(AggregationResult r) {
        StringBuilder b = new StringBuilder(1024);
        write(r, b);
        return b.toString();
    }

    static void write(AggregationResult r, StringBuilder b) {
        b.append("{\"format\":").append(FORMAT);
        b.append(",\"household\":").append(r.householdId());
        b.append(",\"bank\":").append(r.bankId());
        b.append(",\"ruleSet\":").append(r.ruleSetVersion());
        b.append(",\"fewerThanFive\":\"").append(r.fewerThanFive().name()).append('"');
        b.append(",\"status\":\"").append(r.status().name()).append('"');
        b.append(",\"estimates\":[");
        boolean first = true;
        for (Estimate e : r.estimates()) {
            b.append(first ? "{" : ",{");
            first = false;
            b.append("\"seat\":").append(e.seat());
            b.append(",\"member\":").append(e.memberId());
            if (e.memberHouseholdId() != null) {
                b.append(",\"memberHousehold\":").append(e.memberHouseholdId());
            }
            if (e.keyedBy() != null) {
                b.append(",\"keyedBy\":").append(e.keyedBy());
            }
            if (e.verifiedBy() != null) {
                b.append(",\"verifiedBy\":").append(e.verifiedBy());
            }
            b.append(",\"figures\":[");
            for (Figure f : Figure.values()) {
                if (f.ordinal() > 0) {
                    b.append(',');
                }
                number(b, e.entered(f));
            }
            b.append(']');
            if (e.doNotRecommend()) {
                b.append(",\"doNotRecommend\":true");
            }
            b.append('}');
        }
        b.append("],\"figures\":{");
        for (FigureResult f : r.figures().values()) {
            if (f.figure().ordinal() > 0) {
                b.append(',');
            }
            b.append('"').append(f.figure().name()).append("\":{\"order\":[");
            for (int i = 0; i < f.sorted().size(); i++) {
                if (i > 0) {
                    b.append(',');
                }
                b.append(f.sorted().get(i).seat());
            }
            b.append("],\"min\":").append(f.minimum());
            if (f.enough()) {
                b.append(",\"sum\":");
                number(b, f.keptSum());
                b.append(",\"mean\":");
                number(b, f.mean());
            }
            b.append('}');
        }
        b.append('}');
        if (r.cap() != null) {
            Cap c = r.cap();
            b.append(",\"cap\":{\"suggested\":");
            number(b, c.suggestedMean());
            b.append(",\"net\":");
            number(b, c.netMean());
            b.append(",\"bandLow\":");
            number(b, c.bandLow());
            b.append(",\"bandHigh\":");
            number(b, c.bandHigh());
            b.append(",\"low\":");
            number(b, c.lowAmount());
            b.append(",\"high\":");
            number(b, c.highAmount());
            b.append(",\"position\":\"").append(c.position().name());
            b.append("\",\"afterCap\":");
            number(b, c.afterCap());
            b.append(",\"unit\":");
            number(b, c.unit());
            b.append(",\"afterRounding\":");
            number(b, c.afterRounding());
            b.append(",\"productMaximum\":");
            number(b, c.productMaximum());
            b.append(",\"proposed\":");
            number(b, c.proposed());
            b.append('}');
        }
        if (r.rating() != null) {
            b.append(",\"rating\":{\"factors\":[");
            first = true;
            for (Rating.FactorScore s : r.rating().factors()) {
                b.append(first ? "{" : ",{");
                first = false;
                b.append("\"factor\":\"").append(s.factor().name()).append("\",\"value\":");
                if (s.code() != null) {
                    b.append('"').append(s.code()).append('"'); // a code of Factor.codes(): nothing to escape
                } else {
                    number(b, s.number());
                }
                b.append(",\"points\":");
                number(b, s.points());
                b.append(",\"weight\":");
                number(b, s.weight());
                b.append(",\"weighted\":");
                number(b, s.weighted());
                b.append('}');
            }
            b.append("],\"score\":");
            number(b, r.rating().score());
            b.append(",\"grade\":\"").append(escape(r.rating().grade())).append('"');
            b.append('}');
        }
        b.append(",\"eligible\":").append(r.eligible()).append('}');
    }

    private static void number(StringBuilder b, BigDecimal v) {
        b.append(v == null ? "null" : v.toPlainString());
    }

    /** Grade names are letters, digits, + and - (RatingTable checks); escaping is belt and braces. */
    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    static AggregationResult read(String json) {
        JsonNode n = READER.readTree(json);
        if (n.get("format").intValue() != FORMAT) {
            throw new IllegalArgumentException("unknown explanation format " + n.get("format"));
        }
        long household = n.get("household").longValue();
        List<Estimate> estimates = new ArrayList<>();
        for (JsonNode e : n.get("estimates")) {
            JsonNode f = e.get("figures");
            estimates.add(new Estimate(
                    e.get("seat").intValue(),
                    e.get("member").longValue(),
                    optionalLong(e, "memberHousehold"),
                    decimal(f.get(0)),
                    decimal(f.get(1)),
                    decimal(f.get(2)),
                    decimal(f.get(3)),
                    decimal(f.get(4)),
                    e.has("doNotRecommend") && e.get("doNotRecommend").booleanValue(),
                    optionalLong(e, "keyedBy"),
                    optionalLong(e, "verifiedBy")));
        }
        Map<Figure, FigureResult> figures = new EnumMap<>(Figure.class);
        JsonNode fs = n.get("figures");
        for (Figure f : Figure.values()) {
            JsonNode fr = fs.get(f.name());
            List<FigureResult.SeatValue> sorted = new ArrayList<>();
            for (JsonNode seat : fr.get("order")) {
                Estimate e = estimates.stream()
                        .filter(x -> x.seat() == seat.intValue())
                        .findFirst()
                        .orElseThrow();
                sorted.add(new FigureResult.SeatValue(e.seat(), e.counted(f).setScale(TrimmedMean.SCALE)));
            }
            figures.put(
                    f,
                    new FigureResult(
                            f, sorted, fr.get("min").intValue(), decimal(fr.get("sum")), decimal(fr.get("mean"))));
        }
        Cap cap = null;
        if (n.has("cap")) {
            JsonNode c = n.get("cap");
            cap = new Cap(
                    decimal(c.get("suggested")),
                    decimal(c.get("net")),
                    decimal(c.get("bandLow")),
                    decimal(c.get("bandHigh")),
                    decimal(c.get("low")),
                    decimal(c.get("high")),
                    BandPosition.valueOf(c.get("position").stringValue()),
                    decimal(c.get("afterCap")),
                    decimal(c.get("unit")),
                    decimal(c.get("afterRounding")),
                    decimal(c.get("productMaximum")),
                    decimal(c.get("proposed")));
        }
        Rating rating = null;
        if (n.has("rating")) {
            JsonNode rt = n.get("rating");
            List<Rating.FactorScore> scores = new ArrayList<>();
            for (JsonNode s : rt.get("factors")) {
                Factor factor = Factor.valueOf(s.get("factor").stringValue());
                JsonNode v = s.get("value");
                scores.add(new Rating.FactorScore(
                        factor,
                        v.isString() ? null : decimal(v),
                        v.isString() ? v.stringValue() : null,
                        decimal(s.get("points")),
                        decimal(s.get("weight")),
                        decimal(s.get("weighted"))));
            }
            rating =
                    new Rating(scores, decimal(rt.get("score")), rt.get("grade").stringValue());
        }
        return new AggregationResult(
                household,
                n.get("bank").longValue(),
                n.get("ruleSet").intValue(),
                FewerThanFive.valueOf(n.get("fewerThanFive").stringValue()),
                estimates,
                figures,
                AggregationStatus.valueOf(n.get("status").stringValue()),
                cap,
                rating,
                n.get("eligible").booleanValue());
    }

    private static BigDecimal decimal(JsonNode v) {
        return v == null || v.isNull() ? null : v.decimalValue();
    }

    private static Long optionalLong(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.longValue();
    }
}
