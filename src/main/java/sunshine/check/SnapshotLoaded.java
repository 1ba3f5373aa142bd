package sunshine.check;

import java.time.LocalDate;

/**
 * Published when a new snapshot of core-system data has been stored (not for a repeated upload of the same file), so
 * that later stages can react: re-run the checks, freeze lines with a new bad record (R28). It is published in the
 * background load's transaction, after every row is stored and the snapshot marked LOADED: what the listeners write
 * commits with the snapshot, and a listener's failure fails the load (nothing half-written).
 */
public record SnapshotLoaded(long bankId, long snapshotId, SnapshotKind kind, LocalDate asOf) {}
