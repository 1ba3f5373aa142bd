package sunshine.customer;

/** Why a person is not filed for Sunshine Credit (R7). */
public enum ExclusionReason {
    NO_CIVIL_CAPACITY,
    IDLE,
    POOR_CREDIT_ATTITUDE,
    UNABLE_TO_WORK,
    DRUGS_GAMBLING_USURY,
    CRIMINAL_RECORD,
    MALICIOUS_BAD_CREDIT,
    OTHER
}
