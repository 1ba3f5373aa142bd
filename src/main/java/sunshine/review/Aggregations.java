package sunshine.review;

import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import sunshine.audit.AuditLog;
import sunshine.panel.PanelSheet;
import sunshine.panel.Panels;
import sunshine.review.batch.AggregationBatch;
import sunshine.shared.BusinessException;
import sunshine.shared.CurrentUser;
import sunshine.shared.Role;

/**
 * Aggregating and rating households (R19-R21) over VERIFIED copies only (R18): one panel at a time from its page,
 * or the whole bank in the background for head-office credit. A member's estimate of their own household is passed
 * on but never counted (R13, R19). Results are stored with the rule set version in force; the latest result of a
 * household is its current one (review_pre_credit).
 */
@Service
public class Aggregations {

    /** The verified estimates; {@code %s} is a condition on the copy {@code c} built here from numbers only. */
    private static final String ESTIMATES = """
            select household_id, copy_no, member_id, member_household_id, assets, liabilities, gross_income,
                   net_income, suggested_amount, do_not_recommend, keyed_by, verified_by
              from (select e.household_id, c.copy_no, coalesce(c.member_id, -c.copy_no) as member_id,
                           case when e.own_household then e.household_id else c.own_household_id end
                               as member_household_id,
                           e.assets, e.liabilities, e.gross_income, e.net_income, e.suggested_amount,
                           coalesce(e.do_not_recommend, false) as do_not_recommend, c.keyed_by, c.verified_by,
                           c.panel_id, max(c.panel_id) over (partition by e.household_id) as last_panel
                      from estimate e join estimate_copy c on c.id = e.copy_id
                     where c.status = 'VERIFIED' and %s) v
             where panel_id = last_panel
             order by household_id, copy_no""";

    /** The rating's inputs from the file (R21) of the households with verified estimates. */
    private static final String FILES = """
            select h.id, extract(year from age(r.birth_date))::int, r.customer_type, r.residence,
                   (select count(*) from customer m where m.household_id = h.id and not m.excluded)::int
              from household h join customer r on r.id = h.representative_id
             where h.id in (select e.household_id from estimate e join estimate_copy c on c.id = e.copy_id
                             where c.status = 'VERIFIED' and %s)
             order by h.id""";

    /** A run in the background: how far it is, and its outcome when done. */
    public record Progress(long bankId, long total, long done, AggregationBatch.Run run, String errorKey) {

        public boolean finished() {
            return run != null || errorKey != null;
        }

        public int percent() {
            return total == 0 ? (finished() ? 100 : 0) : (int) Math.min(100, done * 100 / total);
        }
    }

    private final AggregationBatch batch;
    private final Panels panels;
    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "bank-aggregation");
        t.setDaemon(true);
        return t;
    });
    private final Map<Long, Progress> runs = new ConcurrentHashMap<>();

    Aggregations(AggregationBatch batch, Panels panels, JdbcClient jdbc, AuditLog audit) {
        this.batch = batch;
        this.panels = panels;
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** Aggregates the households of one panel from its verified copies. 404 outside the scope, 403 without the role. */
    public AggregationBatch.Run aggregatePanel(long panelId) {
        PanelSheet panel = panels.requireSheet(panelId);
        CurrentUser user = CurrentUser.require();
        if (!user.has(Role.BRANCH_HEAD) && !user.has(Role.CREDIT_SUPERVISOR) && !user.has(Role.HO_CREDIT)) {
            throw new AccessDeniedException("aggregate a panel");
        }
        long verified = jdbc.sql("select count(*) from estimate_copy where panel_id = :p and status = 'VERIFIED'")
                .param("p", panelId)
                .query(Long.class)
                .single();
        if (verified == 0) {
            throw BusinessException.conflict("results.error.noVerifiedCopy");
        }
        String where = "c.bank_id = " + panel.bankId() + " and c.panel_id = " + panelId;
        AggregationBatch.Run run = runBatch(panel.bankId(), where, user.staffId(), panelId, done -> {});
        audit.record("AGGREGATE_PANEL", "panel", panelId, null, summary(run));
        return run;
    }

    /**
     * Starts aggregating every household of the caller's bank with verified copies in the background (head-office
     * credit). One run per bank at a time: a second start while one is going answers the running one.
     */
    public Progress startBankRun() {
        CurrentUser user = CurrentUser.require();
        if (!user.has(Role.HO_CREDIT)) {
            throw new AccessDeniedException("aggregate the bank");
        }
        long bankId = user.bankId();
        Progress running = runs.get(bankId);
        if (running != null && !running.finished()) {
            return running;
        }
        String where = "c.bank_id = " + bankId;
        long total = jdbc.sql("select count(distinct e.household_id) from estimate e join estimate_copy c"
                        + " on c.id = e.copy_id where c.status = 'VERIFIED' and " + where)
                .query(Long.class)
                .single();
        Progress started = new Progress(bankId, total, 0, null, null);
        runs.put(bankId, started);
        AtomicLong done = new AtomicLong();
        worker.submit(() -> {
            try {
                AggregationBatch.Run run = runBatch(bankId, where, user.staffId(), null, d -> {
                    done.set(d);
                    runs.put(bankId, new Progress(bankId, total, d, null, null));
                });
                audit.record(bankId, user.staffId(), user.name(), "AGGREGATE_BANK", "bank", bankId, null, summary(run));
                runs.put(bankId, new Progress(bankId, total, run.households(), run, null));
            } catch (RuntimeException e) {
                runs.put(bankId, new Progress(bankId, total, done.get(), null, "results.error.runFailed"));
            }
        });
        return started;
    }

    /** The caller's bank's background run, if one was started since the application started. */
    public Optional<Progress> bankRun() {
        return Optional.ofNullable(runs.get(CurrentUser.require().bankId()));
    }

    private AggregationBatch.Run runBatch(
            long bankId, String where, Long startedBy, Long panelId, java.util.function.LongConsumer progress) {
        try {
            return batch.run(
                    bankId,
                    new AggregationBatch.Source(ESTIMATES.formatted(where), FILES.formatted(where)),
                    startedBy,
                    panelId,
                    progress);
        } catch (SQLException e) {
            throw new IllegalStateException("aggregation failed", e);
        }
    }

    private static Map<String, Object> summary(AggregationBatch.Run run) {
        return Map.of(
                "run", run.id(),
                "ruleSetVersion", run.ruleSetVersion(),
                "households", run.households(),
                "complete", run.complete(),
                "backToPanel", run.backToPanel(),
                "ineligible", run.ineligible());
    }
}
