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
import sunshine.Fixtures;
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
    void withResults_aFewFindingsOneExplainedOneReferredOneAcceptedOneOpen_andAnAreaCanBeFixed() throws Exception {
        // the demo as the first start loads it (its review results are one B01 panel): B01's findings decided
        assertThat(statuses()).containsEntry("B01-HC1", "EXPLAINED").containsEntry("B01-HC2", "REFERRED");
        // and again with results in a B02 area too: the new ledger adds B02's findings, B01's stay as decided
        Fixtures fx = new Fixtures(jdbc);
        long bank = fx.bank("ZQRCB");
        long b01Area = fx.firstArea(fx.branch("ZQRCB", "B01"));
        long b02Area = fx.firstArea(fx.branch("ZQRCB", "B02"));
        // every household of the two areas has a result but one in each, which is not on the list
        for (long area : List.of(b01Area, b02Area)) {
            jdbc.sql("""
                    insert into review_aggregation (bank_id, household_id, rule_set_version, status, proposed_amount,
                                                    eligible, grade, explanation)
                    select :b, h.id, 1, 'COMPLETE', 30000, h.id <> (select min(id) from household where area_id = :a),
                           'A', cast('{}' as json)
                      from household h where h.area_id = :a and h.representative_id is not null""").param("b", bank).param("a", area).update();
        }

        demo.load();

        Map<String, String> s = statuses();
        assertThat(s)
                .containsEntry("B01-HC1", "EXPLAINED")
                .containsEntry("B01-HC2", "REFERRED")
                .containsEntry("B02-HC1", "OPEN")
                .containsEntry("B02-HC2", "ACCEPTED");
        assertThat(s.values().stream().filter("OPEN"::equals).count()).isEqualTo(1);
        assertThat(jdbc.sql("""
                        select x.status from check_referral x join check_finding f on f.id = x.finding_id
                         where f.loan_no = 'B01-HC2'""").query(String.class).single()).isEqualTo("OPEN");
        // B01's area has no open finding: its list can be fixed, without the household under audit
        long referredHousehold = jdbc.sql("select household_id from check_finding where loan_no = 'B01-HC2'")
                .query(Long.class)
                .single();
        // (the demo fixes the lists of B01's areas with results; an area is fixed once)
        Long existing = jdbc.sql("select id from check_final_list where area_id = :a")
                .param("a", b01Area)
                .query(Long.class)
                .optional()
                .orElse(null);
        long listId = existing != null
                ? existing
                : ActingAs.call(mvc, "b01_head", () -> finalLists.fix(b01Area, null))
                        .id();
        List<Long> items = ActingAs.call(mvc, "b01_head", () -> finalLists.items(listId)).stream()
                .map(FinalList.Item::householdId)
                .toList();
        assertThat(items).isNotEmpty().doesNotContain(referredHousehold);
    }

    private Map<String, String> statuses() {
        Map<String, String> m = new HashMap<>();
        jdbc.sql("select loan_no, status from check_finding where loan_no like 'B0_-HC_'")
                .query((org.springframework.jdbc.core.RowCallbackHandler)
                        rs -> m.put(rs.getString(1), rs.getString(2)));
        return m;
    }
}
