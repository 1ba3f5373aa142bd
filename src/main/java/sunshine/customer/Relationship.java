package sunshine.customer;

/** A household member's relationship to the household's credit representative (R8). */
public enum Relationship {
    SELF,
    SPOUSE,
    CHILD,
    PARENT,
    SIBLING,
    GRANDCHILD,
    GRANDPARENT,
    CHILD_IN_LAW,
    OTHER
}
