package sunshine.check;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import sunshine.customer.Masking;
import sunshine.shared.PageResult;

/** The households the checks flag in the caller's scope, against the current snapshot set (R24, R25, R7). */
@Service
public class CheckList {

    /** Which households to show. */
    public enum Filter {
        ALL,
        REMOVED,
        CERTIFICATE
    }

    private final JdbcClient jdbc;
    private final Snapshots snapshots;
    private final BadRecordPolicy badRecords;
    private final CertificatePolicy certificates;

    CheckList(JdbcClient jdbc, Snapshots snapshots, BadRecordPolicy badRecords, CertificatePolicy certificates) {
        this.jdbc = jdbc;
        this.snapshots = snapshots;
        this.badRecords = badRecords;
        this.certificates = certificates;
    }

    @Transactional(readOnly = true)
    public PageResult<CheckedHousehold> households(Filter filter, PageResult.Request page) {
        SnapshotSet set = snapshots.current();
        Map<Long, List<BadRecordPolicy.Finding>> bad = badRecords.apply(set);
        Map<Long, List<CertificatePolicy.Finding>> certs = certificates.apply(set);
        Set<Long> ids = new TreeSet<>();
        if (filter != Filter.CERTIFICATE) {
            ids.addAll(bad.keySet());
        }
        if (filter != Filter.REMOVED) {
            ids.addAll(certs.keySet());
        }
        List<Long> shown = ids.stream().skip(page.offset()).limit(page.size()).toList();
        Set<Long> customers = new HashSet<>();
        shown.forEach(h -> {
            bad.getOrDefault(h, List.of()).forEach(f -> customers.add(f.customerId()));
            certs.getOrDefault(h, List.of()).forEach(f -> customers.add(f.customerId()));
        });
        Map<Long, String[]> people = new HashMap<>();
        if (!customers.isEmpty()) {
            jdbc.sql("select id, name, resident_id from customer where id in (:ids)")
                    .param("ids", customers)
                    .query((org.springframework.jdbc.core.RowCallbackHandler) rs -> people.put(
                            rs.getLong(1), new String[] {rs.getString(2), Masking.residentId(rs.getString(3))}));
        }
        Map<Long, String[]> households = new HashMap<>();
        if (!shown.isEmpty()) {
            jdbc.sql("""
                    select h.id, b.name, a.name, r.name from household h join branch b on b.id = h.branch_id
                      join area a on a.id = h.area_id left join customer r on r.id = h.representative_id
                     where h.id in (:ids)""").param("ids", shown).query((org.springframework.jdbc.core.RowCallbackHandler) rs ->
                    households.put(rs.getLong(1), new String[] {rs.getString(2), rs.getString(3), rs.getString(4)}));
        }
        List<CheckedHousehold> items = new ArrayList<>();
        for (long h : shown) {
            String[] hh = households.getOrDefault(h, new String[3]);
            List<CheckedHousehold.Reason> reasons = new ArrayList<>();
            for (BadRecordPolicy.Finding f : bad.getOrDefault(h, List.of())) {
                String[] p = people.getOrDefault(f.customerId(), new String[2]);
                reasons.add(new CheckedHousehold.Reason(f.reason(), p[0], p[1], f.snapshotId(), f.rowNo()));
            }
            List<CheckedHousehold.Certificate> held = new ArrayList<>();
            List<CertificatePolicy.Finding> cs = certs.getOrDefault(h, List.of());
            for (CertificatePolicy.Finding f : cs) {
                String[] p = people.getOrDefault(f.customerId(), new String[2]);
                held.add(new CheckedHousehold.Certificate(f.category(), p[0], p[1], f.snapshotId(), f.rowNo()));
            }
            items.add(new CheckedHousehold(
                    h, hh[0], hh[1], hh[2], !reasons.isEmpty(), reasons, CertificatePolicy.of(cs), held));
        }
        return new PageResult<>(items, page.page(), page.size(), ids.size());
    }
}
