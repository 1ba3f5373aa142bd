package sunshine.panel;

/** A place in a branch's working group (R1): the branch head leads, the supervisors deputise, all staff are members. */
public enum GroupPosition {
    LEADER,
    DEPUTY,
    MEMBER
}
