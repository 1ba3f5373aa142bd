package sunshine.organisation;

import java.util.Set;
import sunshine.shared.Role;

/** A member of staff: belongs to one branch, has roles, may be deactivated. */
public record Staff(
        long id,
        long bankId,
        long branchId,
        String branchName,
        String staffNo,
        String name,
        String phone,
        boolean active,
        Set<Role> roles,
        int version) {}
