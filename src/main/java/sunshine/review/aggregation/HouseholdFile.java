package sunshine.review.aggregation;

/**
 * What the rating takes from the household's file (R21): the credit representative's age, customer type and
 * residence, and the number of members. Any of them may be unknown (null): that factor then scores 0.
 */
public record HouseholdFile(Integer representativeAge, String customerType, String residence, Integer members) {

    public static final HouseholdFile UNKNOWN = new HouseholdFile(null, null, null, null);

    public HouseholdFile {
        for (String code : new String[] {customerType, residence}) {
            if (code != null && !isCode(code)) {
                throw new IllegalArgumentException("not a code: " + code);
            }
        }
    }

    /** [A-Z_]{1,40}, checked by hand: a batch builds a million of these. */
    private static boolean isCode(String code) {
        if (code.isEmpty() || code.length() > 40) {
            return false;
        }
        for (int i = 0; i < code.length(); i++) {
            char c = code.charAt(i);
            if ((c < 'A' || c > 'Z') && c != '_') {
                return false;
            }
        }
        return true;
    }
}
