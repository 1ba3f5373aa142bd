package sunshine.audit;

import java.time.Instant;

/** One audit log entry as shown to an auditor. */
public record AuditEntry(
        long seq,
        Instant at,
        Long actorId,
        String actorName,
        String action,
        String entityType,
        String entityId,
        String before,
        String after,
        String hash) {}
