package sunshine.panel;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import sunshine.customer.Masking;
import sunshine.shared.DataScope;

/**
 * Reading review panels (R12), always within the caller's bank and branch subtree: the printable sheet the
 * booklets are made from, the panel list of a branch, and one panel with its areas and members.
 */
@Service
public class Panels {

    static final String FROM = " from panel p join branch b on b.id = p.branch_id ";

    private final JdbcClient jdbc;
    private final DataScope scope;

    Panels(JdbcClient jdbc, DataScope scope) {
        this.jdbc = jdbc;
        this.scope = scope;
    }

    /** Scoped read (DataScope): empty if missing or out of the caller's scope. */
    @Transactional(readOnly = true)
    public Optional<PanelSheet> sheet(long panelId) {
        List<PanelSheet> found = sheets(" and p.id = :id", Map.of("id", panelId));
        return found.stream().findFirst();
    }

    /** The sheet, or 404 exactly like a missing panel (an out-of-scope attempt is audited). */
    @Transactional(readOnly = true)
    public PanelSheet requireSheet(long panelId) {
        return sheet(panelId).orElseThrow(() -> scope.notFound("panel", "panel", panelId));
    }

    /** Confirmed panels of a branch's subtree, scoped; ordered by name. */
    @Transactional(readOnly = true)
    public List<PanelSheet> confirmedIn(long branchId) {
        String path = scope.requireBranch(branchId);
        return sheets(" and b.path like :sub and p.status = 'CONFIRMED'", Map.of("sub", path + "%"));
    }

    private List<PanelSheet> sheets(String where, Map<String, Object> extra) {
        Map<String, Object> params = new HashMap<>(scope.params());
        params.putAll(extra);
        List<PanelSheet> heads = jdbc.sql("select p.id, p.bank_id, p.branch_id, b.name as branch_name, p.name, p.kind,"
                        + " p.status" + FROM + "where " + scope.condition("b") + where + " order by p.name, p.id")
                .params(params)
                .query((rs, n) -> new PanelSheet(
                        rs.getLong("id"),
                        rs.getLong("bank_id"),
                        rs.getLong("branch_id"),
                        rs.getString("branch_name"),
                        rs.getString("name"),
                        PanelKind.valueOf(rs.getString("kind")),
                        PanelStatus.valueOf(rs.getString("status")),
                        new ArrayList<>(),
                        new ArrayList<>()))
                .list();
        if (heads.isEmpty()) {
            return heads;
        }
        Map<Long, PanelSheet> byId = new LinkedHashMap<>();
        heads.forEach(h -> byId.put(h.id(), h));
        List<Long> ids = List.copyOf(byId.keySet());
        jdbc.sql("select panel_id, area_id from panel_area where panel_id in (:ids) order by panel_id, area_id")
                .param("ids", ids)
                .query(rs -> {
                    byId.get(rs.getLong(1)).areaIds().add(rs.getLong(2));
                });
        jdbc.sql("select id, panel_id, seat, name, role, alternate, household_id from panel_member"
                        + " where panel_id in (:ids) order by panel_id, seat")
                .param("ids", ids)
                .query(rs -> {
                    byId.get(rs.getLong("panel_id"))
                            .seats()
                            .add(new PanelSeat(
                                    rs.getLong("id"),
                                    rs.getInt("seat"),
                                    rs.getString("name"),
                                    MemberRole.valueOf(rs.getString("role")),
                                    rs.getBoolean("alternate"),
                                    (Long) rs.getObject("household_id")));
                });
        return heads.stream()
                .map(h -> new PanelSheet(
                        h.id(),
                        h.bankId(),
                        h.branchId(),
                        h.branchName(),
                        h.name(),
                        h.kind(),
                        h.status(),
                        List.copyOf(h.areaIds()),
                        List.copyOf(h.seats())))
                .toList();
    }

    /** Panels of the caller's scope, optionally one branch's subtree and one status, by branch then name. */
    @Transactional(readOnly = true)
    public List<PanelSummary> list(Long branchId, PanelStatus status) {
        StringBuilder where = new StringBuilder(" where " + scope.condition("b"));
        Map<String, Object> params = new HashMap<>(scope.params());
        if (branchId != null) {
            where.append(" and b.path like :sub");
            params.put("sub", scope.requireBranch(branchId) + "%");
        }
        if (status != null) {
            where.append(" and p.status = :status");
            params.put("status", status.name());
        }
        return jdbc.sql("""
                select p.id, p.branch_id, b.name as branch_name, p.name, p.kind, p.status,
                       coalesce((select string_agg(a.name, '、' order by a.name) from panel_area pa
                                  join area a on a.id = pa.area_id where pa.panel_id = p.id), '') as areas,
                       (select count(*) from panel_member m where m.panel_id = p.id and not m.alternate) as members,
                       (select count(*) from panel_member m where m.panel_id = p.id and m.alternate) as alternates,
                       (select count(*) from panel_member m where m.panel_id = p.id and not m.alternate
                           and exists(select 1 from training_attendee t where t.member_id = m.id)) as trained
                """ + FROM + where + " order by b.path, p.name, p.id")
                .params(params)
                .query((rs, n) -> new PanelSummary(
                        rs.getLong("id"),
                        rs.getLong("branch_id"),
                        rs.getString("branch_name"),
                        rs.getString("name"),
                        PanelKind.valueOf(rs.getString("kind")),
                        PanelStatus.valueOf(rs.getString("status")),
                        rs.getString("areas"),
                        rs.getInt("members"),
                        rs.getInt("alternates"),
                        rs.getInt("trained")))
                .list();
    }

    /** One panel with its areas and members, or 404 (audited when it lies outside the caller's scope). */
    @Transactional(readOnly = true)
    public Panel get(long id) {
        return find(id).orElseThrow(() -> scope.notFound("panel", "panel", id));
    }

    Optional<Panel> find(long id) {
        return jdbc.sql("select p.*, b.name as branch_name" + FROM + "where p.id = :id and " + scope.condition("b"))
                .params(scope.params())
                .param("id", id)
                .query((rs, n) -> head(rs))
                .optional()
                .map(p -> new Panel(
                        p.id(),
                        p.bankId(),
                        p.branchId(),
                        p.branchName(),
                        p.name(),
                        p.kind(),
                        p.status(),
                        p.note(),
                        p.version(),
                        p.confirmedAt(),
                        areas(id),
                        members(id)));
    }

    private static Panel head(ResultSet rs) throws SQLException {
        Timestamp confirmed = rs.getTimestamp("confirmed_at");
        return new Panel(
                rs.getLong("id"),
                rs.getLong("bank_id"),
                rs.getLong("branch_id"),
                rs.getString("branch_name"),
                rs.getString("name"),
                PanelKind.valueOf(rs.getString("kind")),
                PanelStatus.valueOf(rs.getString("status")),
                rs.getString("note"),
                rs.getInt("version"),
                confirmed == null ? null : confirmed.toInstant(),
                List.of(),
                List.of());
    }

    List<PanelArea> areas(long panelId) {
        return jdbc.sql("""
                select a.id, a.name, a.manager_id, s.name from panel_area pa join area a on a.id = pa.area_id
                  left join staff s on s.id = a.manager_id where pa.panel_id = :p order by a.division_code, a.name""")
                .param("p", panelId)
                .query((rs, n) ->
                        new PanelArea(rs.getLong(1), rs.getString(2), (Long) rs.getObject(3), rs.getString(4)))
                .list();
    }

    List<PanelMember> members(long panelId) {
        return jdbc.sql("""
                select m.*, exists(select 1 from training_attendee t where t.member_id = m.id) as trained
                  from panel_member m where m.panel_id = :p order by m.seat, m.id""")
                .param("p", panelId)
                .query((rs, n) -> new PanelMember(
                        rs.getLong("id"),
                        rs.getInt("seat"),
                        rs.getString("name"),
                        MemberRole.valueOf(rs.getString("role")),
                        rs.getString("phone"),
                        rs.getString("resident_id") == null ? null : Masking.residentId(rs.getString("resident_id")),
                        (Long) rs.getObject("household_id"),
                        (Long) rs.getObject("staff_id"),
                        rs.getBoolean("alternate"),
                        rs.getBoolean("trained")))
                .list();
    }
}
