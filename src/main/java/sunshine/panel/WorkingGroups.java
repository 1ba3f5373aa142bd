package sunshine.panel;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import sunshine.audit.AuditLog;
import sunshine.organisation.Branch;
import sunshine.organisation.BranchKind;
import sunshine.organisation.Branches;
import sunshine.shared.BusinessException;
import sunshine.shared.DataScope;
import sunshine.shared.Role;

/**
 * Working groups (R1, seed 003 §5.1.2): per branch, the branch head as leader, the credit and accounting
 * supervisors as deputies, all staff as members, each with what they are responsible for. Shown and printable.
 */
@Service
public class WorkingGroups {

    private final JdbcClient jdbc;
    private final DataScope scope;
    private final AuditLog audit;
    private final Branches branches;

    WorkingGroups(JdbcClient jdbc, DataScope scope, AuditLog audit, Branches branches) {
        this.jdbc = jdbc;
        this.scope = scope;
        this.audit = audit;
        this.branches = branches;
    }

    /** The working groups of every branch in the caller's scope (empty ones too, so the gaps show). */
    @Transactional(readOnly = true)
    public List<WorkingGroup> list() {
        List<WorkingGroup> groups = new ArrayList<>();
        for (Branch b : branches.tree()) {
            if (b.kind() == BranchKind.BRANCH) {
                groups.add(new WorkingGroup(b.id(), b.name(), members(b.id())));
            }
        }
        return groups;
    }

    @Transactional(readOnly = true)
    public WorkingGroup get(long branchId) {
        Branch b = branches.get(branchId);
        return new WorkingGroup(b.id(), b.name(), members(b.id()));
    }

    /** Staff of the branch and its outlets, each placed as R1 proposes (or as saved): for the edit form. */
    @Transactional(readOnly = true)
    public WorkingGroup proposal(long branchId) {
        Branch b = branches.get(branchId);
        WorkingGroup saved = new WorkingGroup(b.id(), b.name(), members(b.id()));
        Map<Long, WorkingGroup.Member> current = new java.util.HashMap<>();
        saved.members().forEach(m -> current.put(m.staffId(), m));
        List<WorkingGroup.Member> all = new ArrayList<>();
        for (WorkingGroup.Member s : staffOf(b)) {
            WorkingGroup.Member m = current.get(s.staffId());
            if (m != null) {
                all.add(m);
            } else if (saved.empty()) {
                all.add(new WorkingGroup.Member(
                        s.staffId(),
                        s.staffNo(),
                        s.name(),
                        s.phone(),
                        s.branchName(),
                        s.roles(),
                        proposed(s.roles()),
                        null));
            } else {
                all.add(new WorkingGroup.Member(
                        s.staffId(), s.staffNo(), s.name(), s.phone(), s.branchName(), s.roles(), null, null));
            }
        }
        return new WorkingGroup(b.id(), b.name(), all);
    }

    static GroupPosition proposed(Set<Role> roles) {
        if (roles.contains(Role.BRANCH_HEAD)) {
            return GroupPosition.LEADER;
        }
        if (roles.contains(Role.CREDIT_SUPERVISOR) || roles.contains(Role.ACCOUNTING_SUPERVISOR)) {
            return GroupPosition.DEPUTY;
        }
        return GroupPosition.MEMBER;
    }

    /** Replaces the branch's working group: exactly one leader, every member an active staff member of the branch. */
    @Transactional
    public WorkingGroup save(long branchId, WorkingGroupCommand cmd) {
        WorkingGroup before = get(branchId);
        Branch branch = branches.get(branchId);
        if (branch.kind() != BranchKind.BRANCH) {
            throw new BusinessException("group.error.notBranch", branch.name());
        }
        Set<Long> eligible = new HashSet<>();
        staffOf(branch).forEach(s -> eligible.add(s.staffId()));
        Set<Long> seen = new HashSet<>();
        long leaders = 0;
        for (WorkingGroupCommand.Entry e : cmd.members()) {
            if (!eligible.contains(e.staffId())) {
                throw new BusinessException("group.error.notStaff", e.staffId(), branch.name());
            }
            if (!seen.add(e.staffId())) {
                throw new BusinessException("group.error.duplicate", e.staffId());
            }
            leaders += e.position() == GroupPosition.LEADER ? 1 : 0;
        }
        if (leaders != 1) {
            throw new BusinessException("group.error.leader", leaders);
        }
        jdbc.sql("delete from working_group_member where branch_id = :b")
                .param("b", branchId)
                .update();
        for (WorkingGroupCommand.Entry e : cmd.members()) {
            jdbc.sql("""
                    insert into working_group_member (bank_id, branch_id, staff_id, position, duty)
                    values (:bank, :b, :s, :p, :d)""")
                    .param("bank", branch.bankId())
                    .param("b", branchId)
                    .param("s", e.staffId())
                    .param("p", e.position().name())
                    .param("d", PanelChanges.blankToNull(e.duty()))
                    .update();
        }
        WorkingGroup after = get(branchId);
        audit.record("SET_WORKING_GROUP", "branch", branchId, before, after);
        return after;
    }

    private List<WorkingGroup.Member> members(long branchId) {
        return jdbc.sql(SELECT.replace("select s.*,", "select s.*, w.position, w.duty,") + """
                  join working_group_member w on w.staff_id = s.id
                 where w.branch_id = :b
                 order by case w.position when 'LEADER' then 0 when 'DEPUTY' then 1 else 2 end, s.staff_no""")
                .param("b", branchId)
                .query((rs, n) -> member(rs, GroupPosition.valueOf(rs.getString("position")), rs.getString("duty")))
                .list();
    }

    private List<WorkingGroup.Member> staffOf(Branch branch) {
        return jdbc.sql(SELECT + " where s.active and b.path like :sub order by b.path, s.staff_no")
                .param("sub", branch.path() + "%")
                .query((rs, n) -> member(rs, null, null))
                .list();
    }

    private static final String SELECT = """
            select s.*, b.name as branch_name, %s
              from staff s join branch b on b.id = s.branch_id
            """.formatted(
            "coalesce((select string_agg(r.role, ',') from staff_role r where r.staff_id = s.id), '')" + " as roles");

    private static WorkingGroup.Member member(java.sql.ResultSet rs, GroupPosition position, String duty)
            throws java.sql.SQLException {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String r : rs.getString("roles").split(",")) {
            if (!r.isBlank()) {
                roles.add(Role.valueOf(r));
            }
        }
        return new WorkingGroup.Member(
                rs.getLong("id"),
                rs.getString("staff_no"),
                rs.getString("name"),
                rs.getString("phone"),
                rs.getString("branch_name"),
                roles,
                position,
                duty);
    }
}
