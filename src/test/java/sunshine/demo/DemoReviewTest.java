package sunshine.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import sunshine.Logins;
import sunshine.PlatformTest;

/** The demo's review stage (issue 5): a B01 panel keyed, verified by another person and aggregated on first start. */
@PlatformTest
class DemoReviewTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    @Test
    void aB01PanelIsKeyedVerifiedAndAggregated_andItsResultsShow() throws Exception {
        long panel = jdbc.sql("""
                select r.panel_id from review_aggregation_run r join panel p on p.id = r.panel_id
                  join branch b on b.id = p.branch_id where b.code = 'B01' and r.started_by is not null
                 order by r.id limit 1""").query(Long.class).single();
        assertThat(jdbc.sql("""
                        select count(*) from estimate_copy
                         where panel_id = :p and status = 'VERIFIED' and verified_by <> keyed_by""").param("p", panel).query(Long.class).single()).isEqualTo(5);
        long complete = jdbc.sql("""
                        select count(*) from review_pre_credit v
                         where v.status = 'COMPLETE' and v.household_id in (select e.household_id from estimate e
                               join estimate_copy c on c.id = e.copy_id where c.panel_id = :p)""").param("p", panel).query(Long.class).single();
        assertThat(complete).isGreaterThan(0);
        String page = mvc.perform(get("/panels/" + panel + "/results").session(Logins.as(mvc, "b01_head")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("已汇总").doesNotContain("??");
    }
}
