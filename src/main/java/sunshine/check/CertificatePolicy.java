package sunshine.check;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import sunshine.shared.DataScope;

/** R25: households holding an older loan certificate are sorted by how the campaign treats them. */
@Component
public class CertificatePolicy {

    /** R25's cases, from the most to the least severe. */
    public enum Category {
        /** Malicious default or a write-off: no new credit, collection continues. */
        NO_CREDIT,
        /** Non-wilful default with interest being paid: may be granted again after full repayment. */
        AFTER_FULL_REPAYMENT,
        /** A raise is wanted: repay the principal first, then re-apply through the campaign. */
        RAISE_AFTER_REPAYMENT,
        /** No raise: the old contract runs to maturity, then the household joins. */
        RUN_TO_MATURITY
    }

    /** One certificate of one member, its category and the snapshot row it came from. */
    public record Finding(Category category, long customerId, long snapshotId, int rowNo) {}

    /**
     * R25 for one certificate. A non-wilful default whose interest is not being paid is not one of R25's
     * easier cases: it stays with no credit until the bank decides otherwise.
     */
    public static Category classify(String arrears, Boolean interestPaid, Boolean raiseWanted, boolean writtenOff) {
        if (writtenOff || "MALICIOUS".equals(arrears)) {
            return Category.NO_CREDIT;
        }
        if ("NON_WILFUL".equals(arrears)) {
            return Boolean.TRUE.equals(interestPaid) ? Category.AFTER_FULL_REPAYMENT : Category.NO_CREDIT;
        }
        return Boolean.TRUE.equals(raiseWanted) ? Category.RAISE_AFTER_REPAYMENT : Category.RUN_TO_MATURITY;
    }

    private final JdbcClient jdbc;
    private final DataScope scope;

    CertificatePolicy(JdbcClient jdbc, DataScope scope) {
        this.jdbc = jdbc;
        this.scope = scope;
    }

    /** Per household in the caller's scope holding a certificate in the set: every certificate, sorted. */
    @Transactional(readOnly = true)
    public Map<Long, List<Finding>> apply(SnapshotSet set) {
        Map<Long, List<Finding>> byHousehold = new LinkedHashMap<>();
        jdbc.sql("""
                select c.household_id, c.id, r.snapshot_id, r.row_no, r.arrears, r.interest_paid, r.raise_wanted,
                       exists (select 1 from check_row w join check_snapshot ws on ws.id = w.snapshot_id
                                where w.snapshot_id in (:ids) and ws.kind = 'WRITE_OFF' and w.status = 'VALID'
                                  and w.resident_id = r.resident_id) as written_off
                  from check_row r
                  join check_snapshot s on s.id = r.snapshot_id
                  join customer c on c.bank_id = s.bank_id and c.resident_id = r.resident_id
                  join branch b on b.id = c.branch_id
                 where r.snapshot_id in (:ids) and r.status = 'VALID' and s.kind = 'CERTIFICATE'
                   and s.bank_id = :bank and %s
                 order by 1, 2, 3, 4""".formatted(scope.condition("b")))
                .params(scope.params())
                .param("bank", scope.user().bankId())
                .param("ids", set.forSql())
                .query((org.springframework.jdbc.core.RowCallbackHandler) rs -> {
                    Category c = classify(
                            rs.getString(5), (Boolean) rs.getObject(6), (Boolean) rs.getObject(7), rs.getBoolean(8));
                    byHousehold
                            .computeIfAbsent(rs.getLong(1), h -> new ArrayList<>())
                            .add(new Finding(c, rs.getLong(2), rs.getLong(3), rs.getInt(4)));
                });
        return byHousehold;
    }

    /** The household's category: the most severe of its certificates. */
    public static Category of(List<Finding> certificates) {
        return certificates.stream().map(Finding::category).min(Enum::compareTo).orElse(null);
    }
}
