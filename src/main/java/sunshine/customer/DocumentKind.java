package sunshine.customer;

/** The documents a customer provides (R11). */
public enum DocumentKind {
    ID_COPY,
    HOUSEHOLD_REGISTER,
    BASIC_INFO_FORM,
    RATING_APPLICATION,
    CREDIT_QUERY_AUTHORISATION,
    CREDIT_REPORT
}
