package sunshine.panel;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** The whole working group of a branch at once (R1): exactly one leader; deputies and members from its staff. */
public record WorkingGroupCommand(@NotNull @Valid List<Entry> members) {

    public record Entry(
            @NotNull Long staffId,
            @NotNull GroupPosition position,
            @Size(max = 200) String duty) {}
}
