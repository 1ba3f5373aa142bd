package sunshine.customer;

/**
 * Published (synchronously, inside the deciding transaction) when a person is excluded (R7), so that a credit
 * line of their household can be frozen (R28).
 */
public record CustomerExcluded(long bankId, long customerId, Long householdId, ExclusionReason reason) {}
