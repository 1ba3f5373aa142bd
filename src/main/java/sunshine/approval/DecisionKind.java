package sunshine.approval;

/** What a person decided at a stage (R26). */
public enum DecisionKind {
    APPROVE,
    CHANGE_AMOUNT,
    REFER_BACK,
    REJECT
}
