package sunshine.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import sunshine.ActingAs;
import sunshine.PlatformTest;
import sunshine.check.FinalList;
import sunshine.check.FinalLists;

/**
 * The demo's findings (issue 6): once review results exist, a few findings with a mix of decisions, and only one
 * left open, so the other areas can still be fixed. (On a fresh start without results the demo adds none: the
 * shared test database starts that way, and no finding of the demo's loans exists before this test.)
 */
@PlatformTest
class DemoFindingsTest {

    @Autowired
    DemoFindings demo;

    @Autowired
    FinalLists finalLists;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    @Test
    void theDemoExplainsOneFindingAndRefersOne_andFixesB01sListWithoutTheHouseholdUnderAudit() throws Exception {
        // the whole demo ran at start: the review results of a B01 panel, then the ledger and its findings
        assertThat(statuses()).containsEntry("B01-HC1", "EXPLAINED").containsEntry("B01-HC2", "REFERRED");
        assertThat(jdbc.sql("""
                        select x.status from check_referral x join check_finding f on f.id = x.finding_id
                         where f.loan_no = 'B01-HC2'""").query(String.class).single()).isEqualTo("OPEN");
        long referred = jdbc.sql("select household_id from check_finding where loan_no = 'B01-HC2'")
                .query(Long.class)
                .single();
        long area = jdbc.sql("select area_id from household where id = :h")
                .param("h", referred)
                .query(Long.class)
                .single();
        long list = jdbc.sql("select id from check_final_list where area_id = :a")
                .param("a", area)
                .query(Long.class)
                .single();
        List<Long> items = ActingAs.call(mvc, "b01_head", () -> finalLists.items(list)).stream()
                .map(FinalList.Item::householdId)
                .toList();
        assertThat(items)
                .as("the list of the referred household's area")
                .isNotEmpty()
                .doesNotContain(referred);
    }

    private Map<String, String> statuses() {
        Map<String, String> m = new HashMap<>();
        jdbc.sql("select loan_no, status from check_finding where loan_no like 'B0_-HC_'")
                .query((org.springframework.jdbc.core.RowCallbackHandler)
                        rs -> m.put(rs.getString(1), rs.getString(2)));
        return m;
    }
}
