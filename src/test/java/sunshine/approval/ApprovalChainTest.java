package sunshine.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import sunshine.ActingAs;
import sunshine.Logins;
import sunshine.PlatformTest;
import sunshine.shared.BusinessException;
import sunshine.shared.NotFoundException;
import sunshine.shared.Today;

/** The approval chain (R26) on the demo bank's B01 with real households, through the service and the pages. */
@PlatformTest
@RecordApplicationEvents
class ApprovalChainTest extends ApprovalTestBase {

    @Autowired
    ApplicationEvents events;

    @Override
    protected String noticeMode() {
        return "INTERNAL";
    }

    private void decide(String user, long caseId, Stage stage, DecisionKind kind, String amount, Stage to)
            throws Exception {
        ActingAs.call(
                mvc,
                user,
                () -> cases.decide(
                        caseId,
                        new DecisionCommand(
                                stage,
                                fx.version(caseId),
                                kind,
                                amount == null ? null : new BigDecimal(amount),
                                to,
                                kind == DecisionKind.APPROVE ? null : "测试理由")));
    }

    private void approve(String user, long caseId, Stage stage) throws Exception {
        decide(user, caseId, stage, DecisionKind.APPROVE, null, null);
    }

    private String refusal(String user, long caseId, DecisionCommand cmd) {
        try {
            ActingAs.call(mvc, user, () -> cases.decide(caseId, cmd));
            return "accepted";
        } catch (BusinessException e) {
            return e.messageKey();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void theDefaultChainRunsInOrder_andTheLastApprovalInInternalModeGrantsFromToday() throws Exception {
        var h = fx.freshHouseholds("ZQRCB", "B01", 1);
        long id = fx.fix(h, List.of("50000")).get(0);
        assertThat(fx.status(id)).isEqualTo("IN_CHAIN/PROPOSAL/1");
        // the committee cannot jump the queue: the case waits at the proposal
        assertThat(refusal("b01_credit", id, DecisionCommand.approve(Stage.CREDIT_COMMITTEE, fx.version(id))))
                .isEqualTo("approval.error.stale");
        approve("b01_am1", id, Stage.PROPOSAL);
        assertThat(fx.status(id)).isEqualTo("IN_CHAIN/ACCOUNT_MANAGER_REVIEW/1");
        approve("b01_am2", id, Stage.ACCOUNT_MANAGER_REVIEW);
        assertThat(fx.status(id)).isEqualTo("IN_CHAIN/CREDIT_COMMITTEE/1");
        // a branch head may not decide in the committee's place
        assertThat(refusal("b01_head", id, DecisionCommand.approve(Stage.CREDIT_COMMITTEE, fx.version(id))))
                .isEqualTo("approval.error.role");
        approve("b01_credit", id, Stage.CREDIT_COMMITTEE);
        assertThat(fx.status(id)).isEqualTo("IN_CHAIN/BRANCH_HEAD_FINAL/1");
        assertThat(events.stream(LimitApproved.class)).isEmpty();
        approve("b01_head", id, Stage.BRANCH_HEAD_FINAL);
        assertThat(fx.status(id)).isEqualTo("APPROVED/-/1");

        List<LimitApproved> approved = events.stream(LimitApproved.class).toList();
        assertThat(approved).hasSize(1);
        assertThat(approved.get(0).householdId()).isEqualTo(h.get(0).id());
        assertThat(approved.get(0).amount()).isEqualByComparingTo("50000");
        assertThat(approved.get(0).grantableFrom()).isEqualTo(Today.date());
        assertThat(approved.get(0).amountShownToCustomer()).isFalse();

        List<String> history = jdbc.sql("""
                select d.stage || ':' || s.staff_no from approval_decision d join user_account u on u.staff_id = d.decided_by
                  join staff s on s.id = d.decided_by where d.case_id = :c order by d.id""").param("c", id).query(String.class).list();
        assertThat(history).hasSize(4);
        assertThat(history.get(0)).startsWith("PROPOSAL:");
        assertThat(history.get(3)).startsWith("BRANCH_HEAD_FINAL:");
    }

    @Test
    void nobodyDecidesOnTheirOwnProposal_andItIsNotInTheirQueue() throws Exception {
        long id =
                fx.fix(fx.freshHouseholds("ZQRCB", "B01", 1), List.of("40000")).get(0);
        approve("b01_am1", id, Stage.PROPOSAL);
        assertThat(refusal("b01_am1", id, DecisionCommand.approve(Stage.ACCOUNT_MANAGER_REVIEW, fx.version(id))))
                .isEqualTo("approval.error.ownProposal");
        List<Long> queue1 = ActingAs.call(mvc, "b01_am1", () -> cases.queue(5000)).stream()
                .map(ApprovalCase::id)
                .toList();
        List<Long> queue2 = ActingAs.call(mvc, "b01_am2", () -> cases.queue(5000)).stream()
                .map(ApprovalCase::id)
                .toList();
        assertThat(queue1).doesNotContain(id);
        assertThat(queue2).contains(id);
        assertThat(fx.status(id)).isEqualTo("IN_CHAIN/ACCOUNT_MANAGER_REVIEW/1");
    }

    @Test
    void nobodyDecidesTwiceAtOneStageInOnePass() throws Exception {
        long id =
                fx.fix(fx.freshHouseholds("ZQRCB", "B01", 1), List.of("30000")).get(0);
        approve("b01_am1", id, Stage.PROPOSAL);
        approve("b01_am2", id, Stage.ACCOUNT_MANAGER_REVIEW);
        // the second click, with the case's current version
        assertThat(refusal("b01_am2", id, DecisionCommand.approve(Stage.ACCOUNT_MANAGER_REVIEW, fx.version(id))))
                .isEqualTo("approval.error.twice");
        long decisions = jdbc.sql("select count(*) from approval_decision where case_id = :c")
                .param("c", id)
                .query(Long.class)
                .single();
        assertThat(decisions).isEqualTo(2);
    }

    @Test
    void aDecisionOnACaseThatChangedMeanwhileIsRefused_withAClearMessageOnThePage() throws Exception {
        long id =
                fx.fix(fx.freshHouseholds("ZQRCB", "B01", 1), List.of("30000")).get(0);
        approve("b01_am1", id, Stage.PROPOSAL);
        int seen = fx.version(id);
        // am3 decides first; am2 then submits what they saw
        approve("b01_am3", id, Stage.ACCOUNT_MANAGER_REVIEW);
        assertThat(refusal("b01_am2", id, DecisionCommand.approve(Stage.ACCOUNT_MANAGER_REVIEW, seen)))
                .isEqualTo("approval.error.stale");
        // the same at the committee through the page: the form's version is older than the case
        int committeeSeen = fx.version(id);
        decide("b01_credit", id, Stage.CREDIT_COMMITTEE, DecisionKind.CHANGE_AMOUNT, "28000", null);
        assertThat(fx.status(id)).isEqualTo("IN_CHAIN/BRANCH_HEAD_FINAL/1");
        MockHttpSession head = Logins.as(mvc, "b01_head");
        var res = mvc.perform(post("/approval/cases/" + id + "/decisions")
                        .session(head)
                        .with(csrf())
                        .param("stage", "BRANCH_HEAD_FINAL")
                        .param("version", String.valueOf(committeeSeen))
                        .param("kind", "APPROVE"))
                .andReturn();
        assertThat(res.getResponse().getRedirectedUrl()).isEqualTo("/approval/cases/" + id);
        String page = mvc.perform(get("/approval/cases/" + id).session(head).flashAttrs(res.getFlashMap()))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("在您查看后已被改动");
        assertThat(fx.status(id)).isEqualTo("IN_CHAIN/BRANCH_HEAD_FINAL/1");
        assertThat(jdbc.sql("select amount from approval_case where id = :c")
                        .param("c", id)
                        .query(BigDecimal.class)
                        .single())
                .isEqualByComparingTo("28000");
    }

    @Test
    void aReferralBackResumesAtTheStageNamed_inANewPass() throws Exception {
        long id =
                fx.fix(fx.freshHouseholds("ZQRCB", "B01", 1), List.of("60000")).get(0);
        approve("b01_am1", id, Stage.PROPOSAL);
        approve("b01_am2", id, Stage.ACCOUNT_MANAGER_REVIEW);
        approve("b01_credit", id, Stage.CREDIT_COMMITTEE);
        // not forward, only back
        assertThat(refusal(
                        "b01_head",
                        id,
                        new DecisionCommand(
                                Stage.BRANCH_HEAD_FINAL,
                                fx.version(id),
                                DecisionKind.REFER_BACK,
                                null,
                                Stage.HEAD_OFFICE_CREDIT,
                                "x")))
                .isEqualTo("approval.error.referTo");
        decide("b01_head", id, Stage.BRANCH_HEAD_FINAL, DecisionKind.REFER_BACK, null, Stage.ACCOUNT_MANAGER_REVIEW);
        assertThat(fx.status(id)).isEqualTo("IN_CHAIN/ACCOUNT_MANAGER_REVIEW/2");
        // a new pass: the reviewer of pass 1 may decide again; the proposer still may not
        assertThat(refusal("b01_am1", id, DecisionCommand.approve(Stage.ACCOUNT_MANAGER_REVIEW, fx.version(id))))
                .isEqualTo("approval.error.ownProposal");
        approve("b01_am2", id, Stage.ACCOUNT_MANAGER_REVIEW);
        assertThat(fx.status(id)).isEqualTo("IN_CHAIN/CREDIT_COMMITTEE/2");
        approve("b01_credit", id, Stage.CREDIT_COMMITTEE);
        approve("b01_head", id, Stage.BRANCH_HEAD_FINAL);
        assertThat(fx.status(id)).isEqualTo("APPROVED/-/2");
    }

    @Test
    void casesAboveTheThresholdGoOnToHeadOfficeCredit_evenWhenAnAmountIsRaisedOnTheWay() throws Exception {
        var hs = fx.freshHouseholds("ZQRCB", "B01", 3);
        List<Long> ids = fx.fix(hs, List.of("350000", "300000", "280000"));
        for (long id : ids) {
            approve("b01_am1", id, Stage.PROPOSAL);
            approve("b01_am2", id, Stage.ACCOUNT_MANAGER_REVIEW);
        }
        approve("b01_credit", ids.get(0), Stage.CREDIT_COMMITTEE);
        approve("b01_credit", ids.get(1), Stage.CREDIT_COMMITTEE);
        decide("b01_credit", ids.get(2), Stage.CREDIT_COMMITTEE, DecisionKind.CHANGE_AMOUNT, "320000", null);
        for (long id : ids) {
            approve("b01_head", id, Stage.BRANCH_HEAD_FINAL);
        }
        assertThat(fx.status(ids.get(0))).isEqualTo("IN_CHAIN/HEAD_OFFICE_CREDIT/1");
        assertThat(fx.status(ids.get(1))).isEqualTo("APPROVED/-/1"); // 300,000 is not above 300,000
        assertThat(fx.status(ids.get(2))).isEqualTo("IN_CHAIN/HEAD_OFFICE_CREDIT/1");
        approve("ho_credit", ids.get(0), Stage.HEAD_OFFICE_CREDIT);
        assertThat(fx.status(ids.get(0))).isEqualTo("APPROVED/-/1");
    }

    @Test
    void aVillagesCasesAreApprovedTogether_orNotAtAllWhenOneChangedMeanwhile() throws Exception {
        var hs = fx.freshHouseholds("ZQRCB", "B01", 3);
        List<Long> ids = fx.fix(hs, List.of("20000", "25000", "30000"));
        for (long id : ids) {
            approve("b01_am1", id, Stage.PROPOSAL);
        }
        long area = hs.get(0).areaId();
        String all = ids.stream()
                .map(i -> i + ":" + fx.version(i))
                .reduce((a, b) -> a + "," + b)
                .orElseThrow();
        // one of them is decided by someone else first: the whole group is refused
        approve("b01_am3", ids.get(2), Stage.ACCOUNT_MANAGER_REVIEW);
        MockHttpSession am2 = Logins.as(mvc, "b01_am2");
        mvc.perform(post("/approval/areas/" + area + "/approve")
                .session(am2)
                .with(csrf())
                .param("stage", "ACCOUNT_MANAGER_REVIEW")
                .param("cases", all));
        assertThat(fx.status(ids.get(0))).isEqualTo("IN_CHAIN/ACCOUNT_MANAGER_REVIEW/1");
        assertThat(fx.status(ids.get(1))).isEqualTo("IN_CHAIN/ACCOUNT_MANAGER_REVIEW/1");
        String two = ids.subList(0, 2).stream()
                .map(i -> i + ":" + fx.version(i))
                .reduce((a, b) -> a + "," + b)
                .orElseThrow();
        var res = mvc.perform(post("/approval/areas/" + area + "/approve")
                        .session(am2)
                        .with(csrf())
                        .param("stage", "ACCOUNT_MANAGER_REVIEW")
                        .param("cases", two))
                .andReturn();
        assertThat(res.getFlashMap().get("doneArgs")).isEqualTo(new Object[] {2});
        assertThat(fx.status(ids.get(0))).isEqualTo("IN_CHAIN/CREDIT_COMMITTEE/1");
        assertThat(fx.status(ids.get(1))).isEqualTo("IN_CHAIN/CREDIT_COMMITTEE/1");
    }

    @Test
    void decisionsAreImmutableInTheDatabase() throws Exception {
        long id =
                fx.fix(fx.freshHouseholds("ZQRCB", "B01", 1), List.of("30000")).get(0);
        approve("b01_am1", id, Stage.PROPOSAL);
        assertThatThrownBy(() -> jdbc.sql("update approval_decision set amount_after = 1 where case_id = :c")
                        .param("c", id)
                        .update())
                .hasMessageContaining("immutable");
        assertThatThrownBy(() -> jdbc.sql("delete from approval_decision where case_id = :c")
                        .param("c", id)
                        .update())
                .hasMessageContaining("immutable");
    }

    @Test
    void anotherBranchOrBankCannotSeeOrDecide_404_andNothingChanges() throws Exception {
        long id =
                fx.fix(fx.freshHouseholds("ZQRCB", "B01", 1), List.of("30000")).get(0);
        String before = fx.status(id) + fx.version(id);
        for (String user : List.of("b02_head", "lc_head")) {
            MockHttpSession s = Logins.as(mvc, user);
            assertThat(mvc.perform(get("/approval/cases/" + id).session(s))
                            .andReturn()
                            .getResponse()
                            .getStatus())
                    .as(user)
                    .isEqualTo(404);
            assertThat(mvc.perform(post("/approval/cases/" + id + "/decisions")
                                    .session(s)
                                    .with(csrf())
                                    .param("stage", "PROPOSAL")
                                    .param("version", String.valueOf(fx.version(id)))
                                    .param("kind", "REJECT")
                                    .param("reason", "x"))
                            .andReturn()
                            .getResponse()
                            .getStatus())
                    .as(user)
                    .isEqualTo(404);
            assertThatThrownBy(() -> ActingAs.call(mvc, user, () -> cases.get(id)))
                    .isInstanceOf(NotFoundException.class);
        }
        assertThat(fx.status(id) + fx.version(id)).isEqualTo(before);
        // and a B02 account manager's queue never holds it
        assertThat(ActingAs.call(mvc, "b02_am1", () -> cases.queue(5000)))
                .extracting(ApprovalCase::id)
                .doesNotContain(id);
    }

    @Test
    void theQueueAndTheCasePageRender_withTheLinkToTheExplanation() throws Exception {
        var h = fx.freshHouseholds("ZQRCB", "B01", 1);
        long id = fx.fix(h, List.of("45000")).get(0);
        MockHttpSession am1 = Logins.as(mvc, "b01_am1");
        String queue = mvc.perform(get("/approval").session(am1))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(queue)
                .contains("/approval/cases/" + id)
                .contains(h.get(0).name())
                .contains("45,000.00");
        String page = mvc.perform(get("/approval/cases/" + id).session(am1))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page)
                .contains("/review/households/" + h.get(0).id() + "/explanation")
                .contains("评议小组提议");
        assertThat(Map.of("status", fx.status(id))).containsEntry("status", "IN_CHAIN/PROPOSAL/1");
    }

    @Test
    void aNewFinalListSupersedesTheHouseholdsOlderCase_andWithdrawsAnApprovedLimit() throws Exception {
        var h = fx.freshHouseholds("ZQRCB", "B01", 2);
        List<Long> first = fx.fix(h, List.of("30000", "35000"));
        approveFrom("B01", first.get(0), Stage.PROPOSAL);
        assertThat(fx.status(first.get(0))).isEqualTo("APPROVED/-/1");
        List<Long> second = fx.fix(h, List.of("32000", "36000"));
        assertThat(fx.status(first.get(0))).isEqualTo("SUPERSEDED/-/1");
        assertThat(fx.status(first.get(1))).isEqualTo("SUPERSEDED/-/1");
        assertThat(fx.status(second.get(0))).isEqualTo("IN_CHAIN/PROPOSAL/1");
        assertThat(events.stream(LimitWithdrawn.class)).singleElement().satisfies(e -> {
            assertThat(e.approvalCaseId()).isEqualTo(first.get(0));
            assertThat(e.reason()).isEqualTo("REFERRED_BACK");
        });
        assertThat(jdbc.sql("select amount from approval_case where id = :c")
                        .param("c", second.get(1))
                        .query(BigDecimal.class)
                        .single())
                .isEqualByComparingTo("36000");
    }
}
