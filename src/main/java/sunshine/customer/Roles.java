package sunshine.customer;

/** Which roles do what with customer files; used in {@code @PreAuthorize}. */
public final class Roles {

    /** File and re-file customers, by hand or workbook. */
    public static final String FILE =
            "hasAnyRole('ACCOUNT_MANAGER','DATA_ENTRY','BRANCH_HEAD','HO_BUSINESS_DEVELOPMENT')";
    /** Move members, merge households, change the representative. */
    public static final String HOUSEHOLD = "hasAnyRole('ACCOUNT_MANAGER','DATA_ENTRY','BRANCH_HEAD')";
    /** Decide an exclusion (R7). */
    public static final String EXCLUDE = "hasAnyRole('ACCOUNT_MANAGER','BRANCH_HEAD','CREDIT_SUPERVISOR')";
    /** Lift an exclusion: a branch head or head office. */
    public static final String LIFT = "hasAnyRole('BRANCH_HEAD','HO_BUSINESS_DEVELOPMENT','HO_RISK')";
    /** Record documents and questionnaires. */
    public static final String DOCUMENTS =
            "hasAnyRole('ACCOUNT_MANAGER','DATA_ENTRY','BRANCH_HEAD','CREDIT_SUPERVISOR')";
    /** Record a credit-report query. */
    public static final String CREDIT_QUERY = "hasAnyRole('ACCOUNT_MANAGER','BRANCH_HEAD','CREDIT_SUPERVISOR')";
    /** See one file unmasked (audited): the people who work with customers; not the IT administrator. */
    public static final String UNMASK = "hasAnyRole('ACCOUNT_MANAGER','BRANCH_HEAD','CREDIT_SUPERVISOR','DATA_ENTRY',"
            + "'VERIFIER','HO_BUSINESS_DEVELOPMENT','HO_CREDIT','HO_AUDIT','HO_RISK')";
    /** See the customer base at all. */
    public static final String READ = "hasAnyRole('ACCOUNT_MANAGER','BRANCH_HEAD','CREDIT_SUPERVISOR',"
            + "'ACCOUNTING_SUPERVISOR','DATA_ENTRY','VERIFIER','HO_BUSINESS_DEVELOPMENT','HO_CREDIT','HO_AUDIT','HO_RISK')";
    /** Export with full identifiers (for the CRM), audited. */
    public static final String EXPORT_UNMASKED = "hasAnyRole('HO_BUSINESS_DEVELOPMENT','HO_CREDIT')";

    private Roles() {}
}
