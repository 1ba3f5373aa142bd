package sunshine.customer;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import sunshine.shared.DataScope;
import sunshine.shared.PageResult;

/**
 * Finding customers in the caller's scope: by name, by pinyin or its initials (every reading of polyphonic
 * surnames), by full resident ID or its last digits, by phone; lists per area and per account manager.
 */
@Service
public class CustomerSearch {

    /** Which column a list may be sorted by; nothing else is accepted. */
    static final Map<String, String> SORTS = Map.of(
            "name",
            "c.name",
            "area",
            "a.name, c.household_id",
            "filed",
            "c.created_at desc",
            "updated",
            "c.updated_at desc",
            "household",
            "c.household_id, c.relationship <> 'SELF'");

    /** The tables a customer list reads: customer c, branch b, area a, household h. */
    static final String FROM = " from customer c join branch b on b.id = c.branch_id join area a on a.id = c.area_id"
            + " join household h on h.id = c.household_id";

    /** The list's default order: by area, household, the representative first. */
    static final String DEFAULT_ORDER = "a.name, c.household_id, c.relationship <> 'SELF'";

    /** A where clause (starting with " where") and its parameters. */
    record Where(String clause, Map<String, Object> params) {}

    public record Filter(String q, Long branchId, Long areaId, Long managerId, Boolean excluded) {}

    private final JdbcClient jdbc;
    private final DataScope scope;

    CustomerSearch(JdbcClient jdbc, DataScope scope) {
        this.jdbc = jdbc;
        this.scope = scope;
    }

    /** The caller's scope and the filter as a where clause over {@link #FROM}; 404 for a branch out of scope. */
    static Where where(Filter f, DataScope scope) {
        StringBuilder where = new StringBuilder(" where " + scope.condition("b"));
        Map<String, Object> p = new HashMap<>(scope.params());
        if (f.branchId() != null) {
            where.append(" and b.path like :sub");
            p.put("sub", scope.requireBranch(f.branchId()) + "%");
        }
        if (f.areaId() != null) {
            where.append(" and c.area_id = :area");
            p.put("area", f.areaId());
        }
        if (f.managerId() != null) {
            where.append(" and a.manager_id = :manager");
            p.put("manager", f.managerId());
        }
        if (f.excluded() != null) {
            where.append(" and c.excluded = :excluded");
            p.put("excluded", f.excluded());
        }
        appendQuery(f.q(), where, p);
        return new Where(where.toString(), p);
    }

    @Transactional(readOnly = true)
    public PageResult<CustomerRow> list(Filter f, String sort, PageResult.Request page) {
        Where w = where(f, scope);
        String where = w.clause();
        Map<String, Object> p = w.params();
        String from = FROM;
        long total = jdbc.sql("select count(*)" + from + where)
                .params(p)
                .query(Long.class)
                .single();
        String order = SORTS.getOrDefault(sort == null ? "" : sort, DEFAULT_ORDER);
        List<CustomerRow> items = jdbc.sql("select c.id, c.name, c.resident_id, c.gender, c.phone, c.customer_type,"
                        + " c.area_id, a.name as area_name, c.household_id, h.representative_id = c.id, c.excluded,"
                        + " c.created_at" + from + where + " order by " + order + ", c.id limit :limit offset :offset")
                .params(p)
                .param("limit", page.size())
                .param("offset", page.offset())
                .query((rs, n) -> new CustomerRow(
                        rs.getLong(1),
                        rs.getString(2),
                        Masking.residentId(rs.getString(3)),
                        rs.getString(4).charAt(0),
                        Masking.phone(rs.getString(5)),
                        CustomerType.valueOf(rs.getString(6)),
                        rs.getLong(7),
                        rs.getString(8),
                        rs.getLong(9),
                        rs.getBoolean(10),
                        rs.getBoolean(11),
                        rs.getTimestamp(12).toInstant()))
                .list();
        return new PageResult<>(items, page.page(), page.size(), total);
    }

    /** What the search box holds decides how it is matched. */
    static void appendQuery(String raw, StringBuilder where, Map<String, Object> p) {
        if (raw == null || raw.isBlank()) {
            return;
        }
        String q = raw.strip().replace(" ", "");
        String upper = q.toUpperCase();
        if ((q.length() == 18 || q.length() == 15) && upper.matches("\\d{14,17}[\\dX]")) {
            ResidentId.Parsed id = ResidentId.parse(q);
            where.append(" and c.resident_id = :rid");
            p.put("rid", id.valid() ? id.id().value() : upper);
        } else if (q.matches("1[3-9]\\d{9}")) {
            where.append(" and c.phone = :phone");
            p.put("phone", q);
        } else if (upper.matches("\\d{3,5}[\\dX]")) {
            where.append(" and right(c.resident_id, :tailLength) = :tail");
            p.put("tail", upper);
            p.put("tailLength", upper.length());
        } else if (q.matches("\\d{7,10}")) {
            where.append(" and c.phone like :phoneTail");
            p.put("phoneTail", "%" + q);
        } else if (q.matches("[A-Za-z]+")) {
            where.append(" and c.name_keys like :keys");
            p.put("keys", "% " + q.toLowerCase() + "%");
        } else {
            where.append(" and c.name like :name");
            p.put("name", q.replace("%", "").replace("_", "") + "%");
        }
    }
}
