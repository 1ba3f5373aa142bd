package sunshine.customer;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import sunshine.shared.DataScope;

/**
 * The households of some areas as a review booklet lists them (R16): the credit representative with a masked
 * resident ID, address and phone, and the other members with their relationship. Read-only, scoped to the
 * caller's bank and branch subtree, one query for any number of households.
 */
@Service
public class HouseholdRoster {

    /** A household member other than the representative. */
    public record Member(String name, Relationship relationship) {}

    /** One household: address and phone are the representative's, the resident ID is masked. */
    public record Entry(
            long householdId,
            long areaId,
            String areaName,
            String representative,
            String residentIdMasked,
            String address,
            String phone,
            List<Member> members) {}

    private static final String SELECT = """
            select h.id, h.area_id, a.name, r.name, r.resident_id, r.address, r.phone,
                   array(select m.name || chr(31) || m.relationship from customer m
                          where m.household_id = h.id and m.id <> r.id and not m.excluded
                          order by m.birth_date, m.id) as members
              from household h
              join customer r on r.id = h.representative_id
              join area a on a.id = h.area_id
              join branch b on b.id = h.branch_id
            """;

    private final JdbcClient jdbc;
    private final DataScope scope;

    HouseholdRoster(JdbcClient jdbc, DataScope scope) {
        this.jdbc = jdbc;
        this.scope = scope;
    }

    /**
     * The filed households of the areas whose credit representative is not excluded (R7: an excluded person
     * receives no pre-credit, and the household's limit is granted to its representative, R8); excluded members
     * are left out. Ordered by area, then address, so neighbours stand together as the panel knows them.
     */
    @Transactional(readOnly = true)
    public List<Entry> ofAreas(Collection<Long> areaIds) {
        if (areaIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + " where h.area_id = any(:areas) and h.active and not r.excluded and "
                        + scope.condition("b") + " order by a.id, r.address, h.id")
                .params(scope.params())
                .param("areas", areaIds.toArray(Long[]::new))
                .query(HouseholdRoster::entry)
                .list();
    }

    /**
     * The given households as they are now, in the order given, whatever happened to them since (a printed
     * booklet keeps its rows); ids outside the caller's scope or no longer there are left out.
     */
    @Transactional(readOnly = true)
    public List<Entry> byIds(List<Long> householdIds) {
        if (householdIds.isEmpty()) {
            return List.of();
        }
        Map<Long, Entry> found = new HashMap<>();
        jdbc.sql(SELECT + " where h.id = any(:ids) and " + scope.condition("b"))
                .params(scope.params())
                .param("ids", householdIds.toArray(Long[]::new))
                .query(HouseholdRoster::entry)
                .list()
                .forEach(e -> found.put(e.householdId(), e));
        List<Entry> result = new ArrayList<>(householdIds.size());
        for (Long id : householdIds) {
            Entry e = found.get(id);
            if (e != null) {
                result.add(e);
            }
        }
        return result;
    }

    private static Entry entry(ResultSet rs, int n) throws SQLException {
        return new Entry(
                rs.getLong(1),
                rs.getLong(2),
                rs.getString(3),
                rs.getString(4),
                Masking.residentId(rs.getString(5).strip()),
                rs.getString(6),
                rs.getString(7),
                members(rs.getArray(8)));
    }

    private static List<Member> members(Array array) throws SQLException {
        String[] values = (String[]) array.getArray();
        List<Member> members = new ArrayList<>(values.length);
        for (String v : values) {
            int sep = v.lastIndexOf('\u001f');
            members.add(new Member(v.substring(0, sep), Relationship.valueOf(v.substring(sep + 1))));
        }
        return members;
    }
}
