package sunshine.check;

/** Which roles do what with the checks; used in {@code @PreAuthorize}. */
public final class CheckRoles {

    /** Upload core-system files: the branch head and the head-office departments that receive them. */
    public static final String UPLOAD =
            "hasAnyRole('BRANCH_HEAD','ACCOUNTING_SUPERVISOR','HO_BUSINESS_DEVELOPMENT','HO_CREDIT','HO_RISK')";
    /** See snapshots and the households the checks flag: whoever sees the customer base. */
    public static final String READ = sunshine.customer.Roles.READ;
    /** See audit referrals: head-office audit, and the departments that refer (credit, risk). */
    public static final String AUDIT_READ = "hasAnyRole('HO_AUDIT','HO_CREDIT','HO_RISK')";
    /** Fix a final list (R26 seed 000: the branch head fixes final limits; head-office credit for the bank). */
    public static final String FIX = "hasAnyRole('BRANCH_HEAD','HO_CREDIT','HO_BUSINESS_DEVELOPMENT')";

    private CheckRoles() {}
}
