package sunshine.demo;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import sunshine.review.Aggregations;
import sunshine.review.Booklets;
import sunshine.review.EntryLine;
import sunshine.review.EstimateSheet;
import sunshine.review.Estimates;
import sunshine.review.Figures;
import sunshine.shared.CurrentUser;

/**
 * The review stage of the demo (issue 5): every confirmed panel of B01-B03 gets its booklet printed and its five
 * copies keyed by the branch's data-entry clerk and keyed again, blind, by the branch's verifier through the real
 * services (R17, R18). On one copy of each panel the verifier's typing differs on one household and the difference is
 * resolved by the paper. Then the branch head aggregates the panel (R19-R21), so that results, explanations, the
 * summary and the quality page have something to show. B03's street panel stays in entry: its copies keyed, three
 * verified, one waiting for its differences to be resolved and one for the verifier. Figures are made up from a fixed
 * seed: about one household's net income per member, suggested amounts of 1.1-1.5 times it, one member far off, now
 * and then "do not recommend". Does nothing when the earlier stages left no such panel.
 */
@Service
public class DemoReview {

    private static final Logger log = LoggerFactory.getLogger(DemoReview.class);

    private final JdbcClient jdbc;
    private final Booklets booklets;
    private final Estimates estimates;
    private final Aggregations aggregations;

    DemoReview(JdbcClient jdbc, Booklets booklets, Estimates estimates, Aggregations aggregations) {
        this.jdbc = jdbc;
        this.booklets = booklets;
        this.estimates = estimates;
        this.aggregations = aggregations;
    }

    public void load() {
        long start = System.currentTimeMillis();
        record Confirmed(long id, String branch, String kind) {}
        List<Confirmed> panels = jdbc.sql("""
                select p.id, lower(b.code), p.kind from panel p join branch b on b.id = p.branch_id
                  join bank k on k.id = b.bank_id
                 where k.code = 'ZQRCB' and b.code in ('B01', 'B02', 'B03') and p.status = 'CONFIRMED'
                 order by b.code, (p.name like '明秀村%') desc, p.id""")
                .query((rs, n) -> new Confirmed(rs.getLong(1), rs.getString(2), rs.getString(3)))
                .list();
        Random random = new Random(2026);
        for (Confirmed p : panels) {
            try {
                boolean inEntry = p.branch().equals("b03") && p.kind().equals("STREET");
                keyVerifyAndAggregate(p.id(), p.branch(), !inEntry, random);
            } catch (RuntimeException e) {
                // the demo of one stage must not keep the application from starting
                log.warn("Demo review of panel {} not loaded: {}", p.id(), e.toString());
            }
        }
        long households = jdbc.sql("select count(*) from review_aggregation")
                .query(Long.class)
                .single();
        log.info(
                "Demo review ({} panels keyed and verified, {} households aggregated) in {} ms",
                panels.size(),
                households,
                System.currentTimeMillis() - start);
    }

    /** Prints, keys and verifies the panel's copies; with {@code finish} all five and aggregated, else part-way. */
    private void keyVerifyAndAggregate(long id, String branch, boolean finish, Random random) {
        CurrentUser head = DemoBank.user(jdbc, branch + "_head");
        CurrentUser entry = DemoBank.user(jdbc, branch + "_entry");
        CurrentUser verifier = DemoBank.user(jdbc, branch + "_verify");
        as(head, () -> booklets.print(id));
        List<Estimates.CopyStatus> copies =
                as(entry, () -> estimates.overview(id).copies());
        for (Estimates.CopyStatus c : copies) {
            if (c.copy() != null) {
                continue;
            }
            EstimateSheet form = as(entry, () -> estimates.keyingForm(id, c.copyNo()));
            List<EntryLine> lines = new ArrayList<>();
            for (EstimateSheet.Line l : form.lines()) {
                lines.add(EntryLine.of(l.householdId(), figures(l.householdId(), c.copyNo(), random)));
            }
            long copyId = as(
                    entry,
                    () -> estimates.keyFirst(id, c.copyNo(), lines, true).copy().id());
            if (!finish && c.copyNo() == 5) {
                continue; // keyed, waiting for the verifier
            }
            if (c.copyNo() != 2 || lines.isEmpty()) {
                as(verifier, () -> estimates.keySecond(copyId, lines));
                continue;
            }
            // the verifier mistypes one household's suggested amount; the paper says the first keying was right
            EntryLine paper = lines.get(lines.size() / 2);
            List<EntryLine> second = new ArrayList<>(lines);
            second.set(lines.indexOf(paper), EntryLine.of(paper.householdId(), mistyped(paper.figures())));
            as(verifier, () -> estimates.keySecond(copyId, second));
            if (finish) {
                as(verifier, () -> estimates.resolve(copyId, Map.of(paper.householdId(), paper.figures())));
            }
        }
        if (finish) {
            DemoBank.actAs(head, () -> aggregations.aggregatePanel(id));
        }
    }

    /** The suggested amount with two digits swapped, as a tired verifier might type it. */
    private static Figures mistyped(Figures f) {
        BigDecimal typed = f.suggestedAmount() == null
                ? new BigDecimal("10000")
                : f.suggestedAmount().add(new BigDecimal("9000"));
        return new Figures(f.assets(), f.liabilities(), f.grossIncome(), f.netIncome(), typed, false);
    }

    /** A member's estimate: the household's own level (from its id) with the member's spread; seat 5 runs high. */
    static Figures figures(long householdId, int seat, Random random) {
        long level = 30 + householdId * 7919 % 60; // thousand yuan of net income, 30-89
        double spread = seat == 5 ? 1.6 : 0.9 + random.nextDouble() * 0.2;
        BigDecimal net = thousands(level * spread);
        BigDecimal gross = thousands(level * spread * 1.8);
        BigDecimal assets = thousands(level * spread * 6);
        BigDecimal liabilities = thousands(level * spread * (random.nextInt(4) * 0.5));
        BigDecimal suggested = thousands(level * spread * (1.1 + random.nextDouble() * 0.4));
        boolean doNotRecommend = seat == 3 && householdId % 9 == 0;
        return new Figures(assets, liabilities, gross, net, doNotRecommend ? null : suggested, doNotRecommend);
    }

    private static BigDecimal thousands(double k) {
        return BigDecimal.valueOf(Math.round(k)).multiply(BigDecimal.valueOf(1000));
    }

    private static <T> T as(CurrentUser user, Supplier<T> work) {
        Object[] result = new Object[1];
        DemoBank.actAs(user, () -> result[0] = work.get());
        @SuppressWarnings("unchecked")
        T t = (T) result[0];
        return t;
    }
}
