package sunshine.organisation;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Create or edit a branch, department or outlet. */
public record BranchCommand(
        @NotNull Long parentId,
        @NotNull BranchKind kind,
        Department department,

        @NotBlank @Size(max = 32) @Pattern(regexp = "[A-Za-z0-9_-]+")
        String code,

        @NotBlank @Size(max = 100) String name,
        @Size(max = 30) String phone,
        @Size(max = 200) String address,
        Integer version) {}
