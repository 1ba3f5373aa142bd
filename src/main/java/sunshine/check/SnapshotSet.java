package sunshine.check;

import java.util.List;

/** The snapshots a check reads (their ids); a finding names the snapshot row it came from. */
public record SnapshotSet(List<Long> ids) {

    public SnapshotSet {
        ids = List.copyOf(ids);
    }

    /** For SQL {@code in (:ids)}: never empty. */
    List<Long> forSql() {
        return ids.isEmpty() ? List.of(-1L) : ids;
    }
}
