package sunshine.approval;

/**
 * Published when an approved limit may no longer be granted: an objection was raised during the notice (it
 * comes back as a new {@link LimitApproved} if the objection is closed as keep or after re-approval), the
 * household was removed, or the case was referred back.
 *
 * @param reason OBJECTION_OPEN, REMOVED or REFERRED_BACK
 */
public record LimitWithdrawn(long bankId, long householdId, long approvalCaseId, String reason) {}
