package sunshine.credit;

import java.math.BigDecimal;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import sunshine.audit.AuditLog;
import sunshine.shared.BusinessException;
import sunshine.shared.CurrentUser;
import sunshine.shared.DataScope;

/** The bank's credit settings: incentives per new certificate (R15, default 6 and 5 yuan) and the default term. */
@Service
public class CreditSettings {

    /** One bank's settings. */
    public record Settings(BigDecimal villageCommitteeFee, BigDecimal assistantFee, int termMonths) {
        public static final Settings DEFAULT = new Settings(new BigDecimal("6.00"), new BigDecimal("5.00"), 36);
    }

    private final JdbcClient jdbc;
    private final DataScope scope;
    private final AuditLog audit;

    CreditSettings(JdbcClient jdbc, DataScope scope, AuditLog audit) {
        this.jdbc = jdbc;
        this.scope = scope;
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    public Settings of(long bankId) {
        return jdbc.sql(
                        "select village_committee_fee, assistant_fee, term_months from credit_setting where bank_id = :b")
                .param("b", bankId)
                .query((rs, n) -> new Settings(rs.getBigDecimal(1), rs.getBigDecimal(2), rs.getInt(3)))
                .optional()
                .orElse(Settings.DEFAULT);
    }

    /** The caller's bank's settings. */
    @Transactional(readOnly = true)
    public Settings current() {
        return of(scope.user().bankId());
    }

    /** Changes the caller's bank's settings (audited). */
    @Transactional
    public Settings update(Settings s) {
        if (s.villageCommitteeFee() == null
                || s.assistantFee() == null
                || s.villageCommitteeFee().signum() < 0
                || s.assistantFee().signum() < 0
                || s.termMonths() < 1
                || s.termMonths() > 120) {
            throw new BusinessException("credit.error.settings");
        }
        CurrentUser u = scope.user();
        Settings before = of(u.bankId());
        jdbc.sql("""
                insert into credit_setting (bank_id, village_committee_fee, assistant_fee, term_months, updated_by)
                values (:b, :v, :a, :t, :by)
                on conflict (bank_id) do update set village_committee_fee = excluded.village_committee_fee,
                       assistant_fee = excluded.assistant_fee, term_months = excluded.term_months,
                       updated_by = excluded.updated_by, updated_at = now()""")
                .param("b", u.bankId())
                .param("v", s.villageCommitteeFee())
                .param("a", s.assistantFee())
                .param("t", s.termMonths())
                .param("by", u.staffId() > 0 ? u.staffId() : null)
                .update();
        audit.record("CREDIT_SETTINGS", "credit_setting", u.bankId(), before, s);
        return of(u.bankId());
    }
}
