package sunshine.approval;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import sunshine.ActingAs;
import sunshine.shared.Today;

/**
 * The setup the approval and notice tests share (the subclass carries {@code @PlatformTest}): the demo bank ZQRCB put
 * in the notice mode the test needs and put back afterwards, real households on a fixed final list
 * ({@link ApprovalFixture}), and a case taken through the default chain (R26) by the branch's own four people.
 */
public abstract class ApprovalTestBase {

    /** The demo bank every approval test works in. */
    protected static final String BANK = "ZQRCB";

    /** The default chain (R26): each stage and the demo user of a branch who decides it ({@code b01_am1} …). */
    private static final String[][] DEFAULT_CHAIN = {
        {"am1", "PROPOSAL"},
        {"am2", "ACCOUNT_MANAGER_REVIEW"},
        {"credit", "CREDIT_COMMITTEE"},
        {"head", "BRANCH_HEAD_FINAL"}
    };

    @Autowired
    protected MockMvc mvc;

    @Autowired
    protected JdbcClient jdbc;

    @Autowired
    protected ApplicationEventPublisher publisher;

    @Autowired
    protected TransactionTemplate tx;

    @Autowired
    protected ApprovalCases cases;

    @Autowired
    protected Notices notices;

    protected ApprovalFixture fx;
    private String modeBefore;

    /** The bank's notice policy as it was before this test set its own. */
    protected String modeBefore() {
        return modeBefore;
    }

    /** The notice policy the test runs under (PUBLIC or INTERNAL); null leaves the bank's as it is. */
    protected String noticeMode() {
        return "PUBLIC";
    }

    @BeforeEach
    void setUpApproval() {
        fx = new ApprovalFixture(jdbc, publisher, tx);
        modeBefore = fx.mode(BANK);
        if (noticeMode() != null) {
            fx.mode(BANK, noticeMode());
        }
    }

    @AfterEach
    void restoreNoticeMode() {
        fx.mode(BANK, modeBefore);
    }

    /** Fixes a final list of the households and takes every case through the default chain in the branch (B01 …). */
    protected List<Long> throughTheChain(String branch, List<ApprovalFixture.Household> hs, List<String> amounts)
            throws Exception {
        List<Long> ids = fx.fix(hs, amounts);
        for (long id : ids) {
            approveFrom(branch, id, Stage.PROPOSAL);
        }
        return ids;
    }

    /** Approves the case at every default-chain stage from {@code from} on, as the branch's people. */
    protected void approveFrom(String branch, long caseId, Stage from) throws Exception {
        boolean started = false;
        for (String[] step : DEFAULT_CHAIN) {
            Stage stage = Stage.valueOf(step[1]);
            started |= stage == from;
            if (started) {
                String user = branch.toLowerCase() + "_" + step[0];
                ActingAs.call(
                        mvc, user, () -> cases.decide(caseId, DecisionCommand.approve(stage, fx.version(caseId))));
            }
        }
    }

    /** Posts today's notice of the area as the branch's first account manager. */
    protected Notice postToday(String branch, long areaId) throws Exception {
        return ActingAs.call(mvc, branch.toLowerCase() + "_am1", () -> notices.post(areaId, Today.date()));
    }
}
