package sunshine.audit;

/** The outcome of re-computing one bank's audit chain. */
public record AuditVerification(long bankId, long entriesChecked, boolean intact, Long brokenAtSeq, String problem) {}
