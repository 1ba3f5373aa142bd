package sunshine.review;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import sunshine.customer.HouseholdRoster;
import sunshine.panel.PanelSheet;
import sunshine.panel.Panels;
import sunshine.review.aggregation.Figure;
import sunshine.review.aggregation.FigureResult;
import sunshine.review.aggregation.RuleSet;
import sunshine.review.aggregation.TrimmedMean;
import sunshine.shared.CurrentUser;
import sunshine.shared.DataScope;

/**
 * How reliable each member of a panel looks (issue 5 point 10), from the verified copies (R18), never the own
 * household (R13): how far their figures sit from the household medians, how often their suggested amount is the
 * one dropped as highest or lowest (R19), pairs of members whose figures agree exactly suspiciously often (copying
 * breaks "back to back", R17), and suggested amounts outside the band of their own net income (R17, R20). Each flag
 * names the households behind it. The thresholds are in docs/pending/results.md.
 */
@Service
public class PanelQuality {

    /** A member's mean distance above this share of the medians is flagged. */
    public static final BigDecimal DISTANCE = new BigDecimal("0.30");
    /** Dropped as highest or lowest in more than this share of their households (3 or more) is flagged. */
    public static final BigDecimal DROPPED = new BigDecimal("0.60");
    /** Suggested amounts outside the band in more than this share of their households is flagged. */
    public static final BigDecimal OUTSIDE = new BigDecimal("0.30");
    /** Two members agreeing on every figure in at least this share of 3 or more shared households are flagged. */
    public static final BigDecimal AGREEING = new BigDecimal("0.60");

    public static final int MIN_HOUSEHOLDS = 3;

    /** One household behind a flag (representative's name and masked ID). */
    public record HouseholdRef(long householdId, String representative, String residentIdMasked) {}

    public record Member(
            int copyNo,
            String name,
            int households,
            BigDecimal meanDistance,
            int droppedHigh,
            int droppedLow,
            int outsideBand,
            List<HouseholdRef> distant,
            List<HouseholdRef> dropped,
            List<HouseholdRef> outside,
            List<String> flags) {}

    public record Pair(
            int copyA,
            String nameA,
            int copyB,
            String nameB,
            int shared,
            int identical,
            List<HouseholdRef> households) {}

    public record Report(PanelSheet panel, int households, List<Member> members, List<Pair> pairs) {

        public int flags() {
            return pairs.size()
                    + members.stream().mapToInt(m -> m.flags().size()).sum();
        }
    }

    private final VerifiedEstimates verified;
    private final Panels panels;
    private final ReviewRules rules;
    private final HouseholdRoster roster;
    private final JdbcClient jdbc;
    private final DataScope scope;

    PanelQuality(
            VerifiedEstimates verified,
            Panels panels,
            ReviewRules rules,
            HouseholdRoster roster,
            JdbcClient jdbc,
            DataScope scope) {
        this.verified = verified;
        this.panels = panels;
        this.rules = rules;
        this.roster = roster;
        this.jdbc = jdbc;
        this.scope = scope;
    }

    /** The panel's report. 404 outside the caller's scope. */
    @Transactional(readOnly = true)
    public Report of(long panelId) {
        PanelSheet panel = panels.requireSheet(panelId);
        List<VerifiedEstimates.Household> households = verified.ofPanel(panelId);
        Map<Long, HouseholdRef> refs = new HashMap<>();
        roster.byIds(households.stream()
                        .map(VerifiedEstimates.Household::householdId)
                        .toList())
                .forEach(e -> refs.put(
                        e.householdId(), new HouseholdRef(e.householdId(), e.representative(), e.residentIdMasked())));
        RuleSet r = rules.current(panel.bankId());
        return compute(
                panel,
                households,
                r.bandLow(),
                r.bandHigh(),
                id -> refs.getOrDefault(id, new HouseholdRef(id, "—", "—")));
    }

    /** Every panel of the caller's scope with verified copies, the most flags first. */
    @Transactional(readOnly = true)
    public List<Report> ranking() {
        CurrentUser.require();
        List<Long> ids = jdbc.sql("select distinct c.panel_id from estimate_copy c join branch b on b.id = c.branch_id"
                        + " where c.status = 'VERIFIED' and " + scope.condition("b") + " order by c.panel_id")
                .params(scope.params())
                .query(Long.class)
                .list();
        List<Report> reports = new ArrayList<>();
        for (long id : ids) {
            reports.add(of(id));
        }
        reports.sort(Comparator.comparingInt(Report::flags).reversed());
        return reports;
    }

    /** The pure computation (R13, R17, R19, R20), for the service and for tests. */
    static Report compute(
            PanelSheet panel,
            List<VerifiedEstimates.Household> households,
            BigDecimal bandLow,
            BigDecimal bandHigh,
            java.util.function.LongFunction<HouseholdRef> ref) {
        Map<Integer, Tally> tallies = new LinkedHashMap<>();
        Map<String, PairTally> pairs = new LinkedHashMap<>();
        for (VerifiedEstimates.Household h : households) {
            List<VerifiedEstimates.CopyFigures> valid = h.valid();
            HouseholdRef who = ref.apply(h.householdId());
            Map<Figure, FigureResult> trimmed = new EnumMap<>(Figure.class);
            for (Figure f : Figure.values()) {
                List<FigureResult.SeatValue> values = new ArrayList<>();
                for (VerifiedEstimates.CopyFigures c : valid) {
                    BigDecimal v = counted(c.figures(), f);
                    if (v != null) {
                        values.add(new FigureResult.SeatValue(c.copyNo(), v));
                    }
                }
                trimmed.put(f, TrimmedMean.of(f, values, MIN_HOUSEHOLDS));
            }
            for (VerifiedEstimates.CopyFigures c : valid) {
                Tally t = tallies.computeIfAbsent(c.copyNo(), k -> new Tally(c.copyNo(), c.memberName()));
                t.households++;
                BigDecimal distance = distance(c.figures(), trimmed);
                if (distance != null) {
                    t.distanceSum = t.distanceSum.add(distance);
                    t.distanceCount++;
                    if (distance.compareTo(DISTANCE) > 0) {
                        t.distant.add(who);
                    }
                }
                FigureResult s = trimmed.get(Figure.SUGGESTED);
                if (s.enough()) {
                    boolean high = s.droppedHigh().seat() == c.copyNo();
                    boolean low = s.droppedLow().seat() == c.copyNo();
                    t.droppedHigh += high ? 1 : 0;
                    t.droppedLow += low ? 1 : 0;
                    t.droppedBase++;
                    if (high || low) {
                        t.dropped.add(who);
                    }
                }
                if (outsideBand(c.figures(), bandLow, bandHigh)) {
                    t.outsideBand++;
                    t.outside.add(who);
                }
            }
            for (int i = 0; i < valid.size(); i++) {
                for (int j = i + 1; j < valid.size(); j++) {
                    VerifiedEstimates.CopyFigures a = valid.get(i);
                    VerifiedEstimates.CopyFigures b = valid.get(j);
                    PairTally p = pairs.computeIfAbsent(a.copyNo() + "-" + b.copyNo(), k -> new PairTally(a, b));
                    p.shared++;
                    if (identical(a.figures(), b.figures())) {
                        p.identical++;
                        p.households.add(who);
                    }
                }
            }
        }
        List<Member> members = tallies.values().stream().map(Tally::member).toList();
        List<Pair> flagged = pairs.values().stream()
                .filter(PairTally::suspicious)
                .map(p ->
                        new Pair(p.copyA, p.nameA, p.copyB, p.nameB, p.shared, p.identical, List.copyOf(p.households)))
                .toList();
        return new Report(panel, households.size(), members, flagged);
    }

    private static BigDecimal counted(Figures f, Figure figure) {
        return switch (figure) {
            case ASSETS -> f.assets();
            case LIABILITIES -> f.liabilities();
            case GROSS_INCOME -> f.grossIncome();
            case NET_INCOME -> f.netIncome();
            case SUGGESTED -> f.doNotRecommend() ? BigDecimal.ZERO : f.suggestedAmount();
        };
    }

    /** Mean of |value − median| / median over the figures with a median above zero (the middle value of R19's sort). */
    static BigDecimal distance(Figures f, Map<Figure, FigureResult> trimmed) {
        BigDecimal sum = BigDecimal.ZERO;
        int n = 0;
        for (Figure figure : Figure.values()) {
            BigDecimal v = counted(f, figure);
            FigureResult r = trimmed.get(figure);
            if (v == null || !r.enough()) {
                continue;
            }
            BigDecimal median = median(r.sorted());
            if (median.signum() <= 0) {
                continue;
            }
            sum = sum.add(v.subtract(median).abs().divide(median, 6, RoundingMode.HALF_UP));
            n++;
        }
        return n == 0 ? null : sum.divide(BigDecimal.valueOf(n), 6, RoundingMode.HALF_UP);
    }

    static BigDecimal median(List<FigureResult.SeatValue> sorted) {
        int n = sorted.size();
        if (n % 2 == 1) {
            return sorted.get(n / 2).amount();
        }
        return sorted.get(n / 2 - 1)
                .amount()
                .add(sorted.get(n / 2).amount())
                .divide(BigDecimal.valueOf(2), 2, RoundingMode.HALF_UP);
    }

    /** R17: the member's suggested amount against the band of their own net income ("do not recommend" is not). */
    static boolean outsideBand(Figures f, BigDecimal low, BigDecimal high) {
        if (f.doNotRecommend()
                || f.suggestedAmount() == null
                || f.netIncome() == null
                || f.netIncome().signum() <= 0) {
            return false;
        }
        BigDecimal s = f.suggestedAmount();
        return s.compareTo(f.netIncome().multiply(low)) < 0
                || s.compareTo(f.netIncome().multiply(high)) > 0;
    }

    static boolean identical(Figures a, Figures b) {
        return a.doNotRecommend() == b.doNotRecommend()
                && same(a.assets(), b.assets())
                && same(a.liabilities(), b.liabilities())
                && same(a.grossIncome(), b.grossIncome())
                && same(a.netIncome(), b.netIncome())
                && same(a.suggestedAmount(), b.suggestedAmount());
    }

    private static boolean same(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    private static boolean over(int count, int base, BigDecimal share) {
        return base >= MIN_HOUSEHOLDS
                && BigDecimal.valueOf(count).compareTo(share.multiply(BigDecimal.valueOf(base))) > 0;
    }

    private static final class Tally {
        final int copyNo;
        final String name;
        int households;
        BigDecimal distanceSum = BigDecimal.ZERO;
        int distanceCount;
        int droppedHigh;
        int droppedLow;
        int droppedBase;
        int outsideBand;
        final List<HouseholdRef> distant = new ArrayList<>();
        final List<HouseholdRef> dropped = new ArrayList<>();
        final List<HouseholdRef> outside = new ArrayList<>();

        Tally(int copyNo, String name) {
            this.copyNo = copyNo;
            this.name = name;
        }

        Member member() {
            BigDecimal mean = distanceCount == 0
                    ? null
                    : distanceSum.divide(BigDecimal.valueOf(distanceCount), 4, RoundingMode.HALF_UP);
            List<String> flags = new ArrayList<>();
            if (mean != null && distanceCount >= MIN_HOUSEHOLDS && mean.compareTo(DISTANCE) > 0) {
                flags.add("DISTANT");
            }
            if (over(droppedHigh + droppedLow, droppedBase, DROPPED)) {
                flags.add("DROPPED");
            }
            if (over(outsideBand, households, OUTSIDE)) {
                flags.add("OUTSIDE_BAND");
            }
            return new Member(
                    copyNo,
                    name,
                    households,
                    mean,
                    droppedHigh,
                    droppedLow,
                    outsideBand,
                    List.copyOf(distant),
                    List.copyOf(dropped),
                    List.copyOf(outside),
                    List.copyOf(flags));
        }
    }

    private static final class PairTally {
        final int copyA;
        final String nameA;
        final int copyB;
        final String nameB;
        int shared;
        int identical;
        final List<HouseholdRef> households = new ArrayList<>();

        PairTally(VerifiedEstimates.CopyFigures a, VerifiedEstimates.CopyFigures b) {
            this.copyA = a.copyNo();
            this.nameA = a.memberName();
            this.copyB = b.copyNo();
            this.nameB = b.memberName();
        }

        boolean suspicious() {
            return shared >= MIN_HOUSEHOLDS
                    && BigDecimal.valueOf(identical).compareTo(AGREEING.multiply(BigDecimal.valueOf(shared))) >= 0;
        }
    }
}
