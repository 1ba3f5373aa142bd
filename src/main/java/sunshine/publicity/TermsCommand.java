package sunshine.publicity;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/** A new version of the terms: from when, the texts, the phones and the rate table by grade. */
public record TermsCommand(
        @NotNull LocalDate effectiveFrom,
        @NotBlank @Size(max = 4000) String conditions,
        @NotBlank @Size(max = 4000) String process,
        @NotBlank @Size(max = 4000) String commitments,
        @NotBlank @Size(max = 30) String supervisionPhone,
        @NotBlank @Size(max = 30) String complaintPhone,
        @NotEmpty List<GradeRate> rates) {}
