package sunshine.approval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
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
    void aFixedListIsTakenPartlyThroughTheChain_withANoticeAnObjectionAndAReferral() {
        List<Long> areas = jdbc.sql("""
                select h.area_id from household h join branch b on b.id = h.branch_id
                 where b.code = 'B02' and h.representative_id is not null
                   and not exists (select 1 from approval_case x where x.household_id = h.id)
                 group by h.area_id having count(*) >= 10 order by count(*) desc limit 2""").query(Long.class).list();
        List<ApprovalFixture.Household> hs = new ArrayList<>(village(areas.get(0), 10));
        hs.addAll(village(areas.get(1), 8));
        List<String> amounts = new ArrayList<>(Collections.nCopies(hs.size(), "30000"));
        amounts.set(1, "400000"); // goes on to head-office credit
        List<Long> ids = fx.fix(hs, amounts);

        demo.load();

        assertThat(fx.mode("ZQRCB")).isEqualTo("PUBLIC");
        List<String> first = ids.subList(0, 10).stream().map(fx::status).toList();
        assertThat(first).containsOnly("APPROVED/-/1", "OBJECTED/-/1");
        assertThat(first).filteredOn(s -> s.startsWith("OBJECTED")).hasSize(1);
        long notices = jdbc.sql("select count(*) from approval_notice where area_id = :a")
                .param("a", areas.get(0))
                .query(Long.class)
                .single();
        assertThat(notices).isEqualTo(1);
        List<String> second = ids.subList(10, 18).stream().map(fx::status).toList();
        assertThat(second.get(0)).isEqualTo("IN_CHAIN/ACCOUNT_MANAGER_REVIEW/2");
        assertThat(second.subList(1, 4)).containsOnly("IN_CHAIN/BRANCH_HEAD_FINAL/1");
        assertThat(second.subList(4, 8)).containsOnly("IN_CHAIN/PROPOSAL/1");
    }
}
