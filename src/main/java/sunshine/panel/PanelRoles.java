package sunshine.panel;

/** Who may do what with panels, plans, working groups and training (method security expressions). */
public final class PanelRoles {

    private PanelRoles() {}

    /** Draft a panel, choose its members and areas; record training: the people who run the campaign. */
    public static final String EDIT =
            "hasAnyRole('ACCOUNT_MANAGER','BRANCH_HEAD','CREDIT_SUPERVISOR'," + "'HO_BUSINESS_DEVELOPMENT','ADMIN')";

    /** Confirm, reopen or dissolve a panel: the branch head and supervisors who cross-check (R13), head office. */
    public static final String CONFIRM =
            "hasAnyRole('BRANCH_HEAD','CREDIT_SUPERVISOR','HO_BUSINESS_DEVELOPMENT','ADMIN')";

    /** Set the planned dates of an area, and the working group of a branch (R1, R3). */
    public static final String PLAN = "hasAnyRole('BRANCH_HEAD','HO_BUSINESS_DEVELOPMENT','ADMIN')";

    /** Record the actual dates as the work happens (R3). */
    public static final String RECORD_ACTUAL =
            "hasAnyRole('ACCOUNT_MANAGER','BRANCH_HEAD','CREDIT_SUPERVISOR'," + "'HO_BUSINESS_DEVELOPMENT','ADMIN')";

    /** Set the bank's campaign calendar (R3). */
    public static final String CALENDAR = "hasAnyRole('HO_BUSINESS_DEVELOPMENT','ADMIN')";
}
