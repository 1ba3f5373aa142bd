package sunshine.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import sunshine.Fixtures;
import sunshine.Logins;
import sunshine.PlatformTest;

/**
 * Every dashboard page renders for the kinds of user who see it, in Chinese and in English, with no untranslated
 * key; the tables export as xlsx; the demo bank's figures show (issue 8 "Demo").
 */
@PlatformTest
class DashboardPagesTest {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    FiguresRefresh refresh;

    @Test
    void everyPageRendersForItsUsers_inBothLanguages() throws Exception {
        Fixtures fx = new Fixtures(jdbc);
        refresh.refresh(fx.bank("ZQRCB"));
        long b01 = fx.branch("ZQRCB", "B01");
        long area = fx.firstArea(b01);
        List<String> pages = List.of(
                "/dashboard/coverage",
                "/dashboard/coverage?by=MANAGER",
                "/dashboard/coverage?by=AREA&order=PRE_CREDIT",
                "/dashboard/coverage?by=AREA&branchId=" + b01,
                "/dashboard/coverage/areas/" + area,
                "/dashboard/funnel",
                "/dashboard/funnel?areaId=" + area,
                "/dashboard/progress",
                "/dashboard/progress?branchId=" + b01,
                "/dashboard/extracts");
        List<String> problems = new ArrayList<>();
        for (String user : List.of("ho_bd", "ho_audit", "b01_head", "b01_am1")) {
            MockHttpSession session = Logins.as(mvc, user);
            for (String url : pages) {
                for (String lang : List.of("zh-CN", "en")) {
                    // pages take the language from ?lang= (Accept-Language is for the API)
                    MockHttpServletResponse r = mvc.perform(get(url + (url.contains("?") ? "&" : "?") + "lang="
                                            + (lang.equals("en") ? "en" : "zh_CN"))
                                    .session(session))
                            .andReturn()
                            .getResponse();
                    r.setCharacterEncoding("UTF-8");
                    String body = r.getContentAsString();
                    if (r.getStatus() != 200) {
                        problems.add(user + " " + url + " " + lang + ": " + r.getStatus());
                    } else if (body.contains("??")) {
                        int i = body.indexOf("??");
                        problems.add(user + " " + url + " " + lang + ": "
                                + body.substring(i, Math.min(body.length(), i + 60)));
                    }
                }
            }
        }
        MockHttpSession ho = Logins.as(mvc, "ho_bd");
        for (String url : List.of("/dashboard/settings")) {
            assertThat(mvc.perform(get(url).session(ho))
                            .andReturn()
                            .getResponse()
                            .getStatus())
                    .isEqualTo(200);
        }
        assertThat(mvc.perform(get("/dashboard/settings").session(Logins.as(mvc, "b01_head")))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(403);
        assertThat(problems).isEmpty();
    }

    @Test
    void theDemoBanksFiguresShow_andEveryTableExports() throws Exception {
        refresh.refresh(new Fixtures(jdbc).bank("ZQRCB"));
        long filed = jdbc.sql("""
                        select count(distinct c.household_id) from customer c join area a on a.id = c.area_id
                          join bank b on b.id = c.bank_id where b.code = 'ZQRCB' and a.active""").query(Long.class).single();
        assertThat(filed).isPositive();
        MockHttpSession ho = Logins.as(mvc, "ho_bd");
        MockHttpServletResponse page = mvc.perform(
                        get("/dashboard/coverage").session(ho).header("Accept-Language", "zh-CN"))
                .andReturn()
                .getResponse();
        page.setCharacterEncoding("UTF-8");
        // the demo files customers in 明水 (B01): the bank's line shows them, with the chart beside the table
        assertThat(page.getContentAsString())
                .contains("明水支行")
                .contains("echarts")
                .contains(String.format(java.util.Locale.ROOT, "%,d / ", filed));
        for (String url : List.of(
                "/dashboard/coverage/export?by=BRANCH",
                "/dashboard/coverage/export?by=AREA",
                "/dashboard/coverage/export?by=MANAGER",
                "/dashboard/funnel/export",
                "/dashboard/progress/export")) {
            MockHttpServletResponse r =
                    mvc.perform(get(url).session(ho)).andReturn().getResponse();
            assertThat(r.getStatus()).as(url).isEqualTo(200);
            assertThat(r.getContentType()).as(url).isEqualTo(XLSX);
            assertThat(r.getContentAsByteArray()).as(url).hasSizeGreaterThan(1000);
        }
    }
}
