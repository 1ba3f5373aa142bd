package sunshine.check;

import java.time.LocalDate;

/**
 * Published after a new snapshot of core-system data has been stored and committed (not for a repeated upload of
 * the same file), so that later stages can react: re-run the checks, freeze lines with a new bad record (R28).
 */
public record SnapshotLoaded(long bankId, long snapshotId, SnapshotKind kind, LocalDate asOf) {}
