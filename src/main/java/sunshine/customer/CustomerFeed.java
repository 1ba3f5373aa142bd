package sunshine.customer;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import sunshine.shared.DataScope;

/**
 * Filed customers streamed row by row within the caller's scope, for the extracts other systems take in (the CRM
 * extract and the platform batch template, R30). Run it inside a read-only transaction: the rows come through a
 * cursor a thousand at a time, so a million customers never sit in memory. Identifiers come in full; the caller
 * masks them ({@link Masking}) unless the role needs them.
 */
@Service
public class CustomerFeed {

    static final int FETCH_SIZE = 1000;

    /** Which customers: only household representatives, a customer type, an area, excluded or not (null: any). */
    public record Filter(boolean representativesOnly, CustomerType type, Long areaId, Boolean excluded) {
        public static Filter all() {
            return new Filter(false, null, null, null);
        }
    }

    /** One filed customer where they sit: household, area, branch and the area's account manager. */
    public record Row(
            long customerId,
            long householdId,
            boolean representative,
            String name,
            String residentId,
            CustomerType type,
            long areaId,
            String areaName,
            String divisionCode,
            long branchId,
            String branchName,
            String managerName,
            boolean excluded,
            Instant updatedAt) {}

    private final JdbcClient jdbc;
    private final DataScope scope;

    CustomerFeed(JdbcClient jdbc, DataScope scope) {
        this.jdbc = jdbc;
        this.scope = scope;
    }

    /**
     * Streams the customers of the filter to {@code sink}: representatives by branch, area and household; everyone
     * else by customer id. Returns how many were streamed.
     */
    public long stream(Filter filter, Consumer<Row> sink) {
        StringBuilder where = new StringBuilder(" where " + scope.condition("b"));
        Map<String, Object> params = new HashMap<>(scope.params());
        if (filter.representativesOnly()) {
            where.append(" and h.representative_id = c.id");
        }
        if (filter.type() != null) {
            where.append(" and c.customer_type = :type");
            params.put("type", filter.type().name());
        }
        if (filter.areaId() != null) {
            where.append(" and c.area_id = :area");
            params.put("area", filter.areaId());
        }
        if (filter.excluded() != null) {
            where.append(" and c.excluded = :excluded");
            params.put("excluded", filter.excluded());
        }
        String order = filter.representativesOnly()
                ? " order by b.path, a.division_code nulls last, a.id, h.id"
                : " order by c.id";
        long[] n = {0};
        jdbc.sql("""
                        select c.id, c.household_id, h.representative_id = c.id, c.name, c.resident_id, c.customer_type,
                               a.id, a.name, a.division_code, b.id, b.name, m.name, c.excluded, c.updated_at
                          from customer c join household h on h.id = c.household_id join area a on a.id = c.area_id
                          join branch b on b.id = c.branch_id left join staff m on m.id = a.manager_id""" + where + order).params(params).withFetchSize(FETCH_SIZE).query(rs -> {
            String code = rs.getString(9);
            sink.accept(new Row(
                    rs.getLong(1),
                    rs.getLong(2),
                    rs.getBoolean(3),
                    rs.getString(4),
                    rs.getString(5).strip(),
                    CustomerType.valueOf(rs.getString(6)),
                    rs.getLong(7),
                    rs.getString(8),
                    code == null ? null : code.strip(),
                    rs.getLong(10),
                    rs.getString(11),
                    rs.getString(12),
                    rs.getBoolean(13),
                    rs.getTimestamp(14).toInstant()));
            n[0]++;
        });
        return n[0];
    }
}
