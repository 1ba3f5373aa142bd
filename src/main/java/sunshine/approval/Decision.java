package sunshine.approval;

import java.math.BigDecimal;
import java.time.Instant;

/** One recorded decision (R26): never changed. */
public record Decision(
        long id,
        int pass,
        Stage stage,
        DecisionKind kind,
        BigDecimal amountBefore,
        BigDecimal amountAfter,
        Stage referTo,
        String reason,
        long decidedBy,
        String decidedByName,
        Instant decidedAt) {}
