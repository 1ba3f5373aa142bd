package sunshine.check;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import sunshine.audit.AuditLog;
import sunshine.customer.Masking;
import sunshine.shared.BusinessException;
import sunshine.shared.CurrentUser;
import sunshine.shared.DataScope;
import sunshine.shared.PageResult;
import sunshine.shared.Role;
import sunshine.shared.Today;

/**
 * The ledger findings of the caller's subtree (R23): the lending branch records a reason; head office (credit or
 * risk) accepts it or refers the finding to audit, which opens a {@link Referral}. A finding of another branch
 * answers 404 exactly like a missing one. Every step is in the audit log.
 */
@Service
public class Findings {

    static final String SELECT = """
            select f.*, b.name as branch_name, m.name as manager_name, c.name as customer_name, a.name as area_name,
                   x.id as referral_id
              from check_finding f
              join branch b on b.id = f.branch_id
              left join staff m on m.bank_id = f.bank_id and m.staff_no = f.manager_no
              left join customer c on c.id = f.customer_id
              left join area a on a.id = f.area_id
              left join check_referral x on x.finding_id = f.id
            """;

    private final JdbcClient jdbc;
    private final DataScope scope;
    private final AuditLog audit;
    private final Referrals referrals;

    Findings(JdbcClient jdbc, DataScope scope, AuditLog audit, Referrals referrals) {
        this.jdbc = jdbc;
        this.scope = scope;
        this.audit = audit;
        this.referrals = referrals;
    }

    /** Findings of the caller's subtree, optionally of one status: open ones first, newest first. */
    @Transactional(readOnly = true)
    public PageResult<Finding> list(Finding.Status status, PageResult.Request page) {
        String where = " where " + scope.condition("b") + " and (:st = '' or f.status = :st)";
        String st = status == null ? "" : status.name();
        long total = jdbc.sql("select count(*) from check_finding f join branch b on b.id = f.branch_id" + where)
                .params(scope.params())
                .param("st", st)
                .query(Long.class)
                .single();
        List<Finding> items = jdbc.sql(
                        SELECT + where + " order by (f.status = 'OPEN') desc, f.id desc limit :l offset :o")
                .params(scope.params())
                .param("st", st)
                .param("l", page.size())
                .param("o", page.offset())
                .query(Findings::map)
                .list();
        return new PageResult<>(items, page.page(), page.size(), total);
    }

    /** One finding of the caller's subtree, or 404. */
    @Transactional(readOnly = true)
    public Finding get(long id) {
        return jdbc.sql(SELECT + " where f.id = :id and " + scope.condition("b"))
                .params(scope.params())
                .param("id", id)
                .query(Findings::map)
                .optional()
                .orElseThrow(() -> scope.notFound("check_finding", "check_finding", id));
    }

    /** The lending branch gives (or corrects, until head office decides) its reason. */
    @Transactional
    public Finding explain(long id, String reason) {
        Finding before = get(id);
        CurrentUser u = scope.user();
        requireAny(u, Role.ACCOUNT_MANAGER, Role.BRANCH_HEAD, Role.CREDIT_SUPERVISOR, Role.ACCOUNTING_SUPERVISOR);
        String text = required(reason, 1000, "check.finding.reasonRequired");
        int n = jdbc.sql("""
                update check_finding set status = 'EXPLAINED', reason = :r, explained_by = :by, explained_by_name = :name,
                       explained_at = now(), version = version + 1
                 where id = :id and status in ('OPEN', 'EXPLAINED')""")
                .param("r", text)
                .param("by", u.staffId())
                .param("name", u.name())
                .param("id", id)
                .update();
        if (n == 0) {
            throw BusinessException.conflict("check.finding.alreadyDecided");
        }
        audit.record(
                "CHECK_FINDING_EXPLAINED",
                "check_finding",
                id,
                Map.of("status", before.status()),
                Map.of("status", "EXPLAINED", "reason", text));
        return get(id);
    }

    /** Head office accepts the branch's reason. */
    @Transactional
    public Finding accept(long id, String note) {
        Finding before = get(id);
        CurrentUser u = scope.user();
        requireAny(u, Role.HO_CREDIT, Role.HO_RISK);
        if (before.status() != Finding.Status.EXPLAINED) {
            throw BusinessException.conflict(
                    before.status() == Finding.Status.OPEN
                            ? "check.finding.noReasonYet"
                            : "check.finding.alreadyDecided");
        }
        decide(id, u, "ACCEPTED", optional(note, 1000), "EXPLAINED");
        audit.record(
                "CHECK_FINDING_ACCEPTED",
                "check_finding",
                id,
                Map.of("status", before.status()),
                Map.of("status", "ACCEPTED", "note", optional(note, 1000) == null ? "" : note.strip()));
        return get(id);
    }

    /** What a referral needs: the evidence, the audit owner (a head-office audit staff member) and a deadline. */
    public record ReferRequest(String evidence, Long ownerId, LocalDate deadline) {}

    /**
     * Head office refers the finding to audit (with or without a branch reason: R23 refers when there is no
     * reasonable one): the finding becomes REFERRED and an audit case opens.
     */
    @Transactional
    public Referral refer(long id, ReferRequest request) {
        Finding before = get(id);
        CurrentUser u = scope.user();
        requireAny(u, Role.HO_CREDIT, Role.HO_RISK);
        if (before.status() == Finding.Status.ACCEPTED || before.status() == Finding.Status.REFERRED) {
            throw BusinessException.conflict("check.finding.alreadyDecided");
        }
        String evidence = required(request.evidence(), 2000, "check.referral.evidenceRequired");
        if (request.deadline() == null || request.deadline().isBefore(Today.date())) {
            throw new BusinessException("check.referral.deadlineRequired");
        }
        if (request.ownerId() == null || !isAuditor(u.bankId(), request.ownerId())) {
            throw new BusinessException("check.referral.ownerRequired");
        }
        decide(id, u, "REFERRED", null, before.status().name());
        long referral = jdbc.sql("""
                insert into check_referral (bank_id, finding_id, branch_id, evidence, owner_id, deadline, referred_by,
                                            referred_by_name)
                values (:bank, :f, :branch, :e, :owner, :d, :by, :name) returning id""")
                .param("bank", u.bankId())
                .param("f", id)
                .param("branch", before.branchId())
                .param("e", evidence)
                .param("owner", request.ownerId())
                .param("d", request.deadline())
                .param("by", u.staffId())
                .param("name", u.name())
                .query(Long.class)
                .single();
        audit.record(
                "CHECK_FINDING_REFERRED",
                "check_finding",
                id,
                Map.of("status", before.status()),
                Map.of("status", "REFERRED", "referral", referral));
        audit.record(
                "CHECK_REFERRAL_OPENED",
                "check_referral",
                referral,
                null,
                Map.of(
                        "finding",
                        id,
                        "owner",
                        request.ownerId(),
                        "deadline",
                        request.deadline().toString(),
                        "evidence",
                        evidence));
        return referrals.get(referral);
    }

    /** Head-office audit staff of the bank: the owners a referral may name. */
    @Transactional(readOnly = true)
    public List<Map.Entry<Long, String>> auditors() {
        return jdbc.sql("""
                select s.id, s.name from staff s join staff_role r on r.staff_id = s.id
                 where s.bank_id = :b and s.active and r.role = 'HO_AUDIT' order by s.name, s.id""")
                .param("b", scope.user().bankId())
                .query((rs, n) -> Map.entry(rs.getLong(1), rs.getString(2)))
                .list();
    }

    private boolean isAuditor(long bankId, long staffId) {
        return jdbc.sql("""
                select exists (select 1 from staff s join staff_role r on r.staff_id = s.id
                                where s.id = :s and s.bank_id = :b and s.active and r.role = 'HO_AUDIT')""")
                .param("s", staffId)
                .param("b", bankId)
                .query(Boolean.class)
                .single();
    }

    private void decide(long id, CurrentUser u, String status, String note, String from) {
        int n = jdbc.sql("""
                update check_finding set status = :st, decided_by = :by, decided_by_name = :name, decided_at = now(),
                       decision_note = :note, version = version + 1
                 where id = :id and status = :from""")
                .param("st", status)
                .param("by", u.staffId())
                .param("name", u.name())
                .param("note", note)
                .param("id", id)
                .param("from", from)
                .update();
        if (n == 0) {
            throw BusinessException.conflict("check.finding.alreadyDecided");
        }
    }

    static void requireAny(CurrentUser u, Role... roles) {
        for (Role r : roles) {
            if (u.has(r)) {
                return;
            }
        }
        throw new AccessDeniedException("role");
    }

    static String required(String text, int max, String key) {
        String t = optional(text, max);
        if (t == null) {
            throw new BusinessException(key);
        }
        return t;
    }

    static String optional(String text, int max) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.strip();
        if (t.length() > max) {
            throw new BusinessException("check.text.tooLong", max);
        }
        return t;
    }

    private static Finding map(ResultSet rs, int n) throws SQLException {
        return new Finding(
                rs.getLong("id"),
                LedgerChecks.Kind.valueOf(rs.getString("kind")),
                Finding.Status.valueOf(rs.getString("status")),
                rs.getString("loan_no"),
                rs.getLong("branch_id"),
                rs.getString("branch_name"),
                rs.getString("manager_no"),
                rs.getString("manager_name"),
                (Long) rs.getObject("customer_id"),
                rs.getString("customer_name"),
                Masking.residentId(rs.getString("resident_id")),
                (Long) rs.getObject("household_id"),
                (Long) rs.getObject("area_id"),
                rs.getString("area_name"),
                rs.getBigDecimal("loan_amount"),
                rs.getBigDecimal("balance"),
                rs.getBigDecimal("pre_credit_amount"),
                (Long) rs.getObject("aggregation_id"),
                rs.getLong("snapshot_id"),
                rs.getInt("row_no"),
                rs.getString("reason"),
                rs.getString("explained_by_name"),
                instant(rs.getTimestamp("explained_at")),
                rs.getString("decided_by_name"),
                instant(rs.getTimestamp("decided_at")),
                rs.getString("decision_note"),
                instant(rs.getTimestamp("found_at")),
                (Long) rs.getObject("referral_id"));
    }

    static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
