package sunshine.credit;

/** Who does what with credit lines; used in {@code @PreAuthorize}. */
public final class CreditRoles {

    /** See lines, certificates, queues and lists: whoever sees the customer base. */
    public static final String READ = sunshine.customer.Roles.READ;
    /** Sign a contract face to face and issue the certificate (R28); record archive documents and annual reviews. */
    public static final String SIGN = "hasAnyRole('ACCOUNT_MANAGER','BRANCH_HEAD','CREDIT_SUPERVISOR')";
    /** Draws and repayments at the counter (R28). */
    public static final String COUNTER =
            "hasAnyRole('ACCOUNT_MANAGER','BRANCH_HEAD','CREDIT_SUPERVISOR','ACCOUNTING_SUPERVISOR')";
    /** Send the core ledger's draws and repayments. */
    public static final String FEED = "hasAnyRole('BRANCH_HEAD','ACCOUNTING_SUPERVISOR','HO_CREDIT')";
    /** Request a limit adjustment (R31): the branch. */
    public static final String ADJUST_REQUEST = "hasAnyRole('ACCOUNT_MANAGER','BRANCH_HEAD','CREDIT_SUPERVISOR')";
    /**
     * Reach the verify and apply steps (R31): whoever reads lines; the service checks the scope first (404) and then
     * the role the step needs (403): verify by head-office business development, apply by head-office credit.
     */
    public static final String ADJUST_DECIDE = READ;
    /**
     * Reach the unfreeze decision (R28): whoever reads lines; the service checks the scope first (404) and then that the
     * caller is head-office credit (403).
     */
    public static final String UNFREEZE = READ;
    /** Change the bank's credit settings (incentive amounts R15, default term). */
    public static final String SETTINGS = "hasAnyRole('HO_BUSINESS_DEVELOPMENT','HO_CREDIT')";

    private CreditRoles() {}
}
