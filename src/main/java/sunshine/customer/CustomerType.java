package sunshine.customer;

/** Who is filed (R4). */
public enum CustomerType {
    FARMER,
    INDIVIDUAL_BUSINESS,
    SMALL_BUSINESS_OWNER,
    COMMUNITY_RESIDENT,
    PUBLIC_STAFF
}
