package sunshine.publicity;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A complaint or objection: from the public page, or taken on the supervision phone by staff (R33). */
public record ComplaintCommand(
        @NotNull Long areaId,
        @NotBlank @Pattern(regexp = "OBJECTION|COMPLAINT") String kind,
        @Size(max = 50) String name,
        @NotBlank @Pattern(regexp = "[0-9+\\- ]{7,20}") String phone,
        @NotBlank @Size(max = 2000) String content) {}
