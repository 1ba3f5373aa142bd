package sunshine.demo;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import sunshine.approval.ApprovalCase;
import sunshine.approval.ApprovalCases;
import sunshine.approval.CaseStatus;
import sunshine.approval.DecisionCommand;
import sunshine.approval.DecisionKind;
import sunshine.approval.Notice;
import sunshine.approval.Notices;
import sunshine.approval.Objection;
import sunshine.approval.ObjectionCommand;
import sunshine.approval.Stage;
import sunshine.publicity.NoticeMode;
import sunshine.publicity.PublishedTerms;
import sunshine.shared.BusinessException;
import sunshine.shared.Today;

/**
 * The demo bank's approval (issue 7): when the checks left fixed final lists (approval cases at the proposal), the
 * bank is a seed-000 PUBLIC bank. In B01 (or the branch with the most cases), three villages tell a story each:
 * <ul>
 *   <li>one approved twelve days ago (one case after a referral back by the committee), its notice posted ten days
 *       ago with one objection investigated and kept: ready for contracts ({@link DemoCredit} signs them);
 *   <li>one approved and noticed today, with one objection still open: the public page shows its notice;
 *   <li>one where a few cases are reviewed and the committee refers one back.
 * </ul>
 * Every other area with cases in B01-B03 goes through the whole chain too, in bulk as each person would from their
 * queue: most approved twelve days ago and noticed nine days ago (grantable), some noticed six days ago (grantable
 * from yesterday), some two days ago (still in their notice period), and a few left waiting at the proposal; the
 * committee rejects one case. Past days are played by moving the business date ({@link Today#shiftDays}); audit
 * timestamps keep the real time the demo was loaded. Nothing happens when there is no final list.
 */
@Service
public class DemoApproval {

    private static final Logger log = LoggerFactory.getLogger(DemoApproval.class);

    private final JdbcClient jdbc;
    private final ApprovalCases cases;
    private final Notices notices;
    private final PublishedTerms terms;

    DemoApproval(JdbcClient jdbc, ApprovalCases cases, Notices notices, PublishedTerms terms) {
        this.jdbc = jdbc;
        this.cases = cases;
        this.notices = notices;
        this.terms = terms;
    }

    public void load() {
        Optional<Long> bank = jdbc.sql("select id from bank where code = 'ZQRCB'")
                .query(Long.class)
                .optional();
        if (bank.isEmpty()) {
            return;
        }
        long start = System.currentTimeMillis();
        // B01 when it has cases at the proposal, else the branch with the most, and its three villages with the most
        Optional<String> branch =
                jdbc.sql("""
                select b.code from approval_case c join branch b on b.id = c.branch_id
                 where c.bank_id = :bank and c.status = 'IN_CHAIN' and c.stage = 'PROPOSAL'
                 group by b.code order by (b.code = 'B01') desc, count(*) desc, b.code limit 1""").param("bank", bank.get()).query(String.class).optional();
        if (branch.isEmpty()) {
            return;
        }
        terms.setNoticeMode(bank.get(), NoticeMode.PUBLIC); // seed 000: proposed amounts are posted
        String p = branch.get().toLowerCase();
        List<Long> areas = jdbc.sql("""
                select c.area_id from approval_case c join branch b on b.id = c.branch_id
                 where c.bank_id = :bank and b.code = :code and c.status = 'IN_CHAIN' and c.stage = 'PROPOSAL'
                 group by c.area_id order by count(*) desc, c.area_id limit 3""")
                .param("bank", bank.get())
                .param("code", branch.get())
                .query(Long.class)
                .list();
        try {
            grantedVillage(areas.get(0), p, areas.size() == 1);
            // the second village, or the rest of the first when the branch has only one
            noticedVillage(areas.size() > 1 ? areas.get(1) : areas.get(0), p);
            if (areas.size() > 2) {
                reviewedVillage(areas.get(2), p);
            }
            otherVillages(bank.get(), areas);
        } catch (BusinessException | IllegalStateException e) {
            log.warn("demo approval stopped: {}", e.getMessage());
        } finally {
            Today.shiftDays(0);
        }
        log.info("Demo approval in {} ms", System.currentTimeMillis() - start);
    }

    /**
     * The areas of B01-B03 with cases at the proposal, other than the three above, through the chain in bulk: every
     * eleventh waits at the proposal; of the rest, every sixth is noticed two days ago (in its period), every fifth
     * six days ago (grantable from yesterday), the others nine days ago; in the first of them the committee rejects
     * one case.
     */
    private void otherVillages(long bank, List<Long> story) {
        record Village(long area, String branch) {}
        List<Village> villages = jdbc
                .sql("""
                select c.area_id, lower(b.code) from approval_case c join branch b on b.id = c.branch_id
                 where c.bank_id = :bank and b.code in ('B01', 'B02', 'B03') and c.status = 'IN_CHAIN'
                   and c.stage = 'PROPOSAL'
                 group by c.area_id, b.code order by b.code, c.area_id""")
                .param("bank", bank)
                .query((rs, n) -> new Village(rs.getLong(1), rs.getString(2)))
                .list()
                .stream()
                .filter(v -> !story.contains(v.area()))
                .toList();
        boolean rejected = false;
        for (int i = 0; i < villages.size(); i++) {
            Village v = villages.get(i);
            if (i % 11 == 10) {
                continue; // waiting in the account manager's queue
            }
            int postedDaysAgo = i % 6 == 5 ? 2 : i % 5 == 4 ? 6 : 9;
            Today.shiftDays(-postedDaysAgo - 3);
            if (!rejected) {
                rejected = rejectOne(v.area(), v.branch());
            }
            approveVillage(v.area(), v.branch());
            Today.shiftDays(-postedDaysAgo);
            as(v.branch() + "_am1", () -> notices.post(v.area(), Today.date()));
        }
        Today.shiftDays(0);
    }

    /** Every case of the area through each stage of the chain, in bulk by the person of that stage (R26). */
    private void approveVillage(long area, String p) {
        Object[][] people = {
            {Stage.PROPOSAL, p + "_am1"},
            {Stage.ACCOUNT_MANAGER_REVIEW, p + "_am2"},
            {Stage.CREDIT_COMMITTEE, p + "_credit"},
            {Stage.BRANCH_HEAD_FINAL, p + "_head"},
            {Stage.HEAD_OFFICE_CREDIT, "ho_credit"}
        };
        for (Object[] step : people) {
            Stage stage = (Stage) step[0];
            String who = (String) step[1];
            Map<Long, Integer> versions = new LinkedHashMap<>();
            as(who, () -> cases.ofArea(area)).stream()
                    .filter(c -> c.status() == CaseStatus.IN_CHAIN && c.stage() == stage)
                    .forEach(c -> versions.put(c.id(), c.version()));
            if (!versions.isEmpty()) {
                as(who, () -> cases.approveAll(area, stage, versions));
            }
        }
    }

    /** The committee rejects the area's last case after the first two stages (false when the area has one case). */
    private boolean rejectOne(long area, String p) {
        List<ApprovalCase> all = as(p + "_am1", () -> cases.ofArea(area));
        if (all.size() < 2) {
            return false;
        }
        long id = all.get(all.size() - 1).id();
        chain(id, p, Stage.PROPOSAL, Stage.ACCOUNT_MANAGER_REVIEW);
        committee(id, p, DecisionKind.REJECT, null, "走访发现该户主要收入来源已停止经营，暂不予预授信。");
        return true;
    }

    /**
     * Approved twelve days ago (the committee first referred one case back to the account manager's review, which
     * resumed from there), noticed ten days ago; an objection came on day one of the notice and was kept after a
     * visit. The notice period is over, so its households can sign. When the branch has a single village, only the
     * cases but two go this way (a village may have several notices); those two are noticed today.
     */
    private void grantedVillage(long area, String p, boolean half) {
        Today.shiftDays(-13);
        List<ApprovalCase> all = as(p + "_am1", () -> cases.ofArea(area));
        List<ApprovalCase> these = half && all.size() > 1 ? all.subList(0, Math.max(1, all.size() - 2)) : all;
        long referred = these.get(0).id();
        chain(referred, p, Stage.PROPOSAL, Stage.ACCOUNT_MANAGER_REVIEW);
        referBack(referred, p);
        Today.shiftDays(-12);
        approve(these.stream().map(ApprovalCase::id).toList(), p);
        Today.shiftDays(-10);
        Notice notice = as(p + "_am1", () -> notices.post(area, Today.date()));
        Notice.Line last = notice.lines().get(notice.lines().size() - 1);
        Today.shiftDays(-9);
        Objection objection = as(
                p + "_am2",
                () -> notices.object(
                        notice.id(),
                        new ObjectionCommand(last.caseId(), "村民李某", "PHONE", "来电询问该户授信额度是否偏高。", Today.date())));
        Today.shiftDays(-8);
        as(
                p + "_head",
                () -> notices.close(
                        objection.id(), Notices.Outcome.KEEP, "走访核实：该户经营养殖，收入属实，额度维持。", objection.version(), null));
        Today.shiftDays(0);
    }

    /** The whole chain, the notice posted today, and one objection on the first line (nothing when no case is left). */
    private void noticedVillage(long area, String p) {
        List<Long> waiting = as(p + "_am1", () -> cases.ofArea(area)).stream()
                .filter(c -> c.status() == CaseStatus.IN_CHAIN)
                .map(ApprovalCase::id)
                .toList();
        if (waiting.isEmpty()) {
            return;
        }
        approve(waiting, p);
        Notice notice = as(p + "_am1", () -> notices.post(area, Today.date()));
        Notice.Line first = notice.lines().get(0);
        as(
                p + "_am2",
                () -> notices.object(
                        notice.id(),
                        new ObjectionCommand(
                                first.caseId(), "村民王某", "VISIT", "反映该户常年在外务工，家庭收入与评议情况不符，请核实。", Today.date())));
    }

    /** The cases through the default chain from where each stands (and head-office credit where the amount routes). */
    private void approve(List<Long> ids, String p) {
        for (long id : ids) {
            ApprovalCase c = as(p + "_am1", () -> cases.get(id));
            chain(id, p, c.stage(), Stage.BRANCH_HEAD_FINAL);
            ApprovalCase now = as(p + "_head", () -> cases.get(id));
            if (now.status() == CaseStatus.IN_CHAIN && now.stage() == Stage.HEAD_OFFICE_CREDIT) {
                decide("ho_credit", id, Stage.HEAD_OFFICE_CREDIT);
            }
        }
    }

    /** A few cases proposed and reviewed; the committee refers the first back to the account manager's review. */
    private void reviewedVillage(long area, String p) {
        List<ApprovalCase> all = as(p + "_am1", () -> cases.ofArea(area));
        List<ApprovalCase> some = all.subList(0, Math.min(4, all.size()));
        for (ApprovalCase c : some) {
            chain(c.id(), p, Stage.PROPOSAL, Stage.ACCOUNT_MANAGER_REVIEW);
        }
        referBack(some.get(0).id(), p);
        for (ApprovalCase c : some.subList(1, some.size())) {
            decide(p + "_credit", c.id(), Stage.CREDIT_COMMITTEE);
        }
    }

    /** The committee refers a case back to the account manager's review. */
    private void referBack(long id, String p) {
        committee(id, p, DecisionKind.REFER_BACK, Stage.ACCOUNT_MANAGER_REVIEW, "经营收入证明不足，请客户经理补充核实后再报。");
    }

    /** The branch's credit committee decides other than approving, with its reason. */
    private void committee(long id, String p, DecisionKind kind, Stage referTo, String reason) {
        as(
                p + "_credit",
                () -> cases.decide(
                        id,
                        new DecisionCommand(
                                Stage.CREDIT_COMMITTEE, cases.get(id).version(), kind, null, referTo, reason)));
    }

    /** Approves a case from one stage to another of the default chain, each by its own person. */
    private void chain(long id, String p, Stage from, Stage to) {
        String[][] people = {
            {"PROPOSAL", p + "_am1"},
            {"ACCOUNT_MANAGER_REVIEW", p + "_am2"},
            {"CREDIT_COMMITTEE", p + "_credit"},
            {"BRANCH_HEAD_FINAL", p + "_head"}
        };
        for (String[] step : people) {
            Stage s = Stage.valueOf(step[0]);
            if (s.ordinal() >= from.ordinal() && s.ordinal() <= to.ordinal()) {
                decide(step[1], id, s);
            }
        }
    }

    private void decide(String username, long id, Stage stage) {
        as(
                username,
                () -> cases.decide(
                        id, DecisionCommand.approve(stage, cases.get(id).version())));
    }

    /** Runs the work as the demo user (their roles and branch scope), as if they had signed in. */
    private <T> T as(String username, java.util.function.Supplier<T> work) {
        return DemoBank.as(jdbc, username, work);
    }
}
