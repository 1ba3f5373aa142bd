package sunshine.organisation;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Set;
import sunshine.shared.Role;

/** Create or edit a member of staff. */
public record StaffCommand(
        @NotNull Long branchId,

        @NotBlank @Size(max = 32) @Pattern(regexp = "[A-Za-z0-9_-]+")
        String staffNo,

        @NotBlank @Size(max = 50) String name,

        @Pattern(regexp = "^$|^1[3-9]\\d{9}$|^0\\d{2,3}-?\\d{7,8}$")
        String phone,

        Set<Role> roles,
        Integer version) {}
