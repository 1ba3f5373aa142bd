package sunshine.approval;

import sunshine.shared.Role;

/** The stages a bank can put in its approval chain (R26), each with the role that decides there by default. */
public enum Stage {
    PROPOSAL(Role.ACCOUNT_MANAGER),
    ACCOUNT_MANAGER_REVIEW(Role.ACCOUNT_MANAGER),
    CREDIT_COMMITTEE(Role.CREDIT_SUPERVISOR),
    BRANCH_HEAD_FINAL(Role.BRANCH_HEAD),
    HEAD_OFFICE_CREDIT(Role.HO_CREDIT),
    HEAD_OFFICE_RISK(Role.HO_RISK);

    private final Role defaultRole;

    Stage(Role defaultRole) {
        this.defaultRole = defaultRole;
    }

    public Role defaultRole() {
        return defaultRole;
    }
}
