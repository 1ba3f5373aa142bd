package sunshine.credit;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/**
 * Signing a household's credit contract face to face (R28). The limit is the approved one; the term defaults to the
 * bank's setting; the signing day to today; guarantee paperwork is described where there is any.
 */
public record ContractCommand(
        long householdId,
        @Min(1) @Max(120) Integer termMonths,
        @Size(max = 500) String guarantee,
        LocalDate signedOn) {}
