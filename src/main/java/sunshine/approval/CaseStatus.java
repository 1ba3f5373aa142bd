package sunshine.approval;

/**
 * Where a case stands: in the chain; past the chain and waiting for the village notice (PUBLIC mode); approved (the
 * limit may be granted from its date); under an open objection; or closed (rejected, removed after an objection,
 * superseded by a newer final list).
 */
public enum CaseStatus {
    IN_CHAIN,
    AWAITING_NOTICE,
    APPROVED,
    OBJECTED,
    REJECTED,
    REMOVED,
    SUPERSEDED
}
