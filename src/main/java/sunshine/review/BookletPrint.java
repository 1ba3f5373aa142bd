package sunshine.review;

import java.time.Instant;
import java.util.List;

/**
 * One printed version of a panel's booklet (R16): version 1, 2, … per panel, who printed it and when, how many
 * households it lists, and the members whose copies it has. A filled-in copy is matched back to it by its label
 * (see {@link BookletLabel}) and to its households by {@link Booklets#households}.
 */
public record BookletPrint(
        long id,
        long panelId,
        long branchId,
        int version,
        String printedBy,
        Instant printedAt,
        int households,
        String contentHash,
        List<Copy> copies) {

    /** A member's copy: number = their seat; ownHouseholdId: their household, shaded in their copy (R13). */
    public record Copy(int number, String memberName, String role, Long ownHouseholdId) {}

    /** The version without a copy number, e.g. P42-V3. */
    public String versionLabel() {
        return "P" + panelId + "-V" + version;
    }

    /** The label printed on the copy's every page, e.g. P42-V3-C2. */
    public String label(int copy) {
        return new BookletLabel(panelId, version, copy).toString();
    }
}
