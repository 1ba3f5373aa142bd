package sunshine.organisation;

/** Head-office departments (domain.md §1). */
public enum Department {
    BUSINESS_DEVELOPMENT,
    CREDIT,
    AUDIT,
    RISK_MANAGEMENT,
    OFFICE
}
