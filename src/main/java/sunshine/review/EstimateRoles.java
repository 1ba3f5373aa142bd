package sunshine.review;

/**
 * Who may do what with the typed-in estimates (R18). The pages and API admit everyone who may see booklets; the
 * service then checks the scope first (404 outside it) and the role second (403): keying is for data-entry staff,
 * verification for verification staff, and nobody verifies their own keying.
 */
public final class EstimateRoles {

    /** See a panel's copies and their status (no figures): as for booklets. */
    public static final String VIEW = BookletRoles.VIEW;

    private EstimateRoles() {}
}
