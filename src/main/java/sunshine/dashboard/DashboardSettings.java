package sunshine.dashboard;

import java.math.RoundingMode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import sunshine.audit.AuditLog;
import sunshine.shared.BusinessException;
import sunshine.shared.CurrentUser;

/** The bank's R9 targets and the batch template's term (defaults 95%, 70%, 36 months until head office sets them). */
@Service
public class DashboardSettings {

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final FigureCache cache;

    DashboardSettings(JdbcClient jdbc, AuditLog audit, FigureCache cache) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.cache = cache;
    }

    @Transactional(readOnly = true)
    public Targets of(long bankId) {
        return jdbc.sql("select filing_target, pre_credit_target, term_months, version from dashboard_setting"
                        + " where bank_id = :b")
                .param("b", bankId)
                .query((rs, n) -> new Targets(
                        rs.getBigDecimal(1).stripTrailingZeros(),
                        rs.getBigDecimal(2).stripTrailingZeros(),
                        rs.getInt(3),
                        rs.getInt(4)))
                .optional()
                .orElse(Targets.DEFAULT);
    }

    /** Changes the caller's bank's settings (head-office business development); a stale version is refused. */
    @PreAuthorize(Roles.SETTINGS)
    @Transactional
    public Targets save(Targets t) {
        CurrentUser user = CurrentUser.require();
        Targets before = of(user.bankId());
        int version = t.version() == null ? before.version() : t.version();
        // no row yet is version 0: the first save inserts version 1; later saves update the version they read
        String sql = version == 0 ? """
                insert into dashboard_setting (bank_id, filing_target, pre_credit_target, term_months, updated_by, version)
                values (:b, :f, :p, :t, :by, 1) on conflict (bank_id) do nothing""" : """
                update dashboard_setting set filing_target = :f, pre_credit_target = :p, term_months = :t,
                       updated_by = :by, updated_at = now(), version = version + 1
                 where bank_id = :b and version = :v""";
        int n = jdbc.sql(sql)
                .param("b", user.bankId())
                .param("f", t.filing().setScale(2, RoundingMode.HALF_UP))
                .param("p", t.preCredit().setScale(2, RoundingMode.HALF_UP))
                .param("t", t.termMonths())
                .param("by", user.staffId())
                .param("v", version)
                .update();
        if (n == 0) {
            throw BusinessException.conflict("error.staleVersion");
        }
        Targets after = of(user.bankId());
        audit.record("SET_TARGETS", "dashboard_setting", user.bankId(), before, after);
        // the pages keep the targets with their figures: old once this commits
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                cache.invalidate(user.bankId());
            }
        });
        return after;
    }
}
