package sunshine.organisation;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import sunshine.audit.AuditLog;
import sunshine.shared.BusinessException;
import sunshine.shared.DataScope;

/** The branch tree of the caller's bank, limited to their subtree. */
@Service
public class Branches {

    private static final String COLUMNS =
            "b.id, b.bank_id, b.parent_id, b.kind, b.department, b.code, b.name, b.path, b.phone, b.address, b.active, b.version";

    private final JdbcClient jdbc;
    private final DataScope scope;
    private final AuditLog audit;

    Branches(JdbcClient jdbc, DataScope scope, AuditLog audit) {
        this.jdbc = jdbc;
        this.scope = scope;
        this.audit = audit;
    }

    /** The caller's subtree in tree order (parents before children). */
    @Transactional(readOnly = true)
    public List<Branch> tree() {
        return jdbc.sql("select " + COLUMNS + " from branch b where " + scope.condition("b") + " order by b.path")
                .params(scope.params())
                .query(Branches::map)
                .list();
    }

    @Transactional(readOnly = true)
    public Branch get(long id) {
        return find(id).orElseThrow(() -> scope.notFound("branch", "branch", id));
    }

    Optional<Branch> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from branch b where b.id = :id and " + scope.condition("b"))
                .params(scope.params())
                .param("id", id)
                .query(Branches::map)
                .optional();
    }

    @Transactional
    public Branch create(BranchCommand cmd) {
        Branch parent = get(cmd.parentId());
        checkShape(parent, cmd);
        requireUniqueCode(cmd.code(), null);
        long id = jdbc.sql("select nextval('branch_id_seq')").query(Long.class).single();
        jdbc.sql("""
                insert into branch (id, bank_id, parent_id, kind, department, code, name, path, phone, address)
                values (:id, :bank, :parent, :kind, :dept, :code, :name, :path, :phone, :address)""")
                .param("id", id)
                .param("bank", parent.bankId())
                .param("parent", parent.id())
                .param("kind", cmd.kind().name())
                .param(
                        "dept",
                        cmd.kind() == BranchKind.DEPARTMENT ? cmd.department().name() : null)
                .param("code", cmd.code().trim())
                .param("name", cmd.name().trim())
                .param("path", parent.path() + id + "/")
                .param("phone", blankToNull(cmd.phone()))
                .param("address", blankToNull(cmd.address()))
                .update();
        Branch created = get(id);
        audit.record("CREATE", "branch", id, null, created);
        return created;
    }

    @Transactional
    public Branch update(long id, BranchCommand cmd) {
        Branch before = get(id);
        if (before.kind() == BranchKind.HEAD_OFFICE) {
            // the head office keeps its place; only its name and contacts change
            cmd = new BranchCommand(
                    null,
                    BranchKind.HEAD_OFFICE,
                    null,
                    cmd.code(),
                    cmd.name(),
                    cmd.phone(),
                    cmd.address(),
                    cmd.version());
        } else if (!before.parentId().equals(cmd.parentId())) {
            move(id, cmd.parentId(), before.version());
            before = get(id);
        }
        if (before.kind() != cmd.kind()) {
            throw new BusinessException("branch.error.kindFixed");
        }
        requireUniqueCode(cmd.code(), id);
        int version = cmd.version() == null ? before.version() : cmd.version();
        int n = jdbc.sql("""
                update branch set department = :dept, code = :code, name = :name, phone = :phone, address = :address,
                       version = version + 1, updated_at = now()
                 where id = :id and version = :version""")
                .param(
                        "dept",
                        before.kind() == BranchKind.DEPARTMENT
                                ? cmd.department().name()
                                : null)
                .param("code", cmd.code().trim())
                .param("name", cmd.name().trim())
                .param("phone", blankToNull(cmd.phone()))
                .param("address", blankToNull(cmd.address()))
                .param("id", id)
                .param("version", version)
                .update();
        if (n == 0) {
            throw BusinessException.conflict("error.staleVersion");
        }
        Branch after = get(id);
        audit.record("UPDATE", "branch", id, before, after);
        return after;
    }

    /** Moves a branch (and its whole subtree) under another parent of the same bank. */
    @Transactional
    public Branch move(long id, long newParentId, int version) {
        Branch branch = get(id);
        Branch parent = get(newParentId);
        if (branch.kind() == BranchKind.HEAD_OFFICE) {
            throw new BusinessException("branch.error.headOfficeFixed");
        }
        if (parent.path().startsWith(branch.path())) {
            throw new BusinessException("branch.error.moveIntoOwnSubtree");
        }
        if (!parent.kind().canParent(branch.kind())) {
            throw new BusinessException("branch.error.wrongParent", branch.kind(), parent.kind());
        }
        int n = jdbc.sql("update branch set parent_id = :p, version = version + 1, updated_at = now()"
                        + " where id = :id and version = :v")
                .param("p", parent.id())
                .param("id", id)
                .param("v", version)
                .update();
        if (n == 0) {
            throw BusinessException.conflict("error.staleVersion");
        }
        String newPath = parent.path() + id + "/";
        jdbc.sql("update branch set path = :newPath || substr(path, :cut) where bank_id = :bank and path like :old")
                .param("newPath", newPath)
                .param("cut", branch.path().length() + 1)
                .param("bank", branch.bankId())
                .param("old", branch.path() + "%")
                .update();
        Branch after = get(id);
        audit.record("MOVE", "branch", id, branch, after);
        return after;
    }

    /** Deactivates an empty branch, or reactivates one. */
    @Transactional
    public Branch setActive(long id, boolean active) {
        Branch before = get(id);
        if (!active) {
            if (before.kind() == BranchKind.HEAD_OFFICE) {
                throw new BusinessException("branch.error.headOfficeFixed");
            }
            Map<String, Object> p = Map.of("id", id, "path", before.path() + "%");
            boolean busy = jdbc.sql("""
                    select exists(select 1 from branch where path like :path and id <> :id and active)
                        or exists(select 1 from staff where branch_id = :id and active)
                        or exists(select 1 from area where branch_id = :id and active)""").params(p).query(Boolean.class).single();
            if (busy) {
                throw new BusinessException("branch.error.notEmpty");
            }
        }
        jdbc.sql("update branch set active = :a, version = version + 1, updated_at = now() where id = :id")
                .param("a", active)
                .param("id", id)
                .update();
        Branch after = get(id);
        audit.record(active ? "ACTIVATE" : "DEACTIVATE", "branch", id, before, after);
        return after;
    }

    private void checkShape(Branch parent, BranchCommand cmd) {
        if (cmd.kind() == BranchKind.HEAD_OFFICE) {
            throw new BusinessException("branch.error.headOfficeFixed");
        }
        if (!parent.kind().canParent(cmd.kind())) {
            throw new BusinessException("branch.error.wrongParent", cmd.kind(), parent.kind());
        }
        if (cmd.kind() == BranchKind.DEPARTMENT && cmd.department() == null) {
            throw new BusinessException("branch.error.departmentRequired");
        }
    }

    private void requireUniqueCode(String code, Long exceptId) {
        long bankId = scope.user().bankId();
        boolean taken = jdbc.sql("select exists(select 1 from branch where bank_id = :b and code = :c and id <> :id)")
                .param("b", bankId)
                .param("c", code.trim())
                .param("id", exceptId == null ? -1 : exceptId)
                .query(Boolean.class)
                .single();
        if (taken) {
            throw new BusinessException("branch.error.codeTaken", code);
        }
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    static Branch map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        String dept = rs.getString("department");
        return new Branch(
                rs.getLong("id"),
                rs.getLong("bank_id"),
                (Long) rs.getObject("parent_id"),
                BranchKind.valueOf(rs.getString("kind")),
                dept == null ? null : Department.valueOf(dept),
                rs.getString("code"),
                rs.getString("name"),
                rs.getString("path"),
                rs.getString("phone"),
                rs.getString("address"),
                rs.getBoolean("active"),
                rs.getInt("version"));
    }
}
