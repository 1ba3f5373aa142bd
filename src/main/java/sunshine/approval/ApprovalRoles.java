package sunshine.approval;

/** Who may do what in approval (method security expressions); the stage's own role is checked per decision. */
public final class ApprovalRoles {

    private ApprovalRoles() {}

    /** See cases, queues and notices: the roles that decide somewhere in a chain, and head-office audit. */
    public static final String READ =
            "hasAnyRole('ACCOUNT_MANAGER','CREDIT_SUPERVISOR','BRANCH_HEAD','HO_CREDIT','HO_RISK','HO_AUDIT')";

    /** Decide at a stage (the stage's configured role is checked as well). */
    public static final String DECIDE =
            "hasAnyRole('ACCOUNT_MANAGER','CREDIT_SUPERVISOR','BRANCH_HEAD','HO_CREDIT','HO_RISK')";

    /** Post a village's notice, record and close objections (R27): the branch's people who run the campaign. */
    public static final String NOTICE = "hasAnyRole('ACCOUNT_MANAGER','CREDIT_SUPERVISOR','BRANCH_HEAD','HO_CREDIT')";

    /** The bank's policy, notice period and chain: head-office credit. */
    public static final String SETTINGS = "hasRole('HO_CREDIT')";
}
