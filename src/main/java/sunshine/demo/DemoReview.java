package sunshine.demo;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import sunshine.review.Aggregations;
import sunshine.review.Booklets;
import sunshine.review.EntryLine;
import sunshine.review.EstimateSheet;
import sunshine.review.Estimates;
import sunshine.review.Figures;
import sunshine.shared.CurrentUser;
import sunshine.shared.Role;

/**
 * The review stage of the demo (issue 5): one confirmed B01 panel (the 明秀村 panel when there is one) gets its
 * booklet printed, its five copies keyed by B01's data-entry clerk and verified by B01's verifier through the real
 * services, and is aggregated by the branch head, so that results, explanations, the summary and the quality page
 * have something to show. Figures are made up from a fixed seed: about one household's net income per member,
 * suggested amounts of 1.1-1.5 times it, one member far off, now and then "do not recommend". Does nothing when
 * the earlier stages left no such panel.
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
        try {
            keyVerifyAndAggregate();
        } catch (RuntimeException e) {
            // the demo of one stage must not keep the application from starting
            log.warn("Demo review not loaded: {}", e.toString());
        }
    }

    private void keyVerifyAndAggregate() {
        Optional<Long> panel = jdbc.sql("""
                select p.id from panel p join branch b on b.id = p.branch_id join bank k on k.id = b.bank_id
                 where k.code = 'ZQRCB' and b.code = 'B01' and p.status = 'CONFIRMED'
                 order by (p.name like '明秀村%') desc, p.id limit 1""").query(Long.class).optional();
        Optional<CurrentUser> head = user("b01_head", Role.BRANCH_HEAD);
        Optional<CurrentUser> entry = user("b01_entry", Role.DATA_ENTRY);
        Optional<CurrentUser> verifier = user("b01_verify", Role.VERIFIER);
        if (panel.isEmpty() || head.isEmpty() || entry.isEmpty() || verifier.isEmpty()) {
            return;
        }
        long start = System.currentTimeMillis();
        long id = panel.get();
        as(head.get(), () -> booklets.print(id));
        Random random = new Random(2026);
        List<Estimates.CopyStatus> copies =
                as(entry.get(), () -> estimates.overview(id).copies());
        for (Estimates.CopyStatus c : copies) {
            if (c.copy() != null) {
                continue;
            }
            EstimateSheet form = as(entry.get(), () -> estimates.keyingForm(id, c.copyNo()));
            List<EntryLine> lines = new ArrayList<>();
            for (EstimateSheet.Line l : form.lines()) {
                lines.add(EntryLine.of(l.householdId(), figures(l.householdId(), c.copyNo(), random)));
            }
            long copyId = as(
                    entry.get(),
                    () -> estimates.keyFirst(id, c.copyNo(), lines, true).copy().id());
            as(verifier.get(), () -> estimates.keySecond(copyId, lines));
        }
        as(head.get(), () -> {
            aggregations.aggregatePanel(id);
            return id;
        });
        log.info("Demo review (panel {} keyed, verified, aggregated) in {} ms", id, System.currentTimeMillis() - start);
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

    private Optional<CurrentUser> user(String username, Role role) {
        return jdbc.sql("""
                select s.id, s.bank_id, s.branch_id, s.staff_no, s.name, b.path
                  from user_account a join staff s on s.id = a.staff_id join branch b on b.id = s.branch_id
                 where a.username = :u""")
                .param("u", username)
                .query((rs, n) -> new CurrentUser(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getLong(3),
                        rs.getString(4),
                        rs.getString(5),
                        username,
                        rs.getString(6),
                        EnumSet.of(role)))
                .optional();
    }

    private static <T> T as(CurrentUser user, Supplier<T> work) {
        var previous = SecurityContextHolder.getContext();
        CurrentUser.Holder holder = () -> user;
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                holder,
                null,
                user.roles().stream()
                        .map(r -> new SimpleGrantedAuthority(r.authority()))
                        .toList()));
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }
}
