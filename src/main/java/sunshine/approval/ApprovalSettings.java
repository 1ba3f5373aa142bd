package sunshine.approval;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import sunshine.audit.AuditLog;
import sunshine.publicity.NoticeMode;
import sunshine.publicity.PublishedTerms;
import sunshine.shared.BusinessException;
import sunshine.shared.CurrentUser;
import sunshine.shared.Role;

/**
 * The bank's approval settings (R26-R27). The PUBLIC/INTERNAL policy is stored by publicity (the public page reads
 * it there); the notice period, the term and the chain here. Always the caller's own bank.
 */
@Service
public class ApprovalSettings {

    private final JdbcClient jdbc;
    private final PublishedTerms terms;
    private final AuditLog audit;
    private final ApprovalEvents events;

    ApprovalSettings(JdbcClient jdbc, PublishedTerms terms, AuditLog audit, ApprovalEvents events) {
        this.jdbc = jdbc;
        this.terms = terms;
        this.audit = audit;
        this.events = events;
    }

    @Transactional(readOnly = true)
    public Settings of(long bankId) {
        record Row(int days, int months, int version) {}
        Row row = jdbc.sql("select notice_days, term_months, version from approval_setting where bank_id = :b")
                .param("b", bankId)
                .query((rs, n) -> new Row(rs.getInt(1), rs.getInt(2), rs.getInt(3)))
                .optional()
                .orElse(new Row(5, 36, 0));
        return new Settings(terms.noticeMode(bankId), row.days(), row.months(), row.version(), chain(bankId));
    }

    @Transactional(readOnly = true)
    public Chain chain(long bankId) {
        List<ChainStage> stages = jdbc.sql(
                        "select position, stage, role, above_amount from approval_stage where bank_id = :b order by position")
                .param("b", bankId)
                .query((rs, n) -> new ChainStage(
                        rs.getInt(1),
                        Stage.valueOf(rs.getString(2)),
                        Role.valueOf(rs.getString(3)),
                        rs.getBigDecimal(4)))
                .list();
        return stages.isEmpty() ? Chain.defaults() : new Chain(stages);
    }

    /** Changes the caller's bank's settings; refused when the version changed meanwhile. */
    @Transactional
    public Settings save(NoticeMode mode, int noticeDays, int termMonths, int version, List<ChainStage> stages) {
        CurrentUser user = CurrentUser.require();
        long bank = user.bankId();
        Settings before = of(bank);
        if (before.version() != version) {
            throw BusinessException.conflict("approval.error.stale");
        }
        if (noticeDays < 5 || noticeDays > 60) {
            throw new BusinessException("approval.error.noticeDays"); // R27: at least five days
        }
        if (termMonths < 1 || termMonths > 120) {
            throw new BusinessException("approval.error.termMonths");
        }
        checkChain(bank, stages);
        jdbc.sql("""
                insert into approval_setting (bank_id, notice_days, term_months, version, updated_by)
                values (:b, :d, :m, 1, :by)
                on conflict (bank_id) do update set notice_days = :d, term_months = :m, updated_by = :by,
                    updated_at = now(), version = approval_setting.version + 1""")
                .param("b", bank)
                .param("d", noticeDays)
                .param("m", termMonths)
                .param("by", user.staffId())
                .update();
        jdbc.sql("delete from approval_stage where bank_id = :b")
                .param("b", bank)
                .update();
        int position = 1;
        for (ChainStage s : stages) {
            jdbc.sql("insert into approval_stage (bank_id, position, stage, role, above_amount)"
                            + " values (:b, :p, :s, :r, :a)")
                    .param("b", bank)
                    .param("p", position++)
                    .param("s", s.stage().name())
                    .param("r", s.role().name())
                    .param("a", s.aboveAmount())
                    .update();
        }
        terms.setNoticeMode(bank, mode);
        Settings after = of(bank);
        audit.record("APPROVAL_SETTINGS", "approval_setting", bank, before, after);
        if (before.mode() == NoticeMode.PUBLIC && mode == NoticeMode.INTERNAL) {
            events.releaseAwaitingNotice(bank); // nothing will be posted any more: the waiting cases are approved
        }
        return after;
    }

    private void checkChain(long bank, List<ChainStage> stages) {
        if (stages.size() < 2
                || stages.get(0).stage() != Stage.PROPOSAL
                || stages.get(0).aboveAmount() != null) {
            throw new BusinessException("approval.error.chainStart");
        }
        Set<Stage> seen = new HashSet<>();
        for (ChainStage s : stages) {
            if (!seen.add(s.stage())) {
                throw new BusinessException(
                        "approval.error.chainTwice", s.stage().name());
            }
            if (s.aboveAmount() != null && s.aboveAmount().signum() < 0) {
                throw new BusinessException(
                        "approval.error.chainAmount", s.stage().name());
            }
            if (s.role() == Role.ADMIN || s.role() == Role.DATA_ENTRY || s.role() == Role.VERIFIER) {
                throw new BusinessException(
                        "approval.error.chainRole", s.stage().name());
            }
        }
        // a stage may leave the chain only when no case waits there
        List<String> waiting = jdbc.sql(
                        "select distinct stage from approval_case where bank_id = :b and status = 'IN_CHAIN'")
                .param("b", bank)
                .query(String.class)
                .list();
        for (String w : waiting) {
            if (!seen.contains(Stage.valueOf(w))) {
                throw new BusinessException("approval.error.chainInUse", w);
            }
        }
    }
}
