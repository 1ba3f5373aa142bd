package sunshine.review.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import sunshine.review.ReviewRules;
import sunshine.review.aggregation.Factor;
import sunshine.review.aggregation.FewerThanFive;
import sunshine.review.aggregation.InvalidRules;
import sunshine.review.aggregation.RatingFactor;
import sunshine.review.aggregation.RatingTable;
import sunshine.review.aggregation.RuleSet;
import sunshine.shared.BusinessException;

/**
 * The rules page's form: plain fields for the money settings, and the rating table written as short lists,
 * "20000:40; 50000:70" (from this value up: these points) or "FARMER:80; PUBLIC_STAFF:100". A factor with a blank
 * weight is not in the table.
 */
final class RulesForm {

    private RulesForm() {}

    /** The form's fields filled from a rule set. */
    static Map<String, String> of(RuleSet r) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("basedOn", String.valueOf(r.version()));
        f.put("fewerThanFive", r.fewerThanFive().name());
        f.put("bandLow", plain(r.bandLow()));
        f.put("bandHigh", plain(r.bandHigh()));
        f.put("roundingUnit", plain(r.roundingUnit()));
        f.put("productMaximum", plain(r.productMaximum()));
        f.put("ineligibleGrades", String.join(", ", r.ineligibleGrades()));
        f.put(
                "grades",
                r.rating().grades().stream()
                        .map(g -> g.name() + ":" + plain(g.minScore()))
                        .collect(Collectors.joining("; ")));
        for (Factor factor : Factor.values()) {
            f.put("weight." + factor.name(), "");
            f.put("scale." + factor.name(), "");
        }
        for (RatingFactor rf : r.rating().factors()) {
            f.put("weight." + rf.factor().name(), plain(rf.weight()));
            f.put("scale." + rf.factor().name(), scale(rf));
        }
        return f;
    }

    /** A factor's bands or choices as the form writes them. */
    static String scale(RatingFactor rf) {
        if (rf.factor().isChoice()) {
            return rf.choices().entrySet().stream()
                    .map(e -> e.getKey() + ":" + plain(e.getValue()))
                    .collect(Collectors.joining("; "));
        }
        return rf.bands().stream()
                .map(b -> plain(b.from()) + ":" + plain(b.points()))
                .collect(Collectors.joining("; "));
    }

    static ReviewRules.Draft parse(Map<String, String> form) {
        try {
            List<RatingFactor> factors = new ArrayList<>();
            for (Factor factor : Factor.values()) {
                String weight = form.getOrDefault("weight." + factor.name(), "").strip();
                if (weight.isEmpty()) {
                    continue;
                }
                String scale = form.getOrDefault("scale." + factor.name(), "");
                Map<String, String> pairs = pairs(factor.name(), scale);
                if (factor.isChoice()) {
                    Map<String, BigDecimal> choices = new LinkedHashMap<>();
                    pairs.forEach((k, v) -> choices.put(k, number(factor.name(), v)));
                    factors.add(new RatingFactor(factor, number(factor.name(), weight), List.of(), choices));
                } else {
                    List<RatingFactor.Band> bands = new ArrayList<>();
                    pairs.forEach((k, v) ->
                            bands.add(new RatingFactor.Band(number(factor.name(), k), number(factor.name(), v))));
                    factors.add(new RatingFactor(factor, number(factor.name(), weight), bands, Map.of()));
                }
            }
            List<RatingTable.Grade> grades = new ArrayList<>();
            pairs("grades", form.getOrDefault("grades", ""))
                    .forEach((k, v) -> grades.add(new RatingTable.Grade(k, number("grades", v))));
            List<String> ineligible = new ArrayList<>();
            for (String g : form.getOrDefault("ineligibleGrades", "").split("[,，;；\\s]+")) {
                if (!g.isBlank()) {
                    ineligible.add(g.strip());
                }
            }
            return new ReviewRules.Draft(
                    FewerThanFive.valueOf(form.getOrDefault("fewerThanFive", "")),
                    number("bandLow", form.get("bandLow")),
                    number("bandHigh", form.get("bandHigh")),
                    number("roundingUnit", form.get("roundingUnit")),
                    number("productMaximum", form.get("productMaximum")),
                    ineligible,
                    new RatingTable(factors, grades));
        } catch (InvalidRules e) {
            throw new BusinessException(e.messageKey(), e.args());
        } catch (IllegalArgumentException e) { // an unknown choice of the select
            throw new BusinessException("review.rules.error.missing");
        }
    }

    /** "a:1; b:2" (also with full-width punctuation or one pair a line), in the order written. */
    private static Map<String, String> pairs(String field, String text) {
        Map<String, String> pairs = new LinkedHashMap<>();
        for (String item : text.split("[;；\\n]+")) {
            if (item.isBlank()) {
                continue;
            }
            String[] kv = item.split("[:：]", -1);
            if (kv.length != 2 || kv[0].isBlank() || pairs.put(kv[0].strip(), kv[1].strip()) != null) {
                throw new BusinessException("review.rules.error.syntax", field, item.strip());
            }
        }
        return pairs;
    }

    private static BigDecimal number(String field, String text) {
        try {
            return new BigDecimal(text.strip().replace(",", "").replace("，", ""));
        } catch (RuntimeException e) {
            throw new BusinessException("review.rules.error.syntax", field, text == null ? "" : text);
        }
    }

    static String plain(BigDecimal v) {
        return v.stripTrailingZeros().toPlainString();
    }
}
