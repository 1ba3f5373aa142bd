package sunshine.credit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import sunshine.audit.AuditLog;
import sunshine.check.BadRecordPolicy;
import sunshine.check.Snapshots;
import sunshine.shared.BusinessException;
import sunshine.shared.DataScope;
import sunshine.shared.Role;

/**
 * Unfreezing a line (R28): a head-office credit decision with a reason, audited. Refused while what froze it still
 * holds, as the checks module's bad-record rule sees the household over the current snapshot set: a member still
 * excluded (R7), or a bad record (R24) still in the latest snapshots. Any cause refuses, whichever froze the line.
 */
@Service
public class LineUnfreezing {

    private final JdbcClient jdbc;
    private final DataScope scope;
    private final AuditLog audit;
    private final CreditLines lines;
    private final Snapshots snapshots;
    private final BadRecordPolicy badRecords;

    LineUnfreezing(
            JdbcClient jdbc,
            DataScope scope,
            AuditLog audit,
            CreditLines lines,
            Snapshots snapshots,
            BadRecordPolicy badRecords) {
        this.jdbc = jdbc;
        this.scope = scope;
        this.audit = audit;
        this.lines = lines;
        this.snapshots = snapshots;
        this.badRecords = badRecords;
    }

    /** Unfreezes the line at {@code version}; scope first (404), then the role (403), then the causes (409). */
    @Transactional
    public CreditLine unfreeze(long lineId, int version, String reason) {
        CreditLine line = lines.get(lineId);
        if (!scope.user().has(Role.HO_CREDIT)) {
            throw new org.springframework.security.access.AccessDeniedException(Role.HO_CREDIT.name());
        }
        if (reason == null || reason.isBlank() || reason.strip().length() > 300) {
            throw new BusinessException("credit.error.unfreezeReason");
        }
        if (line.status() != CreditLine.Status.FROZEN) {
            throw BusinessException.conflict("credit.error.notFrozen");
        }
        if (line.version() != version) {
            throw BusinessException.conflict("credit.error.stale");
        }
        List<BadRecordPolicy.Finding> holding =
                badRecords.apply(snapshots.current()).getOrDefault(line.householdId(), List.of());
        if (holding.stream().anyMatch(f -> f.reason() == BadRecordPolicy.Reason.EXCLUDED)) {
            throw BusinessException.conflict("credit.error.unfreeze.EXCLUDED");
        }
        if (!holding.isEmpty()) {
            Map<String, Boolean> shown = new LinkedHashMap<>();
            holding.forEach(f -> shown.put(f.reason().name() + " #" + f.snapshotId() + "/" + f.rowNo(), true));
            throw BusinessException.conflict("credit.error.unfreeze.BAD_RECORD", String.join(", ", shown.keySet()));
        }
        int changed = jdbc.sql("""
                update credit_line set status = 'ACTIVE', status_reason = 'UNFROZEN', status_detail = :d,
                       status_at = now(), version = version + 1
                 where id = :id and version = :v and status = 'FROZEN'""")
                .param("d", reason.strip())
                .param("id", lineId)
                .param("v", version)
                .update();
        if (changed != 1) {
            throw BusinessException.conflict("credit.error.stale");
        }
        CreditLine after = lines.get(lineId);
        audit.record(
                "CREDIT_LINE_UNFROZEN",
                "credit_line",
                lineId,
                Map.of(
                        "status",
                        "FROZEN",
                        "reason",
                        line.statusReason(),
                        "detail",
                        String.valueOf(line.statusDetail())),
                Map.of("status", "ACTIVE", "reason", reason.strip()));
        return after;
    }
}
