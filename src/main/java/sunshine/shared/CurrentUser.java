package sunshine.shared;

import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who is acting: a staff member of one bank, working from one branch. {@code scopePath} is the branch
 * subtree they may see and change (the head office's path for head-office roles: the whole bank).
 */
public record CurrentUser(
        long staffId,
        long bankId,
        long branchId,
        String staffNo,
        String name,
        String username,
        String scopePath,
        Set<Role> roles) {

    /** Implemented by the security principal so that any module can find the current user. */
    public interface Holder {
        CurrentUser currentUser();
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean seesWholeBank() {
        return Role.anyWholeBank(roles);
    }

    public boolean canSee(long bankId, String branchPath) {
        return this.bankId == bankId && branchPath != null && branchPath.startsWith(scopePath);
    }

    /** The signed-in user, or an exception when there is none. */
    public static CurrentUser require() {
        return find().orElseThrow(() -> new IllegalStateException("no signed-in user"));
    }

    public static java.util.Optional<CurrentUser> find() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof Holder holder) {
            return java.util.Optional.of(holder.currentUser());
        }
        return java.util.Optional.empty();
    }
}
