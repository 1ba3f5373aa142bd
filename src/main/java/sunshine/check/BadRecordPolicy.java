package sunshine.check;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import sunshine.shared.DataScope;

/**
 * R24: a household leaves the list when any member has a bad record in the snapshot set; R7: an excluded
 * person's household never reaches it either. The data is found in one set-based query; the rule names live
 * here, in {@link Reason}.
 */
@Component
public class BadRecordPolicy {

    /** Why a household is removed. */
    public enum Reason {
        /** R24(1) a current non-performing loan: 次级, 可疑 or 损失 with a balance in the latest ledger. */
        NON_PERFORMING,
        /** R24(2) a loan repaid by its guarantor. */
        GUARANTOR_REPAID,
        /** R24(3) a personal loan written off, in any year. */
        WRITTEN_OFF,
        /** R24(4) a guarantor who did not honour a guarantee. */
        GUARANTEE_DEFAULT,
        /** R24(5) a loan recovered through litigation. */
        LITIGATION,
        /** R7 an excluded person (no snapshot row: the exclusion is recorded in the filing). */
        EXCLUDED
    }

    /** One reason for one member, with the snapshot row that caused it (null for an exclusion). */
    public record Finding(Reason reason, long customerId, Long snapshotId, Integer rowNo) {}

    /**
     * R24 in SQL: a valid row {@code r} of snapshot {@code s} that removes its person's household. The final list
     * and the benchmark use the same condition.
     */
    static final String BAD_ROW = """
            ((s.kind = 'LEDGER' and r.loan_class in ('SUBSTANDARD', 'DOUBTFUL', 'LOSS') and r.balance > 0)
                 or (s.kind = 'WRITE_OFF' and r.personal)
                 or s.kind in ('GUARANTOR_REPAID', 'GUARANTEE_DEFAULT', 'LITIGATION'))""";

    /** The {@link Reason} of a {@link #BAD_ROW}, in SQL. */
    static final String REASON =
            "case s.kind when 'LEDGER' then 'NON_PERFORMING' when 'WRITE_OFF' then 'WRITTEN_OFF' else s.kind end";

    private final JdbcClient jdbc;
    private final DataScope scope;
    private final ScopeBranches branches;

    BadRecordPolicy(JdbcClient jdbc, DataScope scope, ScopeBranches branches) {
        this.jdbc = jdbc;
        this.scope = scope;
        this.branches = branches;
    }

    /** Per household in the caller's scope: the reasons to remove it, in household order. */
    @Transactional(readOnly = true)
    public Map<Long, List<Finding>> apply(SnapshotSet set) {
        Map<Long, List<Finding>> byHousehold = new LinkedHashMap<>();
        long bank = scope.user().bankId();
        // the caller's branches as ids, not a join on branch.path (see ScopeBranches)
        ScopeBranches.Scope in = branches.of(bank, scope.user().scopePath());
        jdbc.sql("""
                select c.household_id, c.id, r.snapshot_id, r.row_no, %s as reason
                  from check_row r
                  join check_snapshot s on s.id = r.snapshot_id
                  join customer c on c.bank_id = s.bank_id and c.resident_id = r.resident_id
                 where r.snapshot_id in (:ids) and r.status = 'VALID' and s.bank_id = :bank %s
                   and %s
                union all
                select c.household_id, c.id, null, null, 'EXCLUDED'
                  from customer c
                 where c.bank_id = :bank and c.excluded %s
                 order by 1, 2, 3, 4""".formatted(
                                REASON,
                                in.condition("c.branch_id", "branches"),
                                BAD_ROW,
                                in.condition("c.branch_id", "branches")))
                .param("branches", in.ids())
                .param("bank", bank)
                .param("ids", set.forSql())
                .query((org.springframework.jdbc.core.RowCallbackHandler) rs -> {
                    byHousehold
                            .computeIfAbsent(rs.getLong(1), h -> new ArrayList<>())
                            .add(new Finding(
                                    Reason.valueOf(rs.getString(5)), rs.getLong(2), (Long) rs.getObject(3), (Integer)
                                            rs.getObject(4)));
                });
        return byHousehold;
    }
}
