package sunshine.review;

/** Who may do what with the aggregation rules; used in {@code @PreAuthorize}. */
public final class ReviewRoles {

    /** See the rules and use the calculator: everyone; the rules are public, like the conditions (R35). */
    public static final String READ = "isAuthenticated()";
    /** Change the bank's rules: head-office credit department (授信部). */
    public static final String EDIT = "hasRole('HO_CREDIT')";

    private ReviewRoles() {}
}
