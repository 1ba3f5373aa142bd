package sunshine.review;

/** Who may do what with booklets; used in {@code @PreAuthorize}. */
public final class BookletRoles {

    /**
     * See a panel's booklets and download printed versions: the people who work with customers, data entry and
     * verification (they type the paper in, R18), head office; not the IT administrator (personal data).
     */
    public static final String VIEW = "hasAnyRole('ACCOUNT_MANAGER','BRANCH_HEAD','CREDIT_SUPERVISOR',"
            + "'ACCOUNTING_SUPERVISOR','DATA_ENTRY','VERIFIER','HO_BUSINESS_DEVELOPMENT','HO_CREDIT','HO_AUDIT','HO_RISK')";

    /** Print a booklet, which records a version (R16: head office prints; branches print their own). */
    public static final String PRINT =
            "hasAnyRole('ACCOUNT_MANAGER','BRANCH_HEAD','CREDIT_SUPERVISOR','HO_BUSINESS_DEVELOPMENT','HO_RISK')";

    private BookletRoles() {}
}
