package sunshine.review.aggregation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Aggregation and rating of one household (R19-R21), a pure function of the rule set, the household's
 * estimates and its file.
 */
public final class Aggregation {

    private Aggregation() {}

    public static AggregationResult aggregate(
            RuleSet rules, long householdId, List<Estimate> estimates, HouseholdFile file) {
        List<Estimate> bySeat = new ArrayList<>(estimates);
        bySeat.sort(Comparator.comparingInt(Estimate::seat));
        for (int i = 1; i < bySeat.size(); i++) { // a handful of copies: pairwise is cheaper than sets
            Estimate e = bySeat.get(i);
            for (int j = 0; j < i; j++) {
                if (e.seat() == bySeat.get(j).seat()
                        || e.memberId() == bySeat.get(j).memberId()) {
                    throw new IllegalArgumentException(
                            "one estimate per booklet copy and member: household " + householdId);
                }
            }
        }
        int minimum = rules.fewerThanFive().minimum();
        Map<Figure, FigureResult> figures = new EnumMap<>(Figure.class);
        Map<Figure, BigDecimal> means = new EnumMap<>(Figure.class);
        boolean complete = true;
        int notRecommended = 0;
        for (Estimate e : bySeat) {
            if (e.doNotRecommend() && !e.isOwnHousehold(householdId)) {
                notRecommended++;
            }
        }
        for (Figure f : Figure.values()) {
            List<FigureResult.SeatValue> values = new ArrayList<>(bySeat.size());
            for (Estimate e : bySeat) {
                BigDecimal v = e.counted(f);
                if (v != null && !e.isOwnHousehold(householdId)) { // R13: not of one's own household
                    values.add(new FigureResult.SeatValue(e.seat(), v.setScale(TrimmedMean.SCALE)));
                }
            }
            FigureResult r = TrimmedMean.of(f, values, minimum);
            figures.put(f, r);
            means.put(f, r.mean());
            complete &= r.enough();
        }
        if (!complete) {
            return new AggregationResult(
                    householdId,
                    rules.bankId(),
                    rules.version(),
                    rules.fewerThanFive(),
                    bySeat,
                    figures,
                    AggregationStatus.BACK_TO_PANEL,
                    null,
                    null,
                    false,
                    HouseholdFile.UNKNOWN);
        }
        Cap cap = Cap.apply(rules, means.get(Figure.SUGGESTED), means.get(Figure.NET_INCOME));
        HouseholdFile known = file == null ? HouseholdFile.UNKNOWN : file;
        Rating rating = Rating.rate(rules.rating(), means, notRecommended, known);
        return new AggregationResult(
                householdId,
                rules.bankId(),
                rules.version(),
                rules.fewerThanFive(),
                bySeat,
                figures,
                AggregationStatus.COMPLETE,
                cap,
                rating,
                !rules.isIneligible(rating.grade()),
                known);
    }
}
