package sunshine.organisation;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import sunshine.audit.AuditLog;
import sunshine.shared.BusinessException;
import sunshine.shared.CurrentUser;
import sunshine.shared.DataScope;
import sunshine.shared.PageResult;
import sunshine.shared.Role;

/** Staff of the caller's bank and subtree: list, create, edit, move, deactivate. */
@Service
public class StaffDirectory {

    private static final String SELECT = """
            select s.id, s.bank_id, s.branch_id, b.name as branch_name, s.staff_no, s.name, s.phone, s.active,
                   s.version, coalesce((select string_agg(r.role, ',') from staff_role r where r.staff_id = s.id), '') as roles
              from staff s join branch b on b.id = s.branch_id
            """;
    private static final Map<String, String> SORTS =
            Map.of("staffNo", "s.staff_no", "name", "s.name", "branch", "b.path");

    private final JdbcClient jdbc;
    private final DataScope scope;
    private final AuditLog audit;

    StaffDirectory(JdbcClient jdbc, DataScope scope, AuditLog audit) {
        this.jdbc = jdbc;
        this.scope = scope;
        this.audit = audit;
    }

    /** Staff in scope, optionally within one branch's subtree, one role, or matching a name or number. */
    @Transactional(readOnly = true)
    public PageResult<Staff> list(Long branchId, Role role, String text, String sort, PageResult.Request page) {
        StringBuilder where = new StringBuilder(" where " + scope.condition("b"));
        Map<String, Object> params = new HashMap<>(scope.params());
        if (branchId != null) {
            where.append(" and b.path like :sub");
            params.put("sub", scope.requireBranch(branchId) + "%");
        }
        if (role != null) {
            where.append(" and exists(select 1 from staff_role r where r.staff_id = s.id and r.role = :role)");
            params.put("role", role.name());
        }
        if (text != null && !text.isBlank()) {
            where.append(" and (s.name like :text or s.staff_no like :text)");
            params.put("text", "%" + text.trim() + "%");
        }
        long total = jdbc.sql("select count(*) from staff s join branch b on b.id = s.branch_id" + where)
                .params(params)
                .query(Long.class)
                .single();
        String order = SORTS.getOrDefault(sort == null ? "" : sort, "b.path, s.staff_no");
        List<Staff> items = jdbc.sql(SELECT + where + " order by " + order + ", s.id limit :limit offset :offset")
                .params(params)
                .param("limit", page.size())
                .param("offset", page.offset())
                .query(StaffDirectory::map)
                .list();
        return new PageResult<>(items, page.page(), page.size(), total);
    }

    @Transactional(readOnly = true)
    public Staff get(long id) {
        return find(id).orElseThrow(() -> scope.notFound("staff", "staff", id));
    }

    Optional<Staff> find(long id) {
        return jdbc.sql(SELECT + " where s.id = :id and " + scope.condition("b"))
                .params(scope.params())
                .param("id", id)
                .query(StaffDirectory::map)
                .optional();
    }

    /** Active account managers whose branch lies in the given branch's subtree (for area assignment). */
    @Transactional(readOnly = true)
    public List<Staff> accountManagers(long branchId) {
        String path = scope.requireBranch(branchId);
        return jdbc.sql(SELECT + " where " + scope.condition("b") + " and b.path like :sub and s.active"
                        + " and exists(select 1 from staff_role r where r.staff_id = s.id and r.role = 'ACCOUNT_MANAGER')"
                        + " order by s.staff_no")
                .params(scope.params())
                .param("sub", path + "%")
                .query(StaffDirectory::map)
                .list();
    }

    @Transactional
    public Staff create(StaffCommand cmd) {
        scope.requireBranch(cmd.branchId());
        Set<Role> roles = checkRoles(cmd.roles(), EnumSet.noneOf(Role.class));
        requireUniqueNumber(cmd.staffNo(), null);
        long id = jdbc.sql("""
                insert into staff (bank_id, branch_id, staff_no, name, phone)
                values (:bank, :branch, :no, :name, :phone) returning id""")
                .param("bank", scope.user().bankId())
                .param("branch", cmd.branchId())
                .param("no", cmd.staffNo().trim())
                .param("name", cmd.name().trim())
                .param("phone", Branches.blankToNull(cmd.phone()))
                .query(Long.class)
                .single();
        writeRoles(id, roles);
        Staff created = get(id);
        audit.record("CREATE", "staff", id, null, created);
        return created;
    }

    @Transactional
    public Staff update(long id, StaffCommand cmd) {
        Staff before = get(id);
        scope.requireBranch(cmd.branchId());
        Set<Role> roles = checkRoles(cmd.roles(), before.roles());
        requireUniqueNumber(cmd.staffNo(), id);
        int n = jdbc.sql("""
                update staff set branch_id = :branch, staff_no = :no, name = :name, phone = :phone,
                       version = version + 1, updated_at = now()
                 where id = :id and version = :version""")
                .param("branch", cmd.branchId())
                .param("no", cmd.staffNo().trim())
                .param("name", cmd.name().trim())
                .param("phone", Branches.blankToNull(cmd.phone()))
                .param("id", id)
                .param("version", cmd.version() == null ? before.version() : cmd.version())
                .update();
        if (n == 0) {
            throw BusinessException.conflict("error.staleVersion");
        }
        writeRoles(id, roles);
        Staff after = get(id);
        audit.record(before.branchId() == after.branchId() ? "UPDATE" : "MOVE", "staff", id, before, after);
        return after;
    }

    @Transactional
    public Staff setActive(long id, boolean active) {
        Staff before = get(id);
        if (!active && before.id() == scope.user().staffId()) {
            throw new BusinessException("staff.error.selfDeactivate");
        }
        jdbc.sql("update staff set active = :a, version = version + 1, updated_at = now() where id = :id")
                .param("a", active)
                .param("id", id)
                .update();
        Staff after = get(id);
        audit.record(active ? "ACTIVATE" : "DEACTIVATE", "staff", id, before, after);
        return after;
    }

    /** Only an administrator grants or removes head-office and administrator roles. */
    private Set<Role> checkRoles(Set<Role> wanted, Set<Role> current) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (wanted != null) {
            roles.addAll(wanted);
        }
        CurrentUser user = scope.user();
        if (!user.has(Role.ADMIN)) {
            for (Role r : Role.values()) {
                if (r.seesWholeBank() && roles.contains(r) != current.contains(r)) {
                    throw new BusinessException("staff.error.roleNotAllowed", r.name());
                }
            }
        }
        return roles;
    }

    private void writeRoles(long id, Set<Role> roles) {
        jdbc.sql("delete from staff_role where staff_id = :id").param("id", id).update();
        for (Role r : roles) {
            jdbc.sql("insert into staff_role (staff_id, role) values (:id, :r)")
                    .param("id", id)
                    .param("r", r.name())
                    .update();
        }
    }

    private void requireUniqueNumber(String staffNo, Long exceptId) {
        boolean taken = jdbc.sql(
                        "select exists(select 1 from staff where bank_id = :b and staff_no = :n and id <> :id)")
                .param("b", scope.user().bankId())
                .param("n", staffNo.trim())
                .param("id", exceptId == null ? -1 : exceptId)
                .query(Boolean.class)
                .single();
        if (taken) {
            throw new BusinessException("staff.error.numberTaken", staffNo);
        }
    }

    static Staff map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        List<String> names = new ArrayList<>();
        for (String r : rs.getString("roles").split(",")) {
            if (!r.isBlank()) {
                names.add(r);
            }
        }
        return new Staff(
                rs.getLong("id"),
                rs.getLong("bank_id"),
                rs.getLong("branch_id"),
                rs.getString("branch_name"),
                rs.getString("staff_no"),
                rs.getString("name"),
                rs.getString("phone"),
                rs.getBoolean("active"),
                Role.parse(names),
                rs.getInt("version"));
    }
}
