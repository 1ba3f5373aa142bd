package sunshine.review.aggregation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What was done to a household's estimates, step by step, so that a branch head or an auditor can redo it by
 * hand: as JSON for storage ({@link #toJson()}, {@link #fromJson(String, RuleSet)}) and as lines of text in the reader's
 * language ({@link #lines()}: message keys of messages*.properties with their arguments; {@link #render}).
 */
public record Explanation(AggregationResult result) {

    /** A message key and its arguments: strings, or nested lines (rendered first, e.g. a figure's name). */
    public record Line(String key, Object... args) {

        @Override
        public boolean equals(Object o) {
            return o instanceof Line l && key.equals(l.key) && Arrays.deepEquals(args, l.args);
        }

        @Override
        public int hashCode() {
            return key.hashCode() * 31 + Arrays.deepHashCode(args);
        }

        @Override
        public String toString() {
            return key + Arrays.deepToString(args);
        }
    }

    /** Resolves a message key with already rendered arguments (Spring's MessageSource in the application). */
    @FunctionalInterface
    public interface Messages {
        String get(String key, Object[] args);
    }

    public String toJson() {
        return ExplanationJson.write(result);
    }

    /** The JSON appended to a buffer (a batch writes a million of them). */
    public void appendJson(StringBuilder to) {
        ExplanationJson.write(result, to);
    }

    /** A stored explanation read back; {@code rules} is the rule set version it names (its "ruleSet"). */
    public static Explanation fromJson(String json, RuleSet rules) {
        return new Explanation(ExplanationJson.read(json, rules));
    }

    /** The explanation as text, one line per step. */
    public List<String> render(Messages messages) {
        return lines().stream().map(l -> render(l, messages)).toList();
    }

    public static String render(Line line, Messages messages) {
        Object[] args = Arrays.stream(line.args())
                .map(a -> a instanceof Line l ? render(l, messages) : a)
                .toArray();
        return messages.get(line.key(), args);
    }

    public List<Line> lines() {
        AggregationResult r = result;
        List<Line> lines = new ArrayList<>();
        lines.add(new Line(
                "review.explain.rules",
                String.valueOf(r.ruleSetVersion()),
                new Line("review.policy." + r.fewerThanFive().name())));
        for (Estimate e : r.estimates()) {
            lines.add(new Line(
                    "review.explain.estimate",
                    String.valueOf(e.seat()),
                    id(e.memberId()),
                    id(e.keyedBy()),
                    id(e.verifiedBy()),
                    Amounts.money(e.assets()),
                    Amounts.money(e.liabilities()),
                    Amounts.money(e.grossIncome()),
                    Amounts.money(e.netIncome()),
                    Amounts.money(e.suggested())));
            if (e.isOwnHousehold(r.householdId())) {
                lines.add(new Line("review.explain.ownHousehold", String.valueOf(e.seat())));
            } else if (e.doNotRecommend()) {
                lines.add(new Line("review.explain.notRecommended", String.valueOf(e.seat())));
            }
        }
        for (FigureResult f : r.figures().values()) {
            figureLines(f, lines);
        }
        if (r.status() == AggregationStatus.BACK_TO_PANEL) {
            lines.add(new Line("review.explain.backToPanel"));
            return lines;
        }
        capLines(r.cap(), lines);
        ratingLines(r, lines);
        return lines;
    }

    private static void figureLines(FigureResult f, List<Line> lines) {
        Line name = new Line("review.figure." + f.figure().name());
        String values = f.sorted().stream().map(v -> Amounts.money(v.amount())).collect(Collectors.joining(" / "));
        lines.add(new Line("review.explain.values", name, String.valueOf(f.count()), values.isEmpty() ? "—" : values));
        switch (f.method()) {
            case TOO_FEW ->
                lines.add(new Line(
                        "review.explain.tooFew", name, String.valueOf(f.count()), String.valueOf(f.minimum())));
            case MEDIAN ->
                lines.add(new Line(
                        "review.explain.median",
                        Amounts.money(f.droppedLow().amount()),
                        String.valueOf(f.droppedLow().seat()),
                        Amounts.money(f.droppedHigh().amount()),
                        String.valueOf(f.droppedHigh().seat()),
                        Amounts.money(f.mean())));
            case MIDDLE_MEAN ->
                lines.add(new Line(
                        "review.explain.middleMean",
                        Amounts.money(f.droppedLow().amount()),
                        String.valueOf(f.droppedLow().seat()),
                        Amounts.money(f.droppedHigh().amount()),
                        String.valueOf(f.droppedHigh().seat()),
                        String.valueOf(f.kept().size()),
                        Amounts.money(f.keptSum()),
                        Amounts.money(f.mean())));
        }
    }

    private static void capLines(Cap c, List<Line> lines) {
        String net = Amounts.money(c.netMean());
        lines.add(new Line(
                "review.explain.band",
                net,
                Amounts.plain(c.bandLow()),
                Amounts.money(c.lowAmount()),
                Amounts.plain(c.bandHigh()),
                Amounts.money(c.highAmount())));
        String suggested = Amounts.money(c.suggestedMean());
        switch (c.position()) {
            case WITHIN -> lines.add(new Line("review.explain.within", suggested));
            case ABOVE -> lines.add(new Line("review.explain.above", suggested, Amounts.money(c.highAmount())));
            case BELOW -> lines.add(new Line("review.explain.below", suggested, Amounts.money(c.lowAmount())));
        }
        lines.add(new Line(
                "review.explain.rounding",
                Amounts.grouped(c.unit()),
                Amounts.money(c.afterCap()),
                Amounts.money(c.afterRounding())));
        lines.add(new Line(
                c.limited() ? "review.explain.maxLimited" : "review.explain.maxOk", Amounts.money(c.productMaximum())));
        lines.add(new Line("review.explain.proposed", Amounts.money(c.proposed())));
    }

    private static void ratingLines(AggregationResult r, List<Line> lines) {
        for (Rating.FactorScore s : r.rating().factors()) {
            Line name = new Line("review.factor." + s.factor().name());
            if (s.missing()) {
                lines.add(new Line("review.explain.factorMissing", name, Amounts.plain(s.weight())));
            } else {
                Object value = s.code() != null ? new Line(codeKey(s.factor(), s.code())) : number(s);
                lines.add(new Line(
                        "review.explain.factor",
                        name,
                        value,
                        Amounts.plain(s.points()),
                        Amounts.plain(s.weight()),
                        Amounts.score(s.weighted())));
            }
        }
        lines.add(new Line(
                "review.explain.score",
                Amounts.score(r.rating().score()),
                r.rating().grade()));
        if (!r.eligible()) {
            lines.add(new Line("review.explain.ineligible", r.rating().grade()));
        }
    }

    private static String number(Rating.FactorScore s) {
        return switch (s.factor()) {
            case DEBT_RATIO -> Amounts.score(s.number()) + "%";
            case AGE, HOUSEHOLD_SIZE, NOT_RECOMMENDED -> Amounts.plain(s.number());
            default -> Amounts.money(s.number());
        };
    }

    private static String codeKey(Factor factor, String code) {
        return (factor == Factor.CUSTOMER_TYPE ? "customerType." : "residence.") + code;
    }

    private static String id(Long id) {
        return id == null ? "—" : "#" + id;
    }
}
