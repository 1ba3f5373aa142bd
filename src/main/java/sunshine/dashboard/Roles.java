package sunshine.dashboard;

/** Who may do what with the dashboards; used in {@code @PreAuthorize}. */
public final class Roles {

    /** See the dashboards: every role that works on the campaign (not the IT administrator). */
    public static final String READ = "hasAnyRole('ACCOUNT_MANAGER','BRANCH_HEAD','CREDIT_SUPERVISOR',"
            + "'ACCOUNTING_SUPERVISOR','DATA_ENTRY','VERIFIER','HO_BUSINESS_DEVELOPMENT','HO_CREDIT','HO_AUDIT','HO_RISK')";
    /** Set the targets and the term, define CRM segments: head-office business development (R9, R30). */
    public static final String SETTINGS = "hasRole('HO_BUSINESS_DEVELOPMENT')";
    /** Take the extracts (batch template, CRM): those who feed the platform and the CRM, and branch heads for their subtree. */
    public static final String EXTRACT = "hasAnyRole('BRANCH_HEAD','HO_BUSINESS_DEVELOPMENT','HO_CREDIT','HO_RISK')";

    private Roles() {}
}
