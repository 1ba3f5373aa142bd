package sunshine.approval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import sunshine.PlatformTest;
import sunshine.demo.DemoApproval;

/** The approval demo on top of a fixed final list of two B02 villages (and nothing without one). */
@PlatformTest
class DemoApprovalTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEventPublisher publisher;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    DemoApproval demo;

    ApprovalFixture fx;
    String modeBefore;

    @BeforeEach
    void setUp() {
        fx = new ApprovalFixture(jdbc, publisher, tx);
        modeBefore = fx.mode("ZQRCB");
    }

    @AfterEach
    void restore() {
        fx.mode("ZQRCB", modeBefore);
    }

    private List<ApprovalFixture.Household> village(long area, int n) {
        return jdbc.sql("""
                select h.id, h.area_id, h.branch_id, c.name from household h join customer c on c.id = h.representative_id
                 where h.area_id = :a and h.active and not exists (select 1 from approval_case x where x.household_id = h.id)
                 order by h.id limit :n""")
                .param("a", area)
                .param("n", n)
                .query((rs, i) ->
                        new ApprovalFixture.Household(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4)))
                .list();
    }

    @Test
    void theDemoNoticesB01TenDaysAgoAndToday_withAReferralBack_aKeptObjection_andAnOpenOne() {
        // the whole demo ran at start: results of a B01 panel, findings, B01's final lists fixed, then this demo;
        // its notice sets the bank PUBLIC, so the mode is read before setUp's fixture could have changed it
        assertThat(modeBefore).isEqualTo("PUBLIC");
        // the demo's notices are B01's first two (other tests post theirs later, in the same database)
        List<Long> notices = jdbc.sql("""
                        select n.id from approval_notice n join branch b on b.id = n.branch_id
                         where b.code = 'B01' order by n.id limit 2""").query(Long.class).list();
        assertThat(notices).hasSize(2);
        // ten days ago: every case approved, one after the committee referred it back (its second pass), and the one
        // objection kept after a visit
        assertThat(cases(notices.get(0))).isNotEmpty().allMatch(x -> x.startsWith("APPROVED/-/"));
        assertThat(cases(notices.get(0)))
                .filteredOn(x -> x.equals("APPROVED/-/2"))
                .hasSize(1);
        assertThat(objections(notices.get(0))).containsExactly("KEPT");
        // today: one household objected to, its objection still open
        assertThat(cases(notices.get(1)))
                .filteredOn(x -> x.startsWith("OBJECTED"))
                .hasSize(1);
        assertThat(objections(notices.get(1))).containsExactly("OPEN");
    }

    private List<String> cases(long notice) {
        return jdbc.sql("""
                        select status || '/' || coalesce(stage, '-') || '/' || pass from approval_case
                         where notice_id = :n""").param("n", notice).query(String.class).list();
    }

    private List<String> objections(long notice) {
        return jdbc.sql("select status from approval_objection where notice_id = :n")
                .param("n", notice)
                .query(String.class)
                .list();
    }
}
