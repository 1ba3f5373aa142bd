package sunshine.organisation;

/** Nodes of a bank's branch tree: head office → departments and branches → outlets. */
public enum BranchKind {
    HEAD_OFFICE,
    DEPARTMENT,
    BRANCH,
    OUTLET;

    /** Which kinds may sit directly under this one. */
    public boolean canParent(BranchKind child) {
        return switch (this) {
            case HEAD_OFFICE -> child == DEPARTMENT || child == BRANCH;
            case BRANCH -> child == OUTLET;
            case DEPARTMENT, OUTLET -> false;
        };
    }
}
