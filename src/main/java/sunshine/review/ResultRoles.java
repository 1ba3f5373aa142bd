package sunshine.review;

/** Who may do what with aggregation results (R19-R22); used in {@code @PreAuthorize} and by the services. */
public final class ResultRoles {

    /** See a panel's results, explanations, summary and quality: as for booklets. */
    public static final String VIEW = BookletRoles.VIEW;

    /** Aggregate a panel: the branch head and credit supervisor, head-office credit (授信部). */
    public static final String AGGREGATE = "hasAnyRole('BRANCH_HEAD','CREDIT_SUPERVISOR','HO_CREDIT')";

    /** Run the aggregation of the whole bank: head-office credit only. */
    public static final String BANK_RUN = "hasRole('HO_CREDIT')";

    private ResultRoles() {}
}
