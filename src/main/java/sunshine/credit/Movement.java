package sunshine.credit;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** A draw or repayment of a line, at the counter or from the core ledger feed, with the balance after it. */
public record Movement(
        long id,
        Kind kind,
        BigDecimal amount,
        LocalDate onDate,
        String source,
        String coreTxnId,
        String staffName,
        BigDecimal outstandingAfter,
        Instant at) {

    public enum Kind {
        DRAW,
        REPAYMENT
    }
}
