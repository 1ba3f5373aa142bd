package sunshine.publicity;

/** Who may do what in publicity (method security expressions). */
public final class PublicityRoles {

    private PublicityRoles() {}

    /** Publish a new version of the bank's terms and rate table: head office business development, administrator. */
    public static final String PUBLISH = "hasAnyRole('HO_BUSINESS_DEVELOPMENT','ADMIN')";

    /** Record publicity activities: the people who run the campaign in the areas. */
    public static final String RECORD_ACTIVITY =
            "hasAnyRole('ACCOUNT_MANAGER','BRANCH_HEAD','CREDIT_SUPERVISOR','HO_BUSINESS_DEVELOPMENT','ADMIN')";

    /**
     * Read the complaint log (R33). Not account managers: complaints are often about them; not the IT
     * administrator: the log holds callers' phone numbers.
     */
    public static final String READ_COMPLAINTS =
            "hasAnyRole('BRANCH_HEAD','CREDIT_SUPERVISOR','HO_BUSINESS_DEVELOPMENT','HO_AUDIT','HO_RISK')";

    /** Log a phone complaint, assign, follow up and close complaints (R33). */
    public static final String WORK_COMPLAINTS =
            "hasAnyRole('BRANCH_HEAD','CREDIT_SUPERVISOR','HO_BUSINESS_DEVELOPMENT','HO_RISK')";
}
