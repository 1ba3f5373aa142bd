package sunshine.review;

/**
 * One household's line as typed from a copy: the figures, remarks, and a correction of the representative's
 * contact data (R18) as written (text) and as understood (phone, address).
 */
public record EntryLine(
        long householdId,
        Figures figures,
        String remarks,
        String correctionText,
        String correctionPhone,
        String correctionAddress) {

    public EntryLine {
        figures = figures == null ? Figures.BLANK : figures;
    }

    public static EntryLine of(long householdId, Figures figures) {
        return new EntryLine(householdId, figures, null, null, null, null);
    }
}
