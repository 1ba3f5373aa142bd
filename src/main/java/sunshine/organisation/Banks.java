package sunshine.organisation;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import sunshine.audit.AuditLog;
import sunshine.shared.BusinessException;
import sunshine.shared.CurrentUser;

/** Banks (tenants). Creating one also creates its head office and the five head-office departments. */
@Service
public class Banks {

    private static final String SELECT = """
            select k.id, k.code, k.name, k.county_code, h.id as head_office_id
              from bank k join branch h on h.bank_id = k.id and h.kind = 'HEAD_OFFICE'
            """;

    private final JdbcClient jdbc;
    private final AuditLog audit;

    Banks(JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    public long count() {
        return jdbc.sql("select count(*) from bank").query(Long.class).single();
    }

    /** The signed-in user's bank. */
    @Transactional(readOnly = true)
    public Bank current() {
        return find(CurrentUser.require().bankId()).orElseThrow();
    }

    @Transactional(readOnly = true)
    public Optional<Bank> findByCode(String code) {
        return jdbc.sql(SELECT + " where k.code = :c")
                .param("c", code)
                .query(Banks::map)
                .optional();
    }

    Optional<Bank> find(long id) {
        return jdbc.sql(SELECT + " where k.id = :id")
                .param("id", id)
                .query(Banks::map)
                .optional();
    }

    /** A platform operation (provincial union): a new bank with its head office and departments. */
    @Transactional
    public Bank create(String code, String name, String countyCode, String headOfficeCode) {
        if (findByCode(code).isPresent()) {
            throw new BusinessException("bank.error.codeTaken", code);
        }
        long bankId = jdbc.sql("insert into bank (code, name, county_code) values (:c, :n, :county) returning id")
                .param("c", code)
                .param("n", name)
                .param("county", countyCode)
                .query(Long.class)
                .single();
        long hq = insertBranch(bankId, null, "/", BranchKind.HEAD_OFFICE, null, headOfficeCode, name + "总行");
        String hqPath = "/" + hq + "/";
        List<Object[]> departments = List.of(
                new Object[] {Department.BUSINESS_DEVELOPMENT, "业务发展部"},
                new Object[] {Department.CREDIT, "授信管理部"},
                new Object[] {Department.AUDIT, "审计部"},
                new Object[] {Department.RISK_MANAGEMENT, "风险管理部"},
                new Object[] {Department.OFFICE, "办公室"});
        int i = 1;
        for (Object[] d : departments) {
            insertBranch(
                    bankId, hq, hqPath, BranchKind.DEPARTMENT, (Department) d[0], headOfficeCode + "-D" + i++, (String)
                            d[1]);
        }
        Bank bank = find(bankId).orElseThrow();
        audit.record(bankId, null, "system", "CREATE", "bank", bankId, null, Map.of("code", code, "name", name));
        return bank;
    }

    private long insertBranch(
            long bankId, Long parent, String parentPath, BranchKind kind, Department dept, String code, String name) {
        long id = jdbc.sql("select nextval('branch_id_seq')").query(Long.class).single();
        jdbc.sql("""
                insert into branch (id, bank_id, parent_id, kind, department, code, name, path)
                values (:id, :bank, :parent, :kind, :dept, :code, :name, :path)""")
                .param("id", id)
                .param("bank", bankId)
                .param("parent", parent)
                .param("kind", kind.name())
                .param("dept", dept == null ? null : dept.name())
                .param("code", code)
                .param("name", name)
                .param("path", (parent == null ? "/" : parentPath) + id + "/")
                .update();
        return id;
    }

    static Bank map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Bank(
                rs.getLong("id"),
                rs.getString("code"),
                rs.getString("name"),
                rs.getString("county_code"),
                rs.getLong("head_office_id"));
    }
}
