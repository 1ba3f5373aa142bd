package sunshine.credit;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import sunshine.audit.AuditLog;
import sunshine.customer.Masking;
import sunshine.publicity.PublishedTerms;
import sunshine.shared.BusinessException;
import sunshine.shared.CurrentUser;
import sunshine.shared.DataScope;
import sunshine.shared.PageResult;
import sunshine.shared.Today;

/**
 * Contracts, loan certificates and their lines (issue 7 point 3, R28): signed face to face once the household's limit
 * is grantable (approved, notice period passed, not withdrawn); the limit is the approved one and then locked (R31).
 * Read and changed only within the caller's bank and branch subtree.
 */
@Service
public class CreditLines {

    static final String SELECT = """
            select l.*, b.name as branch_name, a.name as area_name, c.name as representative,
                   c.resident_id, s.name as signed_by_name
              from credit_line l
              join branch b on b.id = l.branch_id
              join area a on a.id = l.area_id
              join customer c on c.id = l.representative_id
              left join staff s on s.id = l.signed_by
            """;

    private final JdbcClient jdbc;
    private final DataScope scope;
    private final AuditLog audit;
    private final GrantableLimits grantable;
    private final CreditSettings settings;
    private final PublishedTerms terms;

    CreditLines(
            JdbcClient jdbc,
            DataScope scope,
            AuditLog audit,
            GrantableLimits grantable,
            CreditSettings settings,
            PublishedTerms terms) {
        this.jdbc = jdbc;
        this.scope = scope;
        this.audit = audit;
        this.grantable = grantable;
        this.settings = settings;
        this.terms = terms;
    }

    /**
     * Signs the contract and issues the certificate (R28). Refused while the notice period runs (naming the day it
     * becomes possible), when the limit was withdrawn, when the household already holds an open line, or when its
     * representative is excluded (R7).
     */
    @Transactional
    public CreditLine sign(ContractCommand cmd) {
        CurrentUser u = scope.user();
        Household h = household(cmd.householdId());
        GrantableLimit g = grantable.find(h.id()).orElseThrow(() -> new BusinessException("credit.error.notApproved"));
        LocalDate today = Today.date();
        LocalDate signedOn = cmd.signedOn() == null ? today : cmd.signedOn();
        if (signedOn.isAfter(today)) {
            throw new BusinessException("credit.error.futureDate", signedOn.toString());
        }
        if (g.withdrawn()) {
            throw BusinessException.conflict("credit.error.withdrawn." + g.withdrawnReason());
        }
        if (signedOn.isBefore(g.grantableFrom())) {
            // R27: the notice must have run its full period before any grant
            throw BusinessException.conflict(
                    "credit.error.notYet", g.grantableFrom().toString(), signedOn.toString());
        }
        if (h.representativeId() == null) {
            throw new BusinessException("credit.error.noRepresentative");
        }
        if (h.representativeExcluded()) {
            throw BusinessException.conflict("credit.error.excluded");
        }
        Optional<String> open = jdbc.sql(
                        "select contract_no from credit_line where household_id = :h and status <> 'CLOSED'")
                .param("h", h.id())
                .query(String.class)
                .optional();
        if (open.isPresent()) {
            throw BusinessException.conflict("credit.error.openLine", open.get());
        }
        int months = cmd.termMonths() == null ? settings.of(u.bankId()).termMonths() : cmd.termMonths();
        if (months < 1 || months > 120) {
            throw new BusinessException("credit.error.term");
        }
        BigDecimal rate = g.grade() == null
                ? null
                : terms.rateFor(u.bankId(), g.grade(), signedOn).orElse(null);
        int year = signedOn.getYear();
        String contractNo = "JK%d%06d".formatted(year, next(u.bankId(), "CONTRACT", year));
        String certificateNo = "DKZ%d%06d".formatted(year, next(u.bankId(), "CERTIFICATE", year));
        long id = jdbc.sql("""
                insert into credit_line (bank_id, branch_id, area_id, household_id, representative_id, approval_case_id,
                       contract_no, certificate_no, limit_amount, grade, annual_rate, term_from, term_to, guarantee,
                       signed_on, signed_by, amount_shown)
                values (:bank, :branch, :area, :h, :rep, :case, :cno, :certno, :limit, :grade, :rate, :from, :to,
                        :guarantee, :signed, :by, :shown)
                returning id""")
                .param("bank", u.bankId())
                .param("branch", h.branchId())
                .param("area", h.areaId())
                .param("h", h.id())
                .param("rep", h.representativeId())
                .param("case", g.approvalCaseId())
                .param("cno", contractNo)
                .param("certno", certificateNo)
                .param("limit", g.amount())
                .param("grade", g.grade())
                .param("rate", rate)
                .param("from", signedOn)
                .param("to", signedOn.plusMonths(months))
                .param(
                        "guarantee",
                        cmd.guarantee() == null || cmd.guarantee().isBlank()
                                ? null
                                : cmd.guarantee().strip())
                .param("signed", signedOn)
                .param("by", u.staffId() > 0 ? u.staffId() : null)
                .param("shown", g.amountShown())
                .query(Long.class)
                .single();
        CreditLine line = get(id);
        audit.record(
                "CREDIT_CONTRACT_SIGNED",
                "credit_line",
                id,
                null,
                Map.of(
                        "contract", contractNo,
                        "certificate", certificateNo,
                        "household", h.id(),
                        "limit", line.limit(),
                        "termTo", line.termTo().toString()));
        return line;
    }

    private long next(long bankId, String kind, int year) {
        return jdbc.sql("""
                insert into credit_number (bank_id, kind, year, last) values (:b, :k, :y, 1)
                on conflict (bank_id, kind, year) do update set last = credit_number.last + 1
                returning last""")
                .param("b", bankId)
                .param("k", kind)
                .param("y", year)
                .query(Long.class)
                .single();
    }

    private record Household(
            long id, long branchId, long areaId, Long representativeId, boolean representativeExcluded) {}

    private Household household(long id) {
        return jdbc.sql("""
                select h.id, h.branch_id, h.area_id, h.representative_id, coalesce(c.excluded, false)
                  from household h join branch b on b.id = h.branch_id
                  left join customer c on c.id = h.representative_id
                 where h.id = :id and %s""".formatted(scope.condition("b")))
                .params(scope.params())
                .param("id", id)
                .query((rs, n) -> new Household(
                        rs.getLong(1), rs.getLong(2), rs.getLong(3), (Long) rs.getObject(4), rs.getBoolean(5)))
                .optional()
                .orElseThrow(() -> scope.notFound("household", "household", id));
    }

    /** One line, or 404 (audited when outside the caller's scope). */
    @Transactional(readOnly = true)
    public CreditLine get(long id) {
        return jdbc.sql(SELECT + " where l.id = :id and " + scope.condition("b"))
                .params(scope.params())
                .param("id", id)
                .query(CreditLines::map)
                .optional()
                .orElseThrow(() -> scope.notFound("credit_line", "credit_line", id));
    }

    /** The line of a certificate number, or 404 (audited when outside the caller's scope). */
    @Transactional(readOnly = true)
    public CreditLine byCertificate(String certificateNo) {
        String no = certificateNo == null ? "" : certificateNo.strip().toUpperCase();
        return jdbc.sql(SELECT + " where l.bank_id = :bank and l.certificate_no = :no and " + scope.condition("b"))
                .params(scope.params())
                .param("bank", scope.user().bankId())
                .param("no", no)
                .query(CreditLines::map)
                .optional()
                .orElseThrow(() -> {
                    // any bank's certificate of that number: asking for it from outside is an attempt worth a record
                    boolean exists = jdbc.sql("select exists(select 1 from credit_line where certificate_no = :no)")
                            .param("no", no)
                            .query(Boolean.class)
                            .single();
                    return !exists
                            ? new sunshine.shared.NotFoundException("certificate", no)
                            : scope.denied("certificate", no);
                });
    }

    /** Lines of the caller's scope, optionally of one area and/or status, by area and certificate number. */
    @Transactional(readOnly = true)
    public PageResult<CreditLine> list(Long areaId, CreditLine.Status status, PageResult.Request page) {
        Map<String, Object> params = new HashMap<>(scope.params());
        StringBuilder where = new StringBuilder(" where ").append(scope.condition("b"));
        if (areaId != null) {
            where.append(" and l.area_id = :area");
            params.put("area", areaId);
        }
        if (status != null) {
            where.append(" and l.status = :status");
            params.put("status", status.name());
        }
        long total = jdbc.sql("select count(*) from credit_line l join branch b on b.id = l.branch_id" + where)
                .params(params)
                .query(Long.class)
                .single();
        List<CreditLine> items = jdbc.sql(SELECT + where + " order by a.name, l.certificate_no limit :l offset :o")
                .params(params)
                .param("l", page.size())
                .param("o", page.offset())
                .query(CreditLines::map)
                .list();
        return new PageResult<>(items, page.page(), page.size(), total);
    }

    static CreditLine map(ResultSet rs, int n) throws SQLException {
        return new CreditLine(
                rs.getLong("id"),
                rs.getLong("bank_id"),
                rs.getLong("branch_id"),
                rs.getString("branch_name"),
                rs.getLong("area_id"),
                rs.getString("area_name"),
                rs.getLong("household_id"),
                rs.getLong("representative_id"),
                rs.getString("representative"),
                Masking.residentId(rs.getString("resident_id")),
                rs.getString("contract_no"),
                rs.getString("certificate_no"),
                rs.getBigDecimal("limit_amount"),
                rs.getBigDecimal("outstanding"),
                rs.getBigDecimal("drawn_total"),
                rs.getString("grade"),
                rs.getBigDecimal("annual_rate"),
                rs.getObject("term_from", LocalDate.class),
                rs.getObject("term_to", LocalDate.class),
                rs.getString("guarantee"),
                rs.getObject("signed_on", LocalDate.class),
                rs.getString("signed_by_name"),
                CreditLine.Status.valueOf(rs.getString("status")),
                rs.getString("status_reason"),
                rs.getString("status_detail"),
                rs.getBoolean("amount_shown"),
                rs.getInt("version"));
    }
}
