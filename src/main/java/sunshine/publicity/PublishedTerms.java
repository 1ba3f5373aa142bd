package sunshine.publicity;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import sunshine.audit.AuditLog;
import sunshine.shared.BusinessException;
import sunshine.shared.CurrentUser;
import sunshine.shared.Today;

/**
 * The bank's public terms (R35) in versions: conditions, process, service commitments, the phones and the rate table
 * by credit grade. A change is a new version with the day it takes effect; a version is never changed, so what was
 * in force on any day can always be shown. Terms are public, so reading them needs no signed-in user; later modules
 * (approval, contract) price a household by {@link #rateFor}.
 */
@Service
public class PublishedTerms {

    private static final String SELECT = """
            select t.*, s.name as published_by_name from published_terms t left join staff s on s.id = t.published_by
            """;

    private final JdbcClient jdbc;
    private final AuditLog audit;

    PublishedTerms(JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** The version in force on the day: the latest taking effect on or before it (the higher version on a tie). */
    @Transactional(readOnly = true)
    public Optional<TermsVersion> inForce(long bankId, LocalDate day) {
        return jdbc.sql(SELECT + " where t.bank_id = :bank and t.effective_from <= :day"
                        + " order by t.effective_from desc, t.version desc limit 1")
                .param("bank", bankId)
                .param("day", day)
                .query(this::map)
                .optional();
    }

    /** The annual rate in percent for a credit grade under the terms in force on the day (R35). */
    @Transactional(readOnly = true)
    public Optional<BigDecimal> rateFor(long bankId, String grade, LocalDate day) {
        return inForce(bankId, day).flatMap(t -> t.rateFor(grade));
    }

    /** Every version of the bank, the newest first. */
    @Transactional(readOnly = true)
    public List<TermsVersion> versions(long bankId) {
        return jdbc.sql(SELECT + " where t.bank_id = :bank order by t.version desc")
                .param("bank", bankId)
                .query(this::map)
                .list();
    }

    /** One version of the caller's bank, or 404. */
    @Transactional(readOnly = true)
    public TermsVersion get(long id) {
        long bank = CurrentUser.require().bankId();
        return jdbc.sql(SELECT + " where t.id = :id and t.bank_id = :bank")
                .param("id", id)
                .param("bank", bank)
                .query(this::map)
                .optional()
                .orElseThrow(() -> new sunshine.shared.NotFoundException("terms", id));
    }

    /**
     * Publishes a new version for the caller's bank. It may not take effect before the latest version does (that
     * would rewrite what was shown for past days); only the very first version may record terms already in force.
     */
    @Transactional
    public TermsVersion publish(TermsCommand cmd) {
        CurrentUser user = CurrentUser.require();
        jdbc.sql("select id from bank where id = :b for update")
                .param("b", user.bankId())
                .query(Long.class)
                .single();
        List<TermsVersion> existing = versions(user.bankId());
        if (!existing.isEmpty()) {
            LocalDate latest = existing.stream()
                    .map(TermsVersion::effectiveFrom)
                    .max(LocalDate::compareTo)
                    .orElseThrow();
            LocalDate earliest = latest.isAfter(Today.date()) ? latest : Today.date();
            if (cmd.effectiveFrom().isBefore(earliest)) {
                throw new BusinessException("terms.error.backdated", earliest);
            }
        }
        checkRates(cmd.rates());
        int version = existing.isEmpty() ? 1 : existing.get(0).version() + 1;
        long id = jdbc.sql("""
                insert into published_terms (bank_id, version, effective_from, conditions, process, commitments,
                                             supervision_phone, complaint_phone, published_by)
                values (:bank, :version, :from, :conditions, :process, :commitments, :supervision, :complaint, :by)
                returning id""")
                .param("bank", user.bankId())
                .param("version", version)
                .param("from", cmd.effectiveFrom())
                .param("conditions", cmd.conditions().strip())
                .param("process", cmd.process().strip())
                .param("commitments", cmd.commitments().strip())
                .param("supervision", cmd.supervisionPhone().strip())
                .param("complaint", cmd.complaintPhone().strip())
                .param("by", user.staffId() > 0 ? user.staffId() : null)
                .query(Long.class)
                .single();
        int position = 0;
        for (GradeRate r : cmd.rates()) {
            jdbc.sql("insert into terms_rate (terms_id, grade, position, annual_rate) values (:t, :g, :p, :r)")
                    .param("t", id)
                    .param("g", r.grade().strip().toUpperCase())
                    .param("p", position++)
                    .param("r", r.annualRate().setScale(4, RoundingMode.HALF_UP))
                    .update();
        }
        TermsVersion published = get(id);
        audit.record("PUBLISH", "published_terms", id, existing.isEmpty() ? null : existing.get(0), published);
        return published;
    }

    /** R27's policy of the bank: PUBLIC or INTERNAL (INTERNAL until the bank chooses). */
    @Transactional(readOnly = true)
    public NoticeMode noticeMode(long bankId) {
        return jdbc.sql("select mode from notice_policy where bank_id = :b")
                .param("b", bankId)
                .query(String.class)
                .optional()
                .map(NoticeMode::valueOf)
                .orElse(NoticeMode.INTERNAL);
    }

    /** Sets R27's policy of a bank (the approval module's settings page calls it for the caller's bank). */
    @Transactional
    public void setNoticeMode(long bankId, NoticeMode mode) {
        jdbc.sql("insert into notice_policy (bank_id, mode) values (:b, :m)"
                        + " on conflict (bank_id) do update set mode = excluded.mode")
                .param("b", bankId)
                .param("m", mode.name())
                .update();
    }

    private static void checkRates(List<GradeRate> rates) {
        Set<String> seen = new HashSet<>();
        for (GradeRate r : rates) {
            String g = r.grade() == null ? "" : r.grade().strip().toUpperCase();
            if (g.isEmpty() || g.length() > 10 || !seen.add(g)) {
                throw new BusinessException("terms.error.grade", g);
            }
            if (r.annualRate() == null
                    || r.annualRate().signum() <= 0
                    || r.annualRate().compareTo(BigDecimal.valueOf(36)) > 0) {
                throw new BusinessException("terms.error.rate", g);
            }
        }
    }

    /** 4.3500 as 4.35, 5.0000 as 5.00: at least two decimals, no trailing zeros beyond. */
    static BigDecimal percent(BigDecimal rate) {
        BigDecimal s = rate.stripTrailingZeros();
        return s.scale() < 2 ? rate.setScale(2, RoundingMode.UNNECESSARY) : s;
    }

    private TermsVersion map(ResultSet rs, int n) throws SQLException {
        long id = rs.getLong("id");
        List<GradeRate> rates = jdbc.sql(
                        "select grade, annual_rate from terms_rate where terms_id = :t order by position")
                .param("t", id)
                .query((r, i) -> new GradeRate(r.getString(1), percent(r.getBigDecimal(2))))
                .list();
        return new TermsVersion(
                id,
                rs.getLong("bank_id"),
                rs.getInt("version"),
                rs.getObject("effective_from", LocalDate.class),
                rs.getString("conditions"),
                rs.getString("process"),
                rs.getString("commitments"),
                rs.getString("supervision_phone"),
                rs.getString("complaint_phone"),
                rs.getString("published_by_name"),
                rs.getTimestamp("published_at").toInstant(),
                rates);
    }
}
