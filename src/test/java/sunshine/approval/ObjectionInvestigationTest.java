package sunshine.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpSession;
import sunshine.ActingAs;
import sunshine.Logins;
import sunshine.PlatformTest;
import sunshine.shared.BusinessException;
import sunshine.shared.Today;

/**
 * R27 "objections recorded, investigated, and closed": between recording and closing, a named person takes up the
 * investigation (when, with a note); the line stays withdrawn meanwhile; the step is audited and shown on the page.
 */
@PlatformTest
class ObjectionInvestigationTest extends ApprovalTestBase {

    private Notice noticeOver(List<ApprovalFixture.Household> hs) throws Exception {
        throughTheChain("B01", hs, hs.stream().map(h -> "12000").toList());
        return postToday("B01", hs.get(0).areaId());
    }

    private long audits(String action, long objectionId) {
        return jdbc.sql("select count(*) from audit_log where action = :a and entity_type = 'approval_objection'"
                        + " and entity_id = :id")
                .param("a", action)
                .param("id", String.valueOf(objectionId))
                .query(Long.class)
                .single();
    }

    @Test
    void anObjectionIsTakenUpByANamedPerson_thenClosed_andTheLineStaysWithdrawnMeanwhile() throws Exception {
        var hs = fx.freshHouseholds("ZQRCB", "B01", 1);
        Notice n = noticeOver(hs);
        long caseId = n.lines().get(0).caseId();
        LocalDate today = Today.date();
        Objection o = ActingAs.call(
                mvc,
                "b01_am1",
                () -> notices.object(n.id(), new ObjectionCommand(caseId, "邻居", "PHONE", "家中另有贷款", today)));
        assertThat(o.status()).isEqualTo("OPEN");
        assertThat(o.investigatedAt()).isNull();

        // a blank plan is refused and changes nothing
        assertThatThrownBy(() -> ActingAs.call(mvc, "b01_am2", () -> notices.investigate(o.id(), "  ", o.version())))
                .isInstanceOf(BusinessException.class)
                .hasMessage("approval.error.investigationNote");
        assertThat(audits("INVESTIGATE_OBJECTION", o.id())).isZero();

        Objection taken = ActingAs.call(mvc, "b01_am2", () -> notices.investigate(o.id(), "走访村委会并查询征信", o.version()));
        assertThat(taken.status()).isEqualTo("INVESTIGATING");
        assertThat(taken.investigatedAt()).isNotNull();
        assertThat(taken.investigationNote()).isEqualTo("走访村委会并查询征信");
        String am2 = jdbc.sql("select s.name from staff s join user_account u on u.staff_id = s.id"
                        + " where u.username = 'b01_am2'")
                .query(String.class)
                .single();
        assertThat(taken.investigatedBy()).isEqualTo(am2);
        assertThat(audits("INVESTIGATE_OBJECTION", o.id())).isEqualTo(1);
        // the line is still withdrawn while it is investigated
        assertThat(fx.status(caseId)).startsWith("OBJECTED");

        // taking it up twice (the old version) is refused
        assertThatThrownBy(() -> ActingAs.call(mvc, "b01_am1", () -> notices.investigate(o.id(), "再查", o.version())))
                .isInstanceOf(BusinessException.class)
                .hasMessage("approval.error.stale");

        // the notice page shows who took it up and a form to close it, no longer the take-up form
        MockHttpSession head = Logins.as(mvc, "b01_head");
        String page = mvc.perform(get("/approval/notices/" + n.id()).session(head))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page)
                .contains("调查中")
                .contains(am2 + " 于 ")
                .contains("走访村委会并查询征信")
                .contains("/approval/objections/" + o.id() + "/close")
                .doesNotContain("/approval/objections/" + o.id() + "/investigate");

        // closing with the version of before the investigation is refused; with the current one it closes
        assertThatThrownBy(() -> ActingAs.call(
                        mvc, "b01_head", () -> notices.close(o.id(), Notices.Outcome.KEEP, "属实", o.version(), null)))
                .hasMessage("approval.error.stale");
        Objection closed = ActingAs.call(
                mvc, "b01_head", () -> notices.close(o.id(), Notices.Outcome.KEEP, "贷款已结清，维持", taken.version(), null));
        assertThat(closed.status()).isEqualTo("KEPT");
        assertThat(closed.investigationNote()).isEqualTo("走访村委会并查询征信");
        assertThat(fx.status(caseId)).startsWith("APPROVED");
    }

    @Test
    void thePageTakesUpTheInvestigation_andAnotherBranchGets404() throws Exception {
        var hs = fx.freshHouseholds("ZQRCB", "B01", 1);
        Notice n = noticeOver(hs);
        long caseId = n.lines().get(0).caseId();
        Objection o = ActingAs.call(
                mvc,
                "b01_am1",
                () -> notices.object(n.id(), new ObjectionCommand(caseId, "村民", "VISIT", "常年外出", Today.date())));
        var outsider = mvc.perform(post("/approval/objections/" + o.id() + "/investigate")
                        .session(Logins.as(mvc, "b02_head"))
                        .with(csrf())
                        .param("note", "越权")
                        .param("version", String.valueOf(o.version())))
                .andReturn()
                .getResponse();
        assertThat(outsider.getStatus()).isEqualTo(404);
        var res = mvc.perform(post("/approval/objections/" + o.id() + "/investigate")
                        .session(Logins.as(mvc, "b01_am1"))
                        .with(csrf())
                        .param("note", "核实外出时间")
                        .param("version", String.valueOf(o.version())))
                .andReturn()
                .getResponse();
        assertThat(res.getStatus()).isEqualTo(302);
        assertThat(res.getRedirectedUrl()).isEqualTo("/approval/notices/" + n.id());
        assertThat(ActingAs.call(mvc, "b01_am1", () -> notices.objection(o.id()).status()))
                .isEqualTo("INVESTIGATING");
    }
}
