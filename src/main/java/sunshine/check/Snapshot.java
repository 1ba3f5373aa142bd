package sunshine.check;

import java.time.Instant;
import java.time.LocalDate;

/** One dated upload of core-system data (§4): kept with all its rows, valid and refused. */
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
        Instant createdAt) {}
