package sunshine.panel;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Create or rename a panel (R12). */
public record PanelCommand(
        @NotNull Long branchId,
        @NotNull PanelKind kind,
        @NotBlank @Size(max = 100) String name,
        @Size(max = 300) String note,
        Integer version) {}
