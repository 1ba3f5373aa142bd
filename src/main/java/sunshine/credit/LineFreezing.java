package sunshine.credit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import sunshine.audit.AuditLog;
import sunshine.check.BadRecordPolicy;
import sunshine.check.SnapshotLoaded;
import sunshine.check.SnapshotSet;
import sunshine.check.Snapshots;
import sunshine.customer.CustomerExcluded;
import sunshine.shared.Today;

/**
 * Freezes lines (R28): the household's line when one of its members is excluded (R7, in the excluding transaction),
 * and every active line whose household has a bad record (R24) in a newly loaded snapshot. A frozen line takes
 * repayments but no draws. Expiry closes lines whose term has ended ({@link #closeExpired}).
 */
@Component
class LineFreezing {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(LineFreezing.class);

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Snapshots snapshots;
    private final BadRecordPolicy badRecords;
    private final TransactionTemplate tx;

    LineFreezing(
            JdbcClient jdbc, AuditLog audit, Snapshots snapshots, BadRecordPolicy badRecords, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.snapshots = snapshots;
        this.badRecords = badRecords;
        this.tx = tx;
    }

    @EventListener
    @Transactional
    public void on(CustomerExcluded e) {
        if (e.householdId() != null) {
            freeze(e.bankId(), e.householdId(), "EXCLUDED", "R7 " + e.reason().name());
        }
    }

    /**
     * After a new snapshot: the bad-record rule (R24) over the rows of that snapshot only, for the households they name
     * anywhere in the bank (a branch's ledger can show a bad record of a customer filed by another branch), and only
     * when the snapshot is in the bank's current set (a back-dated upload superseded by a later one freezes nothing).
     */
    @EventListener
    public void on(SnapshotLoaded e) {
        try {
            freezeBadRecords(e);
        } catch (RuntimeException ex) {
            // the snapshot is stored and committed; the uploader must not see a failure, the operators must
            log.error("Freezing lines after snapshot {} failed: {}", e.snapshotId(), ex.toString());
        }
    }

    private void freezeBadRecords(SnapshotLoaded e) {
        SystemUser.of(jdbc, e.bankId())
                .run(() -> tx.executeWithoutResult(s -> {
                    if (!snapshots.current().ids().contains(e.snapshotId())) {
                        return;
                    }
                    Map<Long, List<BadRecordPolicy.Finding>> found =
                            badRecords.apply(new SnapshotSet(List.of(e.snapshotId())));
                    found.forEach((household, findings) -> {
                        List<String> fresh = new ArrayList<>();
                        for (BadRecordPolicy.Finding f : findings) {
                            if (f.snapshotId() != null && f.snapshotId() == e.snapshotId()) {
                                fresh.add(f.reason().name() + " #" + f.snapshotId() + "/" + f.rowNo());
                            }
                        }
                        if (!fresh.isEmpty()) {
                            freeze(e.bankId(), household, "BAD_RECORD", String.join(", ", fresh));
                        }
                    });
                }));
    }

    private void freeze(long bankId, long householdId, String reason, String detail) {
        String shown = detail.length() > 300 ? detail.substring(0, 300) : detail;
        jdbc.sql("""
                update credit_line set status = 'FROZEN', status_reason = :r, status_detail = :d, status_at = now(),
                       version = version + 1
                 where bank_id = :b and household_id = :h and status = 'ACTIVE' returning id""")
                .param("r", reason)
                .param("d", shown)
                .param("b", bankId)
                .param("h", householdId)
                .query(Long.class)
                .list()
                .forEach(id -> audit.record(
                        bankId,
                        null,
                        "system",
                        "CREDIT_LINE_FROZEN",
                        "credit_line",
                        id,
                        "ACTIVE",
                        Map.of("reason", reason, "detail", shown)));
    }

    /** Daily: lines whose term has ended are closed (R28); their outstanding can still be repaid. */
    @org.springframework.scheduling.annotation.Scheduled(cron = "${sunshine.credit.expiry-cron:0 15 0 * * *}")
    public void closeExpiredDaily() {
        tx.executeWithoutResult(s -> closeExpired(Today.date()));
    }

    /** Closes every open line whose term ended before the day; answers how many. */
    @Transactional
    public int closeExpired(java.time.LocalDate day) {
        List<long[]> closed = jdbc.sql("""
                update credit_line set status = 'CLOSED', status_reason = 'EXPIRED', status_detail = null,
                       status_at = now(), version = version + 1
                 where status <> 'CLOSED' and term_to < :d returning id, bank_id""")
                .param("d", day)
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)})
                .list();
        closed.forEach(c -> audit.record(
                c[1], null, "system", "CREDIT_LINE_EXPIRED", "credit_line", c[0], null, Map.of("day", day.toString())));
        return closed.size();
    }
}
