package sunshine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import sunshine.panel.MemberRole;
import sunshine.panel.PanelKind;
import sunshine.panel.PanelSeat;
import sunshine.panel.PanelSheet;
import sunshine.panel.PanelStatus;
import sunshine.panel.Panels;
import sunshine.shared.NotFoundException;

/** The panel sheet the booklets print from (PANEL_API.md): scoped, confirmed only, seats in booklet order. */
@PlatformTest
class PanelSheetTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Panels panels;

    long bank;
    long b12;
    long b13;
    long confirmed;
    long draft;
    long other;
    long areaA;
    long areaB;
    long household;

    @BeforeEach
    void panelsMadeDirectlyInTheDatabase() {
        Fixtures fx = new Fixtures(jdbc);
        bank = fx.bank("ZQRCB");
        b12 = fx.branch("ZQRCB", "B12");
        b13 = fx.branch("ZQRCB", "B13");
        List<Long> areas = jdbc.sql("select id from area where branch_id = :b order by id limit 2")
                .param("b", b12)
                .query(Long.class)
                .list();
        areaA = areas.get(0);
        areaB = areas.get(1);
        long customer = fx.customerIn(areaA, sunshine.customer.ResidentId.complete("37018119700101003"), "张评议");
        household = fx.householdOf(customer);
        jdbc.sql("delete from panel where branch_id in (:b)")
                .param("b", List.of(b12, b13))
                .update();
        confirmed = panel(b12, "B 评议小组", "CONFIRMED");
        draft = panel(b12, "A 草稿小组", "DRAFT");
        other = panel(b13, "C 他行小组", "CONFIRMED");
        area(confirmed, areaB);
        area(confirmed, areaA);
        member(confirmed, 2, "李二", "SHOPKEEPER", false, null);
        member(confirmed, 1, "张评议", "CADRE", false, household);
        member(confirmed, 6, "候补甲", "LARGE_GROWER", true, null);
        for (int s = 3; s <= 5; s++) {
            member(confirmed, s, "成员" + s, "RESIDENT_REPRESENTATIVE", false, null);
        }
    }

    @Test
    void confirmedPanelsOfTheBranch_withAreasAndSeatsInBookletOrder() throws Exception {
        List<PanelSheet> sheets = ActingAs.call(mvc, "b12_head", () -> panels.confirmedIn(b12));
        assertThat(sheets).extracting(PanelSheet::id).containsExactly(confirmed);
        PanelSheet s = sheets.get(0);
        assertThat(s.kind()).isEqualTo(PanelKind.VILLAGE);
        assertThat(s.status()).isEqualTo(PanelStatus.CONFIRMED);
        assertThat(s.bankId()).isEqualTo(bank);
        assertThat(s.branchId()).isEqualTo(b12);
        assertThat(s.areaIds()).containsExactlyInAnyOrder(areaA, areaB);
        assertThat(s.seats()).extracting(PanelSeat::seat).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(s.seats().get(0).name()).isEqualTo("张评议");
        assertThat(s.seats().get(0).role()).isEqualTo(MemberRole.CADRE);
        assertThat(s.seats().get(0).householdId()).isEqualTo(household);
        assertThat(s.seats().get(1).householdId()).isNull();
        assertThat(s.seats().get(5).alternate()).isTrue();
        assertThat(s.regularSeats()).hasSize(5);
    }

    @Test
    void theWholeBankSeesEveryBranch_aBranchOnlyItsOwn() throws Exception {
        assertThat(ActingAs.call(mvc, "ho_bd", () -> panels.sheet(other))).isPresent();
        assertThat(ActingAs.call(mvc, "ho_bd", () -> panels.sheet(draft)))
                .get()
                .extracting(PanelSheet::status)
                .isEqualTo(PanelStatus.DRAFT);
        assertThat(ActingAs.call(mvc, "b12_head", () -> panels.sheet(other))).isEmpty();
        assertThat(ActingAs.call(mvc, "lc_admin", () -> panels.sheet(confirmed)))
                .isEmpty();
        assertThat(ActingAs.call(mvc, "b12_head", () -> panels.sheet(999_999_999L)))
                .isEmpty();
        assertThatThrownBy(() -> ActingAs.call(mvc, "b13_head", () -> panels.confirmedIn(b12)))
                .isInstanceOf(NotFoundException.class);
    }

    private long panel(long branch, String name, String status) {
        return jdbc.sql("insert into panel (bank_id, branch_id, kind, status, name) values (:bk, :b, 'VILLAGE', :s, :n)"
                        + " returning id")
                .param("bk", bank)
                .param("b", branch)
                .param("s", status)
                .param("n", name)
                .query(Long.class)
                .single();
    }

    private void area(long panel, long area) {
        jdbc.sql("insert into panel_area (panel_id, bank_id, area_id) values (:p, :bk, :a)")
                .param("p", panel)
                .param("bk", bank)
                .param("a", area)
                .update();
    }

    private void member(long panel, int seat, String name, String role, boolean alternate, Long household) {
        jdbc.sql("""
                insert into panel_member (panel_id, bank_id, seat, name, role, alternate, household_id)
                values (:p, :bk, :s, :n, :r, :alt, :h)""")
                .param("p", panel)
                .param("bk", bank)
                .param("s", seat)
                .param("n", name)
                .param("r", role)
                .param("alt", alternate)
                .param("h", household)
                .update();
    }
}
