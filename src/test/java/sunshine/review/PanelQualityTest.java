package sunshine.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import sunshine.panel.PanelKind;
import sunshine.panel.PanelSheet;
import sunshine.panel.PanelStatus;

/**
 * Panel quality (issue 5 point 10) on a made-up panel, worked by hand: member 5 always suggests 200,000 where the
 * others say about 50,000 on a net income of 40,000 (far from the medians, always dropped as highest, outside
 * 1.1-1.5x); members 3 and 4 write identical figures for every household (copying); member 2 estimated their own
 * household 1, which never counts.
 */
class PanelQualityTest {

    static final PanelSheet PANEL =
            new PanelSheet(1, 1, 1, "测试支行", "测试小组", PanelKind.VILLAGE, PanelStatus.CONFIRMED, List.of(), List.of());

    static VerifiedEstimates.CopyFigures copy(int no, String suggested, boolean own) {
        return new VerifiedEstimates.CopyFigures(
                no,
                (long) no,
                "成员" + no,
                own,
                new Figures(
                        new BigDecimal("100000"),
                        new BigDecimal("10000"),
                        new BigDecimal("80000"),
                        new BigDecimal("40000"),
                        new BigDecimal(suggested),
                        false));
    }

    static VerifiedEstimates.Household household(long id, String m1, String m2, boolean m2Own) {
        List<VerifiedEstimates.CopyFigures> copies = new ArrayList<>();
        copies.add(copy(1, m1, false));
        copies.add(copy(2, m2, m2Own));
        copies.add(copy(3, "51000", false));
        copies.add(copy(4, "51000", false));
        copies.add(copy(5, "200000", false));
        return new VerifiedEstimates.Household(id, copies);
    }

    PanelQuality.Report report() {
        List<VerifiedEstimates.Household> hs = List.of(
                household(11, "50000", "99000", true),
                household(12, "52000", "50000", false),
                household(13, "50000", "52000", false),
                household(14, "52000", "50000", false));
        return PanelQuality.compute(
                PANEL,
                hs,
                new BigDecimal("1.1"),
                new BigDecimal("1.5"),
                id -> new PanelQuality.HouseholdRef(id, "户" + id, "—"));
    }

    PanelQuality.Member member(PanelQuality.Report r, int copy) {
        return r.members().stream().filter(m -> m.copyNo() == copy).findFirst().orElseThrow();
    }

    @Test
    void aMemberFarFromTheOthersIsFlaggedThreeWays_withTheHouseholdsBehindEachFlag() {
        PanelQuality.Member five = member(report(), 5);
        assertThat(five.flags()).containsExactly("DISTANT", "DROPPED", "OUTSIDE_BAND");
        assertThat(five.droppedHigh()).isEqualTo(4);
        assertThat(five.droppedLow()).isZero();
        assertThat(five.outsideBand()).isEqualTo(4);
        assertThat(five.outside())
                .extracting(PanelQuality.HouseholdRef::householdId)
                .containsExactly(11L, 12L, 13L, 14L);
        // household 12: suggested 50,000 / 51,000 / 51,000 / 52,000 / 200,000, median 51,000: (200,000 − 51,000) /
        // 51,000 = 2.921569 for one figure of five, the other four equal their medians → 0.584314
        assertThat(five.meanDistance()).isEqualByComparingTo("0.5843");
    }

    @Test
    void anOrdinaryMemberIsNotFlagged_andTheOwnHouseholdDoesNotCount() {
        PanelQuality.Report r = report();
        PanelQuality.Member one = member(r, 1);
        assertThat(one.flags()).isEmpty();
        assertThat(one.outsideBand()).isZero(); // 50,000 and 52,000 lie within 44,000 … 60,000
        assertThat(member(r, 2).households()).isEqualTo(3);
    }

    @Test
    void twoMembersWhoseFiguresAreAlwaysIdenticalAreAPair() {
        List<PanelQuality.Pair> pairs = report().pairs();
        assertThat(pairs).hasSize(1);
        PanelQuality.Pair p = pairs.get(0);
        assertThat(List.of(p.copyA(), p.copyB(), p.shared(), p.identical())).containsExactly(3, 4, 4, 4);
        assertThat(p.households())
                .extracting(PanelQuality.HouseholdRef::householdId)
                .containsExactly(11L, 12L, 13L, 14L);
    }
}
