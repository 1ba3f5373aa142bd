package sunshine.organisation;

import java.util.List;

/**
 * What a division-code load did: rows read, rows of the county, areas added, renamed, unchanged, and the
 * rows that were refused (line number and reason key).
 */
public record DivisionImport(
        String countyCode,
        int rowsRead,
        int rowsOfCounty,
        int added,
        int renamed,
        int unchanged,
        List<RowError> errors) {

    public record RowError(int line, String messageKey, String value) {}
}
