package sunshine.organisation;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import sunshine.audit.AuditLog;
import sunshine.shared.BusinessException;
import sunshine.shared.DataScope;
import sunshine.shared.PageResult;

/** Villages, communities, institutions and markets of the caller's subtree, with their survey figures (R2). */
@Service
public class Areas {

    private static final String SELECT = """
            select a.*, b.name as branch_name, m.name as manager_name
              from area a join branch b on b.id = a.branch_id left join staff m on m.id = a.manager_id
            """;
    private static final Map<String, String> SORTS = Map.of(
            "code",
            "a.division_code",
            "name",
            "a.name",
            "branch",
            "b.path",
            "township",
            "a.township_code",
            "households",
            "a.actual_households desc");

    private final JdbcClient jdbc;
    private final DataScope scope;
    private final AuditLog audit;
    private final StaffDirectory staff;

    Areas(JdbcClient jdbc, DataScope scope, AuditLog audit, StaffDirectory staff) {
        this.jdbc = jdbc;
        this.scope = scope;
        this.audit = audit;
        this.staff = staff;
    }

    @Transactional(readOnly = true)
    public PageResult<Area> list(
            Long branchId, Long managerId, AreaKind kind, String text, String sort, PageResult.Request page) {
        StringBuilder where = new StringBuilder(" where " + scope.condition("b"));
        Map<String, Object> params = new HashMap<>(scope.params());
        if (branchId != null) {
            where.append(" and b.path like :sub");
            params.put("sub", scope.requireBranch(branchId) + "%");
        }
        if (managerId != null) {
            where.append(" and a.manager_id = :manager");
            params.put("manager", managerId);
        }
        if (kind != null) {
            where.append(" and a.kind = :kind");
            params.put("kind", kind.name());
        }
        if (text != null && !text.isBlank()) {
            where.append(" and (a.name like :text or a.township_name like :text or a.division_code like :text)");
            params.put("text", "%" + text.trim() + "%");
        }
        long total = jdbc.sql("select count(*) from area a join branch b on b.id = a.branch_id" + where)
                .params(params)
                .query(Long.class)
                .single();
        String order = SORTS.getOrDefault(sort == null ? "" : sort, "b.path, a.division_code nulls last, a.name");
        List<Area> items = jdbc.sql(SELECT + where + " order by " + order + ", a.id limit :limit offset :offset")
                .params(params)
                .param("limit", page.size())
                .param("offset", page.offset())
                .query(Areas::map)
                .list();
        return new PageResult<>(items, page.page(), page.size(), total);
    }

    @Transactional(readOnly = true)
    public Area get(long id) {
        return find(id).orElseThrow(() -> scope.notFound("area", "area", id));
    }

    Optional<Area> find(long id) {
        return jdbc.sql(SELECT + " where a.id = :id and " + scope.condition("b"))
                .params(scope.params())
                .param("id", id)
                .query(Areas::map)
                .optional();
    }

    @Transactional
    public Area create(AreaCommand cmd) {
        check(cmd, null);
        long id = jdbc.sql("""
                insert into area (bank_id, branch_id, kind, division_code, township_code, township_name, name, manager_id,
                                  actual_households, business_households, loan_cert_count, loan_cert_amount,
                                  bad_loan_count, bad_loan_amount)
                values (:bank, :branch, :kind, :code, :township, :townshipName, :name, :manager, :actual, :business,
                        :certCount, :certAmount, :badCount, :badAmount) returning id""")
                .params(params(cmd))
                .param("bank", scope.user().bankId())
                .query(Long.class)
                .single();
        Area created = get(id);
        audit.record("CREATE", "area", id, null, created);
        return created;
    }

    @Transactional
    public Area update(long id, AreaCommand cmd) {
        Area before = get(id);
        check(cmd, id);
        int n = jdbc.sql("""
                update area set branch_id = :branch, kind = :kind, division_code = :code, township_code = :township,
                       township_name = :townshipName, name = :name, manager_id = :manager,
                       actual_households = :actual, business_households = :business, loan_cert_count = :certCount,
                       loan_cert_amount = :certAmount, bad_loan_count = :badCount, bad_loan_amount = :badAmount,
                       version = version + 1, updated_at = now()
                 where id = :id and version = :version""")
                .params(params(cmd))
                .param("id", id)
                .param("version", cmd.version() == null ? before.version() : cmd.version())
                .update();
        if (n == 0) {
            throw BusinessException.conflict("error.staleVersion");
        }
        Area after = get(id);
        audit.record("UPDATE", "area", id, before, after);
        return after;
    }

    @Transactional
    public Area setActive(long id, boolean active) {
        Area before = get(id);
        jdbc.sql("update area set active = :a, version = version + 1, updated_at = now() where id = :id")
                .param("a", active)
                .param("id", id)
                .update();
        Area after = get(id);
        audit.record(active ? "ACTIVATE" : "DEACTIVATE", "area", id, before, after);
        return after;
    }

    private void check(AreaCommand cmd, Long exceptId) {
        String branchPath = scope.requireBranch(cmd.branchId());
        if (cmd.businessHouseholds() > cmd.actualHouseholds()) {
            throw new BusinessException("area.error.businessAboveActual");
        }
        if (cmd.managerId() != null) {
            Staff manager = staff.get(cmd.managerId());
            boolean underBranch = jdbc.sql("select path from branch where id = :id")
                    .param("id", manager.branchId())
                    .query(String.class)
                    .single()
                    .startsWith(branchPath);
            if (!manager.active() || !manager.roles().contains(sunshine.shared.Role.ACCOUNT_MANAGER) || !underBranch) {
                throw new BusinessException("area.error.managerNotEligible", manager.name());
            }
        }
        String code = Branches.blankToNull(cmd.divisionCode());
        if (code != null) {
            boolean taken = jdbc.sql(
                            "select exists(select 1 from area where bank_id = :b and division_code = :c and id <> :id)")
                    .param("b", scope.user().bankId())
                    .param("c", code)
                    .param("id", exceptId == null ? -1 : exceptId)
                    .query(Boolean.class)
                    .single();
            if (taken) {
                throw new BusinessException("area.error.codeTaken", code);
            }
        }
    }

    private static Map<String, Object> params(AreaCommand cmd) {
        String code = Branches.blankToNull(cmd.divisionCode());
        Map<String, Object> p = new HashMap<>();
        p.put("branch", cmd.branchId());
        p.put("kind", cmd.kind().name());
        p.put("code", code);
        p.put("township", code == null ? null : code.substring(0, 9));
        p.put("townshipName", Branches.blankToNull(cmd.townshipName()));
        p.put("name", cmd.name().trim());
        p.put("manager", cmd.managerId());
        p.put("actual", cmd.actualHouseholds());
        p.put("business", cmd.businessHouseholds());
        p.put("certCount", cmd.loanCertCount());
        p.put("certAmount", cmd.loanCertAmount());
        p.put("badCount", cmd.badLoanCount());
        p.put("badAmount", cmd.badLoanAmount());
        return p;
    }

    static Area map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Area(
                rs.getLong("id"),
                rs.getLong("bank_id"),
                rs.getLong("branch_id"),
                rs.getString("branch_name"),
                AreaKind.valueOf(rs.getString("kind")),
                rs.getString("division_code"),
                rs.getString("township_code"),
                rs.getString("township_name"),
                rs.getString("name"),
                (Long) rs.getObject("manager_id"),
                rs.getString("manager_name"),
                rs.getInt("actual_households"),
                rs.getInt("business_households"),
                rs.getInt("loan_cert_count"),
                nz(rs.getBigDecimal("loan_cert_amount")),
                rs.getInt("bad_loan_count"),
                nz(rs.getBigDecimal("bad_loan_amount")),
                rs.getBoolean("active"),
                rs.getInt("version"));
    }

    private static BigDecimal nz(BigDecimal b) {
        return b == null ? BigDecimal.ZERO : b;
    }
}
