package sunshine.check;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One dated upload of core-system data (§4): kept with all its rows, valid and refused. It is read in the background:
 * LOADING until every row is stored (the checks never read it before), FAILED with the reason (errorKey, errorArgs)
 * when the file could not be read, and no row kept.
 */
public record Snapshot(
        long id,
        SnapshotKind kind,
        LocalDate asOf,
        String fileName,
        String fileSha256,
        String scopePath,
        long rowsTotal,
        long rowsValid,
        long rowsInvalid,
        Instant createdAt,
        Status status,
        String errorKey,
        List<String> errorArgs,
        Long loadMillis) {

    /** Where the background load is. */
    public enum Status {
        LOADING,
        LOADED,
        FAILED
    }
}
