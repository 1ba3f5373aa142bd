package sunshine.panel;

/**
 * Who a panel member is (R12): village or street cadres, college-graduate village officials, agency staff,
 * shopkeepers, large growers, senior party members, resident representatives, and the bank's own staff.
 */
public enum MemberRole {
    CADRE,
    GRADUATE_OFFICIAL,
    AGENCY_STAFF,
    SHOPKEEPER,
    LARGE_GROWER,
    SENIOR_PARTY_MEMBER,
    RESIDENT_REPRESENTATIVE,
    BANK_STAFF;

    /** Everyone but the bank's staff is an external member. */
    public boolean external() {
        return this != BANK_STAFF;
    }
}
