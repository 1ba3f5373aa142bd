package sunshine.audit.internal;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import sunshine.audit.AuditLog;
import sunshine.shared.AccessOutOfScope;

/** Writes every out-of-scope request to the audit log, after (and whatever the outcome of) the request's transaction. */
@Component
class AccessDeniedRecorder {

    private final AuditLog auditLog;

    AccessDeniedRecorder(AuditLog auditLog) {
        this.auditLog = auditLog;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMPLETION, fallbackExecution = true)
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void on(AccessOutOfScope event) {
        auditLog.record(
                event.bankId(),
                event.staffId(),
                event.staffName(),
                "OUT_OF_SCOPE",
                event.entityType(),
                event.entityId(),
                null,
                java.util.Map.of("operation", event.operation()));
    }
}
