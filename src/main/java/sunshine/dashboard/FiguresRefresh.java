package sunshine.dashboard;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import sunshine.customer.Coverage;
import sunshine.shared.FunnelStep;
import sunshine.shared.PublicityReach;

/**
 * Precomputes the heavy per-area figures (issue 8 point 7): filing and pre-credit coverage (R9), publicity coverage
 * (R34, from the {@link PublicityReach} bean) and every funnel step, into {@code dashboard_area_figure} and {@code dashboard_funnel_figure}. The pages then read a few hundred
 * rows instead of grouping a million customers per request. A refresh computes everything first, then replaces the
 * bank's rows in one short transaction: readers see the old figures until it commits and never wait for it. One
 * refresh per bank at a time (an advisory lock; a second one meanwhile skips).
 */
@Service
public class FiguresRefresh {

    private static final Logger log = LoggerFactory.getLogger(FiguresRefresh.class);
    /** Advisory lock namespace of the dashboard refresh ("DASH"). */
    static final int LOCK = 0x44415348;

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final Coverage coverage;
    private final List<FunnelStep> steps;
    private final List<PublicityReach> publicity;
    private final TransactionTemplate tx;
    private final FigureCache cache;

    FiguresRefresh(
            JdbcClient jdbc,
            JdbcTemplate template,
            Coverage coverage,
            List<FunnelStep> steps,
            List<PublicityReach> publicity,
            PlatformTransactionManager transactions,
            FigureCache cache) {
        this.jdbc = jdbc;
        this.template = template;
        this.coverage = coverage;
        this.steps = steps.stream()
                .sorted(Comparator.comparingInt(FunnelStep::order))
                .toList();
        this.publicity = publicity;
        this.tx = new TransactionTemplate(transactions);
        this.cache = cache;
    }

    /** Every bank, on a schedule ({@code sunshine.dashboard.refresh}, one minute by default; tests: a few seconds). */
    @Scheduled(
            fixedDelayString = "${sunshine.dashboard.refresh:PT1M}",
            initialDelayString = "${sunshine.dashboard.refresh-initial:PT20S}")
    public void refreshAll() {
        for (Long bank :
                jdbc.sql("select id from bank order by id").query(Long.class).list()) {
            try {
                refresh(bank, false);
            } catch (RuntimeException e) {
                log.warn("dashboard refresh of bank {} failed: {}", bank, e.toString());
            }
        }
    }

    /** Refreshes one bank's figures now, after any refresh of the bank that is running. */
    public void refresh(long bankId) {
        refresh(bankId, true);
    }

    /** False when {@code wait} is not set and another refresh of the bank was running (this one skipped). */
    boolean refresh(long bankId, boolean wait) {
        long start = System.currentTimeMillis();
        Boolean done = tx.execute(status -> {
            if (wait) {
                jdbc.sql("select pg_advisory_xact_lock(:ns, :bank)")
                        .param("ns", LOCK)
                        .param("bank", (int) bankId)
                        .query((rs, n) -> 1)
                        .single();
            } else if (!jdbc.sql("select pg_try_advisory_xact_lock(:ns, :bank)")
                    .param("ns", LOCK)
                    .param("bank", (int) bankId)
                    .query(Boolean.class)
                    .single()) {
                return false;
            }
            List<Coverage.AreaFigure> areas = coverage.areaFigures(bankId);
            Map<Long, FunnelStep.Count> preCredit = preCredit(bankId);
            Map<Long, PublicityReach.Reach> reach = new HashMap<>();
            publicity.forEach(p -> reach.putAll(p.byArea(bankId)));
            Map<FunnelStep, Map<Long, FunnelStep.Count>> funnel = new HashMap<>();
            steps.forEach(s -> funnel.put(s, s.byArea(bankId)));
            write(bankId, areas, preCredit, reach, funnel, System.currentTimeMillis() - start);
            return true;
        });
        if (Boolean.TRUE.equals(done)) {
            // committed: the pages' kept answers are old now
            cache.invalidate(bankId);
        }
        return Boolean.TRUE.equals(done);
    }

    /** R9: households on the pre-credit list (COMPLETE, eligible, amount above zero) per area, with their amount. */
    private Map<Long, FunnelStep.Count> preCredit(long bankId) {
        Map<Long, FunnelStep.Count> m = new HashMap<>();
        jdbc.sql("""
                select area_id, count(*), coalesce(sum(amount), 0) from review_pre_credit
                 where bank_id = :bank and status = 'COMPLETE' and eligible and amount > 0 group by area_id""").param("bank", bankId).query(rs -> {
            m.put(rs.getLong(1), new FunnelStep.Count(rs.getLong(2), rs.getBigDecimal(3)));
        });
        return m;
    }

    private void write(
            long bankId,
            List<Coverage.AreaFigure> areas,
            Map<Long, FunnelStep.Count> preCredit,
            Map<Long, PublicityReach.Reach> reach,
            Map<FunnelStep, Map<Long, FunnelStep.Count>> funnel,
            long millis) {
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.sql("delete from dashboard_area_figure where bank_id = :b")
                .param("b", bankId)
                .update();
        jdbc.sql("delete from dashboard_funnel_figure where bank_id = :b")
                .param("b", bankId)
                .update();
        jdbc.sql("delete from dashboard_funnel_step where bank_id = :b")
                .param("b", bankId)
                .update();
        List<Object[]> rows = new ArrayList<>(areas.size());
        for (Coverage.AreaFigure a : areas) {
            FunnelStep.Count pc = preCredit.getOrDefault(a.areaId(), new FunnelStep.Count(0, BigDecimal.ZERO));
            PublicityReach.Reach pr = reach.getOrDefault(a.areaId(), new PublicityReach.Reach(0, 0));
            rows.add(new Object[] {
                a.areaId(),
                bankId,
                a.branchId(),
                a.branchPath(),
                a.branchName(),
                a.areaName(),
                a.divisionCode(),
                a.managerId(),
                a.managerName(),
                a.actualHouseholds(),
                a.filedHouseholds(),
                a.filedPeople(),
                a.excludedPeople(),
                a.eligibleHouseholds(),
                pc.households(),
                pc.amount(),
                pr.reached(),
                pr.households(),
                now
            });
        }
        template.batchUpdate("""
                insert into dashboard_area_figure (area_id, bank_id, branch_id, path, branch_name, area_name,
                       division_code, manager_id, manager_name, actual_households, filed_households, filed_people,
                       excluded_people, eligible_households, pre_credit_households, pre_credit_amount,
                       publicity_reached, publicity_households, refreshed_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows);
        List<Object[]> figures = new ArrayList<>();
        for (var e : funnel.entrySet()) {
            jdbc.sql("insert into dashboard_funnel_step (bank_id, step_order, message_key) values (:b, :o, :k)")
                    .param("b", bankId)
                    .param("o", e.getKey().order())
                    .param("k", e.getKey().messageKey())
                    .update();
            for (Coverage.AreaFigure a : areas) {
                FunnelStep.Count c = e.getValue().get(a.areaId());
                if (c != null) {
                    figures.add(new Object[] {
                        a.areaId(),
                        bankId,
                        e.getKey().order(),
                        c.households(),
                        c.amount() == null ? BigDecimal.ZERO : c.amount()
                    });
                }
            }
        }
        template.batchUpdate("""
                insert into dashboard_funnel_figure (area_id, bank_id, step_order, households, amount)
                values (?, ?, ?, ?, ?)""", figures);
        jdbc.sql("""
                insert into dashboard_refresh (bank_id, refreshed_at, millis) values (:b, :at, :ms)
                on conflict (bank_id) do update set refreshed_at = excluded.refreshed_at, millis = excluded.millis""").param("b", bankId).param("at", now).param("ms", millis).update();
    }
}
