package sunshine.audit.internal;

import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import sunshine.audit.AuditLog;
import sunshine.shared.AccessOutOfScope;

/**
 * Writes every out-of-scope request to the audit log, whatever becomes of the request's transaction (the 404 rolls
 * it back), in a transaction of its own, holding one connection at a time. Outside a transaction it is written at
 * once. Inside one, during a web request, it is written when the request is done, after its transactions have given
 * their connection back: written on the transaction's completion it needed a second connection while the first was
 * still held, and a burst of refused questions took the whole pool, each waiting for one more (docs/decisions.md).
 * Inside a transaction outside a web request (background work), it is written on the transaction's completion.
 */
@Component
class AccessDeniedRecorder {

    private static final Logger log = LoggerFactory.getLogger(AccessDeniedRecorder.class);
    private static final AtomicLong SEQUENCE = new AtomicLong();

    private final AuditLog auditLog;
    private final TransactionTemplate ownTransaction;

    AccessDeniedRecorder(AuditLog auditLog, PlatformTransactionManager transactions) {
        this.auditLog = auditLog;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @EventListener
    void on(AccessOutOfScope event) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            write(event);
            return;
        }
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null) {
            request.registerDestructionCallback(
                    "sunshine.audit.outOfScope." + SEQUENCE.incrementAndGet(),
                    () -> writeQuietly(event),
                    RequestAttributes.SCOPE_REQUEST);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                writeQuietly(event);
            }
        });
    }

    private void write(AccessOutOfScope event) {
        ownTransaction.executeWithoutResult(t -> auditLog.record(
                event.bankId(),
                event.staffId(),
                event.staffName(),
                "OUT_OF_SCOPE",
                event.entityType(),
                event.entityId(),
                null,
                Map.of("operation", event.operation())));
    }

    /** After the answer has gone: a failure can only be logged (without the person's data). */
    private void writeQuietly(AccessOutOfScope event) {
        try {
            write(event);
        } catch (RuntimeException e) {
            log.error(
                    "out-of-scope {} {} of bank {} not written to the audit log",
                    event.entityType(),
                    event.operation(),
                    event.bankId(),
                    e);
        }
    }
}
