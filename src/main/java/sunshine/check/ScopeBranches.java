package sunshine.check;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The branches under a scope path as a list of ids, for the checks' big statements. {@code DataScope.condition}
 * joins {@code branch} with {@code path like}; the branch table is too small for autovacuum ever to analyze it, so
 * without statistics the planner takes that join for one row, and at 100,000 loans it looked every one up in customer
 * and household by index instead of hashing (3-5x the plain SQL in ChecksBenchmark). An id list is estimated from
 * the big table's own statistics, and the whole bank needs no condition at all. The ids are read through the same
 * path rule, so the scope is DataScope's.
 */
@Component
class ScopeBranches {

    /** All branches of the bank (no condition needed), or the ids under the path (never empty: -1 is no branch). */
    record Scope(boolean all, List<Long> ids) {

        /** {@code ""} for the whole bank, else {@code and <column> in (:<param>)}. */
        String condition(String column, String param) {
            return all ? "" : "and " + column + " in (:" + param + ")";
        }
    }

    private final JdbcClient jdbc;

    ScopeBranches(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Scope of(long bankId, String pathPrefix) {
        List<Long> under = jdbc.sql("select id from branch where bank_id = :bank and path like :path")
                .param("bank", bankId)
                .param("path", likePrefix(pathPrefix))
                .query(Long.class)
                .list();
        long all = jdbc.sql("select count(*) from branch where bank_id = :bank")
                .param("bank", bankId)
                .query(Long.class)
                .single();
        return new Scope(under.size() == all, under.isEmpty() ? List.of(-1L) : under);
    }

    static String likePrefix(String path) {
        return path.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
