package sunshine.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import sunshine.ActingAs;
import sunshine.Logins;
import sunshine.PlatformTest;
import sunshine.publicity.NoticeMode;
import sunshine.publicity.PublicLinks;
import sunshine.shared.BusinessException;
import sunshine.shared.FunnelStep;
import sunshine.shared.Today;

/** The public notice per village (R27): PUBLIC and INTERNAL mode, the period, objections, prints, the public page. */
@PlatformTest
@RecordApplicationEvents
class NoticeTest extends ApprovalTestBase {

    @Autowired
    ApprovalSettings settings;

    @Autowired
    PublicLinks links;

    @Autowired
    List<FunnelStep> steps;

    @Autowired
    ApplicationEvents events;

    long bank;

    @BeforeEach
    void setUp() {
        bank = new sunshine.Fixtures(jdbc).bank(BANK);
    }

    @AfterEach
    void restore() {
        jdbc.sql("delete from approval_setting where bank_id = :b")
                .param("b", bank)
                .update();
        jdbc.sql("delete from approval_stage where bank_id = :b")
                .param("b", bank)
                .update();
    }

    /** Households of one B01 village taken through the default chain: they wait for the notice. */
    private List<Long> throughTheChain(List<ApprovalFixture.Household> hs, List<String> amounts) throws Exception {
        return throughTheChain("B01", hs, amounts);
    }

    private Notice postNotice(long area, LocalDate on) throws Exception {
        return ActingAs.call(mvc, "b01_am1", () -> notices.post(area, on));
    }

    private String publicPage(long area) throws Exception {
        return mvc.perform(get("/p/" + links.tokenFor(area)).with(r -> {
                    r.setRemoteAddr("10.9." + (System.nanoTime() % 250) + ".7");
                    return r;
                }))
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    private List<String> residentIds(List<ApprovalFixture.Household> hs) {
        return hs.stream()
                .map(h -> jdbc.sql("select c.resident_id from household x join customer c on c.id = x.representative_id"
                                + " where x.id = :h")
                        .param("h", h.id())
                        .query(String.class)
                        .single())
                .toList();
    }

    @Test
    void inPublicModeACaseWaitsForTheNotice_andIsGrantableOnlyAfterTheBanksPeriod() throws Exception {
        ActingAs.call(
                mvc,
                "ho_credit",
                () -> settings.save(
                        NoticeMode.PUBLIC,
                        7,
                        36,
                        settings.of(bank).version(),
                        settings.chain(bank).stages()));
        var hs = fx.freshHouseholds("ZQRCB", "B01", 2);
        List<Long> ids = throughTheChain(hs, List.of("45000", "52000"));
        assertThat(fx.status(ids.get(0))).isEqualTo("AWAITING_NOTICE/-/1");
        assertThat(events.stream(LimitApproved.class)).isEmpty();

        LocalDate today = Today.date();
        Notice n = postNotice(hs.get(0).areaId(), today);
        // the notice posts every case of the village waiting for it: ours, and any another test left there
        assertThat(n.lines()).extracting(Notice.Line::caseId).containsAll(ids);
        List<LimitApproved> approved = events.stream(LimitApproved.class)
                .filter(e -> ids.contains(e.approvalCaseId()))
                .toList();
        assertThat(approved).hasSize(2);
        assertThat(approved).allSatisfy(e -> {
            assertThat(e.grantableFrom()).isEqualTo(today.plusDays(7));
            assertThat(e.amountShownToCustomer()).isTrue();
        });
        assertThat(fx.status(ids.get(1))).isEqualTo("APPROVED/-/1");

        String page = publicPage(hs.get(0).areaId());
        assertThat(page).contains(hs.get(0).name()).contains("45,000.00").contains("52,000.00");
        for (String rid : residentIds(hs)) {
            assertThat(page).doesNotContain(rid);
        }
        assertThat(page).doesNotContain("13800000000");

        MockHttpSession am1 = Logins.as(mvc, "b01_am1");
        MockHttpServletResponse pdf = mvc.perform(
                        get("/approval/notices/" + n.id() + "/poster.pdf").session(am1))
                .andReturn()
                .getResponse();
        assertThat(pdf.getContentType()).isEqualTo("application/pdf");
        try (PDDocument doc = Loader.loadPDF(pdf.getContentAsByteArray())) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains(hs.get(0).name()).contains("45,000.00").contains(today.toString());
            assertThat(text).contains(today.plusDays(6).toString()).contains("36个月");
            for (String rid : residentIds(hs)) {
                assertThat(text).doesNotContain(rid);
            }
        }
    }

    @Test
    void theNoticePeriodIsAtLeastFiveDays_andOnlyHeadOfficeCreditSetsThePolicy() throws Exception {
        assertThatThrownBy(() -> ActingAs.call(
                        mvc,
                        "ho_credit",
                        () -> settings.save(
                                NoticeMode.PUBLIC,
                                4,
                                36,
                                settings.of(bank).version(),
                                settings.chain(bank).stages())))
                .isInstanceOf(BusinessException.class)
                .hasMessage("approval.error.noticeDays");
        assertThat(settings.of(bank).noticeDays()).isEqualTo(5);
        MockHttpSession head = Logins.as(mvc, "b01_head");
        assertThat(mvc.perform(post("/approval/settings")
                                .session(head)
                                .with(csrf())
                                .param("mode", "INTERNAL")
                                .param("noticeDays", "6")
                                .param("termMonths", "36")
                                .param("version", "0"))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(403);
        MockHttpSession ho = Logins.as(mvc, "ho_credit");
        assertThat(mvc.perform(get("/approval/settings").session(ho))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .contains("评议小组提议");
        // a stage where cases wait cannot leave the chain
        long waiting =
                fx.fix(fx.freshHouseholds("ZQRCB", "B01", 1), List.of("12000")).get(0);
        ActingAs.call(
                mvc,
                "b01_am1",
                () -> cases.decide(waiting, DecisionCommand.approve(Stage.PROPOSAL, fx.version(waiting))));
        var refused = mvc.perform(post("/approval/settings")
                        .session(ho)
                        .with(csrf())
                        .param("mode", "PUBLIC")
                        .param("noticeDays", "6")
                        .param("termMonths", "24")
                        .param("version", String.valueOf(settings.of(bank).version()))
                        .param("pos_BRANCH_HEAD_FINAL", "2"))
                .andReturn();
        assertThat(refused.getFlashMap().get("errorKey")).isEqualTo("approval.error.chainStart");
        var inUse = mvc.perform(post("/approval/settings")
                        .session(ho)
                        .with(csrf())
                        .param("mode", "PUBLIC")
                        .param("noticeDays", "6")
                        .param("termMonths", "24")
                        .param("version", String.valueOf(settings.of(bank).version()))
                        .param("pos_PROPOSAL", "1")
                        .param("pos_BRANCH_HEAD_FINAL", "2"))
                .andReturn();
        assertThat(inUse.getFlashMap().get("errorKey")).isEqualTo("approval.error.chainInUse");
        assertThat(settings.of(bank).noticeDays()).isEqualTo(5);
        mvc.perform(post("/approval/settings")
                .session(ho)
                .with(csrf())
                .param("mode", "PUBLIC")
                .param("noticeDays", "6")
                .param("termMonths", "24")
                .param("version", String.valueOf(settings.of(bank).version()))
                .param("pos_PROPOSAL", "1")
                .param("pos_ACCOUNT_MANAGER_REVIEW", "2")
                .param("pos_CREDIT_COMMITTEE", "3")
                .param("pos_BRANCH_HEAD_FINAL", "4")
                .param("pos_HEAD_OFFICE_CREDIT", "5")
                .param("role_HEAD_OFFICE_CREDIT", "HO_CREDIT")
                .param("above_HEAD_OFFICE_CREDIT", "500000"));
        Settings s = settings.of(bank);
        assertThat(s.noticeDays()).isEqualTo(6);
        assertThat(s.termMonths()).isEqualTo(24);
        assertThat(s.chain().stages()).extracting(ChainStage::stage).hasSize(5).startsWith(Stage.PROPOSAL);
        assertThat(s.chain().find(Stage.HEAD_OFFICE_CREDIT).orElseThrow().aboveAmount())
                .isEqualByComparingTo("500000");
        jdbc.sql("delete from approval_stage where bank_id = :b")
                .param("b", bank)
                .update();
    }

    @Test
    void objectionsWithdrawTheLine_andCloseAsKeepReviseOrRemove() throws Exception {
        var hs = fx.freshHouseholds("ZQRCB", "B01", 3);
        long area = hs.get(0).areaId();
        FunnelStep approvedStep =
                steps.stream().filter(s -> s.order() == 50).findFirst().orElseThrow();
        FunnelStep.Count zero = new FunnelStep.Count(0, BigDecimal.ZERO);
        FunnelStep.Count before = approvedStep.byArea(bank).getOrDefault(area, zero);
        List<Long> ids = throughTheChain(hs, List.of("10000", "20000", "30000"));
        LocalDate today = Today.date();
        Notice n = postNotice(area, today);
        assertThat(n.grantableFrom()).isEqualTo(today.plusDays(5));

        // outside the period (before the posting) it is refused
        assertThatThrownBy(() -> ActingAs.call(
                        mvc,
                        "b01_am2",
                        () -> notices.object(
                                n.id(), new ObjectionCommand(ids.get(0), "王某", "VISIT", "收入不实", today.minusDays(3)))))
                .hasMessage("approval.error.outsidePeriod");

        Objection a = ActingAs.call(
                mvc,
                "b01_am2",
                () -> notices.object(n.id(), new ObjectionCommand(ids.get(0), "王某", "VISIT", "收入不实", today)));
        Objection b = ActingAs.call(
                mvc,
                "b01_am2",
                () -> notices.object(n.id(), new ObjectionCommand(ids.get(1), "李某", "PHONE", "额度偏高", today)));
        Objection c = ActingAs.call(
                mvc,
                "b01_am2",
                () -> notices.object(n.id(), new ObjectionCommand(ids.get(2), "赵某", "PUBLIC_PAGE", "外出多年", today)));
        assertThat(events.stream(LimitWithdrawn.class).filter(e -> e.reason().equals("OBJECTION_OPEN")))
                .extracting(LimitWithdrawn::approvalCaseId)
                .containsExactlyInAnyOrderElementsOf(ids);
        assertThat(fx.status(ids.get(0))).isEqualTo("OBJECTED/-/1");

        ActingAs.call(mvc, "b01_head", () -> notices.close(a.id(), Notices.Outcome.KEEP, "调查属实无误", a.version(), null));
        ActingAs.call(
                mvc,
                "b01_head",
                () -> notices.close(
                        b.id(), Notices.Outcome.REVISE, "收入需重新核实", b.version(), Stage.ACCOUNT_MANAGER_REVIEW));
        ActingAs.call(mvc, "b01_head", () -> notices.close(c.id(), Notices.Outcome.REMOVE, "常年外出", c.version(), null));

        // keep: approved again, grantable as the notice said
        assertThat(fx.status(ids.get(0))).isEqualTo("APPROVED/-/1");
        List<LimitApproved> again = events.stream(LimitApproved.class)
                .filter(e -> e.approvalCaseId() == ids.get(0))
                .toList();
        assertThat(again).hasSize(2);
        assertThat(again.get(1).grantableFrom()).isEqualTo(today.plusDays(5));
        // revise: back into the chain at the stage named, in a new pass
        assertThat(fx.status(ids.get(1))).isEqualTo("IN_CHAIN/ACCOUNT_MANAGER_REVIEW/2");
        assertThat(events.stream(LimitWithdrawn.class).filter(e -> e.approvalCaseId() == ids.get(1)))
                .extracting(LimitWithdrawn::reason)
                .containsExactly("OBJECTION_OPEN", "REFERRED_BACK");
        // remove
        assertThat(fx.status(ids.get(2))).isEqualTo("REMOVED/-/1");
        assertThat(events.stream(LimitWithdrawn.class).filter(e -> e.approvalCaseId() == ids.get(2)))
                .extracting(LimitWithdrawn::reason)
                .containsExactly("OBJECTION_OPEN", "REMOVED");
        String page = publicPage(area);
        assertThat(page).contains(hs.get(0).name()).doesNotContain(hs.get(2).name());

        // funnel step 50: only the kept line is still approved
        FunnelStep.Count after = approvedStep.byArea(bank).getOrDefault(area, zero);
        assertThat(after.households() - before.households()).isEqualTo(1);
        assertThat(after.amount().subtract(before.amount())).isEqualByComparingTo("10000");

        // the revised case goes through the chain again and waits for a new notice
        long revised = ids.get(1);
        approveFrom("B01", revised, Stage.ACCOUNT_MANAGER_REVIEW);
        assertThat(fx.status(revised)).isEqualTo("AWAITING_NOTICE/-/2");
    }

    @Test
    void inInternalModeNoAmountEverAppearsForTheCustomer() throws Exception {
        var hs = fx.freshHouseholds("ZQRCB", "B01", 1);
        List<Long> ids = throughTheChain(hs, List.of("66000"));
        long area = hs.get(0).areaId();
        Notice n = postNotice(area, Today.date());
        assertThat(publicPage(area)).contains("66,000.00");

        fx.mode("ZQRCB", "INTERNAL");
        String page = publicPage(area);
        assertThat(page)
                .doesNotContain("66,000.00")
                .doesNotContain(hs.get(0).name())
                .doesNotContain("id=\"notice\"");
        MockHttpSession am1 = Logins.as(mvc, "b01_am1");
        assertThat(mvc.perform(get("/approval/notices/" + n.id() + "/poster.pdf")
                                .session(am1))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(400);
        assertThatThrownBy(() -> postNotice(area, Today.date())).hasMessage("approval.error.notPublic");

        // a case approved in INTERNAL mode: granted from the approval day, never posted or shown
        var other = fx.freshHouseholds("ZQRCB", "B01", 1);
        long internal = throughTheChain(other, List.of("77000")).get(0);
        assertThat(fx.status(internal)).isEqualTo("APPROVED/-/1");
        assertThat(events.stream(LimitApproved.class).filter(e -> e.approvalCaseId() == internal))
                .singleElement()
                .satisfies(e -> assertThat(e.amountShownToCustomer()).isFalse());
        assertThat(publicPage(other.get(0).areaId())).doesNotContain("77,000.00");
        assertThat(ids).hasSize(1);
    }

    @Test
    void theAccountManagersBoardIsPrintablePerVillage() throws Exception {
        long area = jdbc.sql("select min(a.id) from area a join branch b on b.id = a.branch_id"
                        + " where b.code = 'B01' and a.manager_id is not null and b.bank_id = :k")
                .param("k", bank)
                .query(Long.class)
                .single();
        var manager = jdbc.sql("select s.name, s.staff_no, s.phone from area a join staff s on s.id = a.manager_id"
                        + " where a.id = :a")
                .param("a", area)
                .query((rs, i) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3)))
                .single();
        MockHttpSession am1 = Logins.as(mvc, "b01_am1");
        MockHttpServletResponse pdf = mvc.perform(
                        get("/approval/areas/" + area + "/board.pdf").session(am1))
                .andReturn()
                .getResponse();
        assertThat(pdf.getStatus()).isEqualTo(200);
        try (PDDocument doc = Loader.loadPDF(pdf.getContentAsByteArray())) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains(manager.get(0)).contains(manager.get(1)).contains(manager.get(2));
            assertThat(text).contains("0531-83212345"); // the demo terms' complaint phone
        }
        MockHttpSession b02 = Logins.as(mvc, "b02_head");
        assertThat(mvc.perform(get("/approval/areas/" + area + "/board.pdf").session(b02))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);
    }

    @Test
    void anotherBranchCannotPostOrRecordObjectionsInB01() throws Exception {
        var hs = fx.freshHouseholds("ZQRCB", "B01", 1);
        long id = throughTheChain(hs, List.of("15000")).get(0);
        long area = hs.get(0).areaId();
        MockHttpSession b02 = Logins.as(mvc, "b02_head");
        assertThat(mvc.perform(post("/approval/areas/" + area + "/notices")
                                .session(b02)
                                .with(csrf())
                                .param("postedOn", Today.date().toString()))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);
        assertThat(fx.status(id)).isEqualTo("AWAITING_NOTICE/-/1");
        Notice n = postNotice(area, Today.date());
        assertThat(mvc.perform(post("/approval/notices/" + n.id() + "/objections")
                                .session(b02)
                                .with(csrf())
                                .param("caseId", String.valueOf(id))
                                .param("objector", "x")
                                .param("receivedVia", "VISIT")
                                .param("content", "x")
                                .param("receivedOn", Today.date().toString()))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);
        assertThat(mvc.perform(get("/approval/notices/" + n.id()).session(b02))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);
        assertThat(fx.status(id)).isEqualTo("APPROVED/-/1");
        MockHttpSession am1 = Logins.as(mvc, "b01_am1");
        assertThat(mvc.perform(get("/approval/notices/" + n.id()).session(am1))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .contains(hs.get(0).name());
        assertThat(mvc.perform(get("/approval/areas/" + area).session(am1))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(200);
    }
}
