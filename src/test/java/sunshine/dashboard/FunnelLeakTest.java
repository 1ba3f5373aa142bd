package sunshine.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Where the funnel leaks: the step keeping the smallest share of the one before (issue 8 point 2). */
class FunnelLeakTest {

    static Funnel.Step step(int order, long households) {
        return new Funnel.Step(order, "k" + order, households, BigDecimal.ZERO, null, 0, false);
    }

    @Test
    void theStepThatKeepsTheSmallestShareIsTheLeak() {
        List<Funnel.Step> s = Funnel.withLeaks(List.of(step(10, 1000), step(20, 900), step(30, 300), step(40, 240)));
        assertThat(s.get(0).keptPercent()).isNull();
        assertThat(s.get(1).keptPercent()).isEqualByComparingTo("90.0");
        assertThat(s.get(2).keptPercent()).isEqualByComparingTo("33.3");
        assertThat(s.get(2).lost()).isEqualTo(600);
        assertThat(s.get(3).keptPercent()).isEqualByComparingTo("80.0");
        assertThat(s.stream().filter(Funnel.Step::leak).map(Funnel.Step::order)).containsExactly(30);
    }

    @Test
    void nothingLeaksWhenEveryStepKeepsEveryone_orThereIsNothing() {
        assertThat(Funnel.withLeaks(List.of(step(10, 5), step(20, 5))).stream().anyMatch(Funnel.Step::leak))
                .isFalse();
        assertThat(Funnel.withLeaks(List.of(step(10, 0), step(20, 0))).stream().anyMatch(Funnel.Step::leak))
                .isFalse();
        assertThat(Funnel.withLeaks(List.of())).isEmpty();
    }

    @Test
    void shortfallRoundsUpToWholeHouseholds() {
        CoverageLine l = new CoverageLine(1L, "村", "", 101, 90, 90, 60, BigDecimal.ZERO);
        // 95% of 101 = 95.95 → 96 households; 70% of 90 = 63
        assertThat(l.filingShortfall(new BigDecimal("95"))).isEqualTo(6);
        assertThat(l.preCreditShortfall(new BigDecimal("70"))).isEqualTo(3);
        assertThat(l.filingPercent()).isEqualByComparingTo("89.1");
        assertThat(new CoverageLine(1L, "村", "", 0, 0, 0, 0, BigDecimal.ZERO).filingPercent())
                .isNull();
    }
}
