package sunshine.check;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import sunshine.audit.AuditLog;
import sunshine.shared.CurrentUser;
import sunshine.shared.DataScope;

/**
 * R23: the loan ledger against the pre-credit list, in one set-based statement. (a) a borrower of the branch
 * whose household is not on the list (review_pre_credit: COMPLETE, eligible, amount &gt; 0); (b) a loan larger
 * than the household's pre-credit amount. Each is a {@code check_finding} keyed by (kind, loan, borrower), so a
 * re-run on the same or a newer snapshot adds only new findings and never touches a decided one (point 7).
 *
 * <p>(a) asks only where a list exists: a filed borrower whose household's area has review results, or a borrower
 * not filed at all when the lending branch has any; before the review has produced a list there is nothing to
 * hold the ledger against, and every borrower would be flagged.
 */
@Service
public class LedgerChecks {

    private static final Logger log = LoggerFactory.getLogger(LedgerChecks.class);

    /** What kind of finding (R23 (a), (b)). */
    public enum Kind {
        NOT_ON_LIST,
        ABOVE_PRE_CREDIT
    }

    /** What a run added: new findings per kind, and the ledger snapshots it read. */
    public record Run(Map<Kind, Integer> added, List<Long> snapshotIds) {
        public int notOnList() {
            return added.getOrDefault(Kind.NOT_ON_LIST, 0);
        }

        public int abovePreCredit() {
            return added.getOrDefault(Kind.ABOVE_PRE_CREDIT, 0);
        }

        public int total() {
            return added.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    /**
     * The statement of the check (public for the benchmark, which prints its plan). The lending branches in scope
     * come as a list of ids ({@code :branches}; the whole bank when {@code :allBranches}), not as a join on
     * {@code branch.path like}: the branch table is too small for autovacuum ever to analyze it, and without
     * statistics the planner took the join for one row and looked every loan up in customer and household one by
     * one (a hundred thousand index look-ups each at 100k loans, 3-5x the plain SQL). With an id list it estimates
     * from check_row's own statistics and hashes the joins.
     */
    private static final String CHECK_SQL = """
            with p as materialized (
                   select household_id, area_id, branch_id, amount, aggregation_id,
                          (status = 'COMPLETE' and eligible and amount > 0) as listed
                     from review_pre_credit where bank_id = :bank),
                 listed_areas as (select distinct area_id from p),
                 listed_branches as (select distinct branch_id from p),
                 found as materialized (
                   select :bank as bank_id, case when p.listed then 'ABOVE_PRE_CREDIT' else 'NOT_ON_LIST' end as kind,
                          r.loan_no, r.resident_id, r.branch_id, r.manager_no, c.id as customer_id, h.id as household_id,
                          h.area_id, r.amount, r.balance, case when p.listed then p.amount end as pre_credit_amount,
                          case when p.listed then p.aggregation_id end as aggregation_id, r.snapshot_id, r.row_no
                     from check_row r
                     left join customer c on c.bank_id = :bank and c.resident_id = r.resident_id
                     left join household h on h.id = c.household_id
                     left join p on p.household_id = h.id
                    where r.snapshot_id in (:ids) and r.status = 'VALID'
                      %s
                      and case when p.listed then r.amount > p.amount
                               when h.id is not null then h.area_id in (select area_id from listed_areas)
                               else r.branch_id in (select branch_id from listed_branches) end),
                 added as (
                   insert into check_finding (bank_id, kind, loan_no, resident_id, branch_id, manager_no, customer_id,
                                              household_id, area_id, loan_amount, balance, pre_credit_amount,
                                              aggregation_id, snapshot_id, row_no)
                   select %s bank_id, kind, loan_no, resident_id, branch_id, manager_no, customer_id, household_id,
                          area_id, amount, balance, pre_credit_amount, aggregation_id, snapshot_id, row_no
                     from found n
                    where not exists (select 1 from check_finding f
                                       where f.bank_id = :bank and f.kind = n.kind and f.loan_no = n.loan_no
                                         and f.resident_id = n.resident_id)
                    %s
                   returning kind)
            select kind, count(*) from added group by kind""";

    /**
     * The statement for loans of every branch of the bank, or of the branches in {@code :branches}; over more than
     * one snapshot a loan seen in several counts once, from the first snapshot and row.
     */
    public static String checkSql(boolean allBranches, boolean severalSnapshots) {
        return CHECK_SQL.formatted(
                allBranches ? "" : "and r.branch_id in (:branches)",
                severalSnapshots ? "distinct on (kind, loan_no, resident_id)" : "",
                severalSnapshots ? "order by kind, loan_no, resident_id, snapshot_id, row_no" : "");
    }

    private final JdbcClient jdbc;
    private final DataScope scope;
    private final Snapshots snapshots;
    private final AuditLog audit;
    private final ScopeBranches branches;

    LedgerChecks(JdbcClient jdbc, DataScope scope, Snapshots snapshots, AuditLog audit, ScopeBranches branches) {
        this.branches = branches;
        this.jdbc = jdbc;
        this.scope = scope;
        this.snapshots = snapshots;
        this.audit = audit;
    }

    /**
     * The button: the current ledger snapshots against the list, for the caller's subtree or, given a branch, for
     * that branch's subtree (404 when the caller may not see it).
     */
    @Transactional
    public Run run(Long branchId) {
        CurrentUser u = scope.user();
        String path = branchId == null ? u.scopePath() : scope.requireBranch(branchId);
        List<Long> ledgers = ledgersOf(snapshots.current().ids(), path);
        Run run = check(u.bankId(), ledgers, path);
        audit.record("CHECK_LEDGER_RUN", "branch", branchId == null ? u.branchId() : branchId, null, summary(run));
        return run;
    }

    /** One new ledger snapshot, checked as soon as it is committed (SnapshotLoaded). */
    @EventListener
    @Transactional
    public void on(SnapshotLoaded loaded) {
        if (loaded.kind() != SnapshotKind.LEDGER) {
            return;
        }
        String path = jdbc.sql("select scope_path from check_snapshot where id = :s")
                .param("s", loaded.snapshotId())
                .query(String.class)
                .single();
        Run run = check(loaded.bankId(), List.of(loaded.snapshotId()), path);
        audit.record(
                loaded.bankId(),
                null,
                "system",
                "CHECK_LEDGER_RUN",
                "check_snapshot",
                loaded.snapshotId(),
                null,
                summary(run));
    }

    /**
     * The check itself over the given ledger snapshots, for loans of branches under {@code pathPrefix}; used by the
     * two entry points above and by the benchmark. No scope of its own: callers decide it.
     */
    @Transactional
    public Run check(long bankId, List<Long> ledgerSnapshotIds, String pathPrefix) {
        long started = System.currentTimeMillis();
        Map<Kind, Integer> added = new EnumMap<>(Kind.class);
        for (Kind k : Kind.values()) {
            added.put(k, 0);
        }
        // only ledger snapshots of this bank, LOADED (the statement trusts the ids it is given)
        List<Long> ids = ledgerSnapshotIds.isEmpty()
                ? List.of()
                : jdbc.sql("""
                        select id from check_snapshot
                         where id in (:ids) and bank_id = :bank and kind = 'LEDGER' and status = 'LOADED'
                         order by id""")
                        .param("ids", ledgerSnapshotIds)
                        .param("bank", bankId)
                        .query(Long.class)
                        .list();
        if (!ids.isEmpty()) {
            ScopeBranches.Scope scope = branches.of(bankId, pathPrefix);
            // one run of a bank at a time: the statement skips what earlier runs found (no ON CONFLICT, whose
            // speculative insertion cost every new row), so two runs must not find the same loan side by side
            jdbc.sql("select pg_advisory_xact_lock(23, :bank)")
                    .param("bank", (int) bankId)
                    .query((org.springframework.jdbc.core.RowCallbackHandler) rs -> {});
            // "not yet found" must be a hashed anti-join: check_finding is often empty when planned, and a nested
            // loop then scans it once per loan while this very statement fills it (quadratic: 3 s at 20,000 loans)
            jdbc.sql("set local enable_nestloop = off").update();
            jdbc.sql(checkSql(scope.all(), ids.size() > 1))
                    .param("bank", bankId)
                    .param("ids", ids)
                    .param("branches", scope.ids())
                    .query((org.springframework.jdbc.core.RowCallbackHandler)
                            rs -> added.put(Kind.valueOf(rs.getString(1)), rs.getInt(2)));
            jdbc.sql("set local enable_nestloop to default").update(); // for what else the transaction does
        }
        Run run = new Run(added, ids);
        log.info(
                "ledger check of bank {} over snapshots {}: {} new findings in {} ms",
                bankId,
                ledgerSnapshotIds,
                run.total(),
                System.currentTimeMillis() - started);
        return run;
    }

    /**
     * The current ledger snapshots that can hold loans of the subtree: uploaded within it, or by a branch above it.
     * A sibling branch's ledger has none of its loans; reading it only made the run report snapshots that did not
     * concern the caller.
     */
    private List<Long> ledgersOf(List<Long> ids, String path) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                select id from check_snapshot where id in (:ids) and kind = 'LEDGER'
                   and (scope_path like :p or :path like scope_path || '%') order by id""")
                .param("ids", ids)
                .param("p", ScopeBranches.likePrefix(path))
                .param("path", path)
                .query(Long.class)
                .list();
    }

    private static Map<String, Object> summary(Run run) {
        return Map.of("snapshots", run.snapshotIds(), "added", run.added());
    }
}
