package sunshine.shared;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;

/** Staff roles (domain.md §1). Head-office roles and the administrator see the whole bank. */
public enum Role {
    ACCOUNT_MANAGER(false),
    BRANCH_HEAD(false),
    CREDIT_SUPERVISOR(false),
    ACCOUNTING_SUPERVISOR(false),
    DATA_ENTRY(false),
    VERIFIER(false),
    HO_BUSINESS_DEVELOPMENT(true),
    HO_CREDIT(true),
    HO_AUDIT(true),
    HO_RISK(true),
    ADMIN(true);

    private final boolean wholeBank;

    Role(boolean wholeBank) {
        this.wholeBank = wholeBank;
    }

    public boolean seesWholeBank() {
        return wholeBank;
    }

    public String authority() {
        return "ROLE_" + name();
    }

    public static boolean anyWholeBank(Collection<Role> roles) {
        return roles.stream().anyMatch(Role::seesWholeBank);
    }

    public static Set<Role> parse(Collection<String> names) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        names.forEach(n -> roles.add(Role.valueOf(n)));
        return roles;
    }
}
