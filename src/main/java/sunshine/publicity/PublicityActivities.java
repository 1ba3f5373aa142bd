package sunshine.publicity;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import sunshine.audit.AuditLog;
import sunshine.organisation.Area;
import sunshine.organisation.Areas;
import sunshine.shared.BusinessException;
import sunshine.shared.DataScope;
import sunshine.shared.Today;

/** Publicity activities per area and publicity coverage against the 100% goal (R34), within the caller's scope. */
@Service
public class PublicityActivities {

    private final JdbcClient jdbc;
    private final DataScope scope;
    private final AuditLog audit;
    private final Areas areas;

    PublicityActivities(JdbcClient jdbc, DataScope scope, AuditLog audit, Areas areas) {
        this.jdbc = jdbc;
        this.scope = scope;
        this.audit = audit;
        this.areas = areas;
    }

    /** Records an activity in an area of the caller's scope (404 otherwise); not in the future. */
    @Transactional
    public PublicityActivity record(long areaId, ActivityCommand cmd) {
        Area area = areas.get(areaId);
        if (cmd.heldOn().isAfter(Today.date())) {
            throw new BusinessException("publicity.error.future");
        }
        long id = jdbc.sql("""
                insert into publicity_activity (bank_id, branch_id, area_id, held_on, method, materials, staff_names,
                                                households_reached, recorded_by)
                values (:bank, :branch, :area, :on, :method, :materials, :staff, :reached, :by) returning id""")
                .param("bank", area.bankId())
                .param("branch", area.branchId())
                .param("area", area.id())
                .param("on", cmd.heldOn())
                .param("method", cmd.method().name())
                .param(
                        "materials",
                        cmd.materials() == null ? null : cmd.materials().strip())
                .param("staff", cmd.staffNames().strip())
                .param("reached", cmd.householdsReached())
                .param("by", scope.user().staffId() > 0 ? scope.user().staffId() : null)
                .query(Long.class)
                .single();
        PublicityActivity a =
                of(areaId).stream().filter(x -> x.id() == id).findFirst().orElseThrow();
        audit.record("CREATE", "publicity_activity", id, null, a);
        return a;
    }

    /** The activities of an area of the caller's scope, the latest first. */
    @Transactional(readOnly = true)
    public List<PublicityActivity> of(long areaId) {
        areas.get(areaId);
        return jdbc.sql("""
                select p.*, a.name as area_name, s.name as recorded_by_name from publicity_activity p
                  join area a on a.id = p.area_id left join staff s on s.id = p.recorded_by
                 where p.area_id = :a order by p.held_on desc, p.id desc""")
                .param("a", areaId)
                .query((rs, n) -> new PublicityActivity(
                        rs.getLong("id"),
                        rs.getLong("area_id"),
                        rs.getString("area_name"),
                        rs.getObject("held_on", LocalDate.class),
                        PublicityMethod.valueOf(rs.getString("method")),
                        rs.getString("materials"),
                        rs.getString("staff_names"),
                        rs.getInt("households_reached"),
                        rs.getString("recorded_by_name")))
                .list();
    }

    /** Coverage of every active area of the caller's scope (or one branch's subtree), by branch then area. */
    @Transactional(readOnly = true)
    public List<AreaPublicity> coverage(Long branchId) {
        Map<String, Object> params = new HashMap<>(scope.params());
        String where = " where a.active and " + scope.condition("b");
        if (branchId != null) {
            where += " and b.path like :sub";
            params.put("sub", scope.requireBranch(branchId) + "%");
        }
        return jdbc.sql("""
                select a.id, a.name, b.id as branch_id, b.name as branch_name, a.actual_households,
                       coalesce(sum(p.households_reached), 0) as reached, count(p.id) as activities,
                       max(p.held_on) as last_on
                  from area a join branch b on b.id = a.branch_id left join publicity_activity p on p.area_id = a.id
                """ + where + " group by a.id, b.id order by b.path, a.division_code nulls last, a.name")
                .params(params)
                .query((rs, n) -> new AreaPublicity(
                        rs.getLong("id"),
                        rs.getString("name"),
                        rs.getLong("branch_id"),
                        rs.getString("branch_name"),
                        rs.getInt("actual_households"),
                        (int) Math.min(Integer.MAX_VALUE, rs.getLong("reached")),
                        rs.getInt("activities"),
                        rs.getObject("last_on", LocalDate.class)))
                .list();
    }
}
