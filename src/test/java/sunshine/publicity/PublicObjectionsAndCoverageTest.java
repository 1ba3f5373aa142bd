package sunshine.publicity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import sunshine.ActingAs;
import sunshine.Fixtures;
import sunshine.Logins;
import sunshine.PlatformTest;
import sunshine.approval.ApprovalFixture;
import sunshine.approval.ApprovalTestBase;
import sunshine.dashboard.FiguresRefresh;
import sunshine.shared.Today;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 10 point 4 (an objection on the public page about a line of the village's notice also enters the notice's
 * objections; other complaints stay in the log) and point 5 (publicity coverage per area shown with the other
 * coverage figures on the dashboard, against 100%).
 */
@PlatformTest
class PublicObjectionsAndCoverageTest extends ApprovalTestBase {

    @Override
    protected String noticeMode() {
        return null; // only the objection walk needs PUBLIC, and sets it itself
    }

    @Autowired
    PublicLinks links;

    @Autowired
    PublicityActivities activities;

    @Autowired
    FiguresRefresh refresh;

    @Autowired
    JsonMapper json;

    private static MockHttpServletRequestBuilder from(MockHttpServletRequestBuilder b, String ip) {
        return b.with(r -> {
            r.setRemoteAddr(ip);
            return r;
        });
    }

    /**
     * A B02 village's notice posted today over two households taken through the default chain (the demo's own notice
     * is left as the demo tests expect it).
     */
    private long noticedArea() throws Exception {
        List<ApprovalFixture.Household> hs = fx.freshHouseholds(BANK, "B02", 2);
        throughTheChain("B02", hs, List.of("30000", "20000"));
        long area = hs.get(0).areaId();
        postToday("B02", area);
        return area;
    }

    /** Fills in the public form (answering its sum) and posts it; {@code about} is a notice line's key or null. */
    private MockHttpServletResponse complain(String token, String ip, String kind, String about, String content)
            throws Exception {
        String page = mvc.perform(from(get("/p/" + token), ip))
                .andReturn()
                .getResponse()
                .getContentAsString();
        Matcher q = Pattern.compile("(\\d+) \\+ (\\d+) = \\?").matcher(page);
        assertThat(q.find()).isTrue();
        Matcher t =
                Pattern.compile("name=\"challengeToken\" value=\"([^\"]+)\"").matcher(page);
        assertThat(t.find()).isTrue();
        MockHttpServletRequestBuilder req = from(post("/p/" + token + "/complaint"), ip)
                .with(csrf())
                .param("kind", kind)
                .param("content", content)
                .param("name", "李四")
                .param("phone", "13912340000")
                .param("challengeToken", t.group(1))
                .param("answer", String.valueOf(Integer.parseInt(q.group(1)) + Integer.parseInt(q.group(2))));
        if (about != null) {
            req.param("about", about);
        }
        return mvc.perform(req).andReturn().getResponse();
    }

    private Map<String, Object> complaintRow(String content) {
        return jdbc.sql("select id, kind, notice_line_name from complaint where content = :c")
                .param("c", content)
                .query((rs, n) -> Map.<String, Object>of(
                        "id", rs.getLong(1),
                        "kind", rs.getString(2),
                        "line", String.valueOf(rs.getString(3))))
                .single();
    }

    @Test
    void anObjectionToANameOnTheNotice_entersTheNoticesObjections_andTheLog_otherComplaintsOnlyTheLog()
            throws Exception {
        fx.mode(BANK, "PUBLIC"); // put back after the test by ApprovalTestBase
        objectionWalk(noticedArea());
    }

    private void objectionWalk(long area) throws Exception {
        String token = links.tokenFor(area);
        String page = mvc.perform(from(get("/p/" + token), "10.9.0.1"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        // the form offers the names on the notice (the lines still standing), keyed by line
        Matcher option =
                Pattern.compile("<option value=\"(\\d+)\">([^<]+)</option>").matcher(page);
        assertThat(option.find()).as("a notice line to object to on " + page).isTrue();
        String key = option.group(1);
        String name = option.group(2);
        long caseId = Long.parseLong(key);
        long objectionsBefore = jdbc.sql("select count(*) from approval_objection where case_id = :c")
                .param("c", caseId)
                .query(Long.class)
                .single();

        String content = "公示的金额与该户实际收入不符 " + System.nanoTime();
        // the public left the kind at "complaint" but named a household of the notice: it is an objection (R27)
        MockHttpServletResponse res = complain(token, "10.9.0.1", "COMPLAINT", key, content);
        assertThat(res.getStatus()).isEqualTo(200);
        assertThat(res.getContentAsString())
                .contains("已收到您的反映")
                .contains("已转入公示异议处理")
                .contains(name);

        Map<String, Object> c = complaintRow(content);
        assertThat(c.get("kind")).isEqualTo("OBJECTION");
        assertThat(c.get("line")).isEqualTo(name);
        var objection = jdbc.sql("""
                        select o.case_id, o.received_via, o.recorded_by, o.objector, o.status, o.received_on
                          from approval_objection o where o.complaint_id = :c""")
                .param("c", c.get("id"))
                .query((rs, n) -> List.of(
                        rs.getLong(1),
                        rs.getString(2),
                        String.valueOf(rs.getObject(3)),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getObject(6, java.time.LocalDate.class)))
                .single();
        assertThat(objection).containsExactly(caseId, "PUBLIC_PAGE", "null", "李四", "OPEN", Today.date());
        assertThat(jdbc.sql("select count(*) from approval_objection where case_id = :c")
                        .param("c", caseId)
                        .query(Long.class)
                        .single())
                .isEqualTo(objectionsBefore + 1);
        // R27: while an objection is open the line's limit may not be granted
        assertThat(jdbc.sql("select status from approval_case where id = :c")
                        .param("c", caseId)
                        .query(String.class)
                        .single())
                .isEqualTo("OBJECTED");
        assertThat(jdbc.sql("select withdrawn from credit_grantable where approval_case_id = :c")
                        .param("c", caseId)
                        .query(Boolean.class)
                        .list())
                .containsOnly(true);

        // the branch's staff see it in the notice's objections, linked to the complaint, and in the complaint log
        long noticeId = jdbc.sql("select notice_id from approval_objection where complaint_id = :c")
                .param("c", c.get("id"))
                .query(Long.class)
                .single();
        String branch = jdbc.sql("select lower(b.code) from area a join branch b on b.id = a.branch_id where a.id = :a")
                .param("a", area)
                .query(String.class)
                .single();
        MockHttpSession head = Logins.as(mvc, branch + "_head");
        String notice = mvc.perform(get("/approval/notices/" + noticeId).session(head))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(notice).contains(content).contains("/complaints/" + c.get("id"));
        String complaint = mvc.perform(get("/complaints/" + c.get("id")).session(head))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(complaint).contains(content).contains("公示异议：" + name);

        // a complaint about something else stays in the log only
        String other = "客户经理办事拖拉 " + System.nanoTime();
        assertThat(complain(token, "10.9.0.2", "COMPLAINT", null, other).getStatus())
                .isEqualTo(200);
        Map<String, Object> o = complaintRow(other);
        assertThat(o.get("line")).isEqualTo("null");
        assertThat(objectionsOf((long) o.get("id"))).isZero();
        // and so does an "objection" naming no line of this village's notice
        String stray = "异议但不是名单上的人 " + System.nanoTime();
        assertThat(complain(token, "10.9.0.3", "OBJECTION", "999999999", stray).getStatus())
                .isEqualTo(200);
        Map<String, Object> s = complaintRow(stray);
        assertThat(s.get("kind")).isEqualTo("OBJECTION");
        assertThat(s.get("line")).isEqualTo("null");
        assertThat(objectionsOf((long) s.get("id"))).isZero();
    }

    private long objectionsOf(long complaintId) {
        return jdbc.sql("select count(*) from approval_objection where complaint_id = :c")
                .param("c", complaintId)
                .query(Long.class)
                .single();
    }

    @Test
    void publicityCoverageShowsPerAreaAndBranch_onTheDashboard_againstOneHundredPercent() throws Exception {
        Fixtures fx = new Fixtures(jdbc);
        long bank = fx.bank("ZQRCB");
        long b05 = fx.branch("ZQRCB", "B05");
        // a B05 village with households and no publicity yet (the demo records activities in B01-B03 only)
        var area = jdbc.sql("""
                        select a.id, a.name, a.actual_households from area a where a.branch_id = :b and a.active
                           and a.actual_households >= 40
                           and not exists (select 1 from publicity_activity p where p.area_id = a.id)
                         order by a.id limit 1""")
                .param("b", b05)
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2), rs.getInt(3)})
                .single();
        long areaId = (long) area[0];
        String areaName = (String) area[1];
        int households = (int) area[2];
        int reached = households / 4;
        ActingAs.call(
                mvc,
                "b05_head",
                () -> activities.record(
                        areaId, new ActivityCommand(Today.date(), PublicityMethod.BROADCAST, "公开信", "王经理", reached)));
        refresh.refresh(bank);

        MockHttpSession head = Logins.as(mvc, "b05_head");
        JsonNode line = areaLine(head, b05, areaId);
        // worked by hand: a quarter of the households, one decimal
        BigDecimal quarter = new BigDecimal(reached * 100).divide(new BigDecimal(households), 1, RoundingMode.HALF_UP);
        assertThat(line.get("publicityReached").asLong()).isEqualTo(reached);
        assertThat(line.get("publicityHouseholds").asLong()).isEqualTo(households);
        assertThat(line.get("publicityPercent").decimalValue()).isEqualByComparingTo(quarter);

        // a second activity reaching every household again: capped at the households, 100% of the goal
        ActingAs.call(
                mvc,
                "b05_head",
                () -> activities.record(
                        areaId, new ActivityCommand(Today.date(), PublicityMethod.MEETING, null, "王经理", households)));
        refresh.refresh(bank);
        line = areaLine(head, b05, areaId);
        assertThat(line.get("publicityReached").asLong()).isEqualTo(households);
        assertThat(line.get("publicityPercent").decimalValue()).isEqualByComparingTo("100.0");

        // the branch line sums its villages: reached (each capped) over households, straight from the tables
        long[] sums = jdbc.sql("""
                        select sum(least(coalesce(r.reached, 0), a.actual_households)), sum(a.actual_households)
                          from area a left join (select area_id, sum(households_reached) as reached
                                                   from publicity_activity group by area_id) r on r.area_id = a.id
                         where a.branch_id = :b and a.active""")
                .param("b", b05)
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)})
                .single();
        JsonNode branchLine = null;
        for (JsonNode l : getJson(head, "/api/v1/dashboard/coverage?by=BRANCH").get("lines")) {
            if (l.get("id").asLong() == b05) {
                branchLine = l;
            }
        }
        assertThat(branchLine).isNotNull();
        assertThat(branchLine.get("publicityReached").asLong()).isEqualTo(sums[0]);
        assertThat(branchLine.get("publicityHouseholds").asLong()).isEqualTo(sums[1]);

        // the page shows it beside filing and pre-credit coverage, with the goal; the xlsx has the columns
        String page = mvc.perform(get("/dashboard/coverage?by=AREA&order=PUBLICITY&branchId=" + b05)
                        .session(head))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("宣传覆盖率", "建档覆盖率", "预授信覆盖率", areaName, "100.0%", "目标 100%");
        MockHttpServletResponse xlsx = mvc.perform(get("/dashboard/coverage/export?by=AREA&branchId=" + b05)
                        .session(head))
                .andReturn()
                .getResponse();
        assertThat(xlsx.getStatus()).isEqualTo(200);
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx.getContentAsByteArray()))) {
            List<Row> rows = wb.getFirstSheet().read();
            List<String> header = rows.get(0).stream()
                    .map(c -> c == null ? "" : c.getRawValue())
                    .toList();
            int col = header.indexOf("宣传覆盖率");
            assertThat(col).as("header " + header).isPositive();
            Row village = rows.stream()
                    .filter(r -> areaName.equals(r.getCellText(0)))
                    .findFirst()
                    .orElseThrow();
            assertThat(new BigDecimal(village.getCellText(col))).isEqualByComparingTo("100");
        }
    }

    private JsonNode areaLine(MockHttpSession session, long branchId, long areaId) throws Exception {
        JsonNode page = getJson(session, "/api/v1/dashboard/coverage?by=AREA&order=NAME&size=500&branchId=" + branchId);
        for (JsonNode l : page.get("page").get("items")) {
            if (l.get("id").asLong() == areaId) {
                return l;
            }
        }
        throw new AssertionError("area " + areaId + " not in " + page);
    }

    private JsonNode getJson(MockHttpSession session, String url) throws Exception {
        return json.readTree(mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(url)
                        .session(session))
                .andReturn()
                .getResponse()
                .getContentAsString());
    }
}
