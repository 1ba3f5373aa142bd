package sunshine.panel;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A member to add to a panel (R12). Bank staff are chosen by {@code staffId} (name and phone then come from the
 * staff list); everyone else by name, with phone and resident ID when given (the resident ID finds their own
 * household, R13).
 */
public record MemberCommand(
        @Size(max = 50) String name,
        @NotNull MemberRole role,
        @Pattern(regexp = "^$|^[0-9+\\- ]{5,20}$") String phone,
        @Size(max = 20) String residentId,
        Long staffId,
        Boolean alternate) {

    public boolean isAlternate() {
        return Boolean.TRUE.equals(alternate);
    }
}
