package sunshine.review.aggregation;

/**
 * What the rating takes from the household's file (R21): the credit representative's age, customer type and
 * residence, and the number of members. Any of them may be unknown (null): that factor then scores 0.
 */
public record HouseholdFile(Integer representativeAge, String customerType, String residence, Integer members) {

    public static final HouseholdFile UNKNOWN = new HouseholdFile(null, null, null, null);

    public HouseholdFile {
        for (String code : new String[] {customerType, residence}) {
            if (code != null && !code.matches("[A-Z_]{1,40}")) {
                throw new IllegalArgumentException("not a code: " + code);
            }
        }
    }
}
