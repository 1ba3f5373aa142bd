package sunshine.customer;

import java.time.Instant;

/** One workbook upload and where it stands: reading, preview, committed, failed or discarded. */
public record FilingImport(
        long id,
        String fileName,
        String fileSha256,
        Status status,
        long rowsRead,
        long rowsChecked,
        long newRows,
        long changedRows,
        long unchangedRows,
        long invalidRows,
        long duplicateRows,
        long conflictRows,
        String errorKey,
        String errorDetail,
        Instant createdAt,
        Instant committedAt,
        Long readMillis,
        Long commitMillis,
        Instant sameFileCommittedAt) {

    public enum Status {
        READING,
        PREVIEW,
        COMMITTING,
        COMMITTED,
        FAILED,
        DISCARDED
    }

    public long validRows() {
        return newRows + changedRows + unchangedRows;
    }

    public long refusedRows() {
        return invalidRows + duplicateRows + conflictRows;
    }

    public long totalRows() {
        return validRows() + refusedRows();
    }
}
