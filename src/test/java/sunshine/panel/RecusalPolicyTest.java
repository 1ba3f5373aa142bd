package sunshine.panel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** R13: "各单位包片客户经理应执行回避制度" — the area's responsible account manager does not sit on its panel. */
class RecusalPolicyTest {

    private final List<PanelArea> areas =
            List.of(new PanelArea(1, "东村", 10L, "王经理"), new PanelArea(2, "西村", 20L, "李经理"));

    @Test
    void theManagerOfAnyCoveredAreaIsRefused_namingThePersonAndTheArea() {
        Decision d = RecusalPolicy.check("李经理", 20L, areas);
        assertThat(d.allowed()).isFalse();
        assertThat(d.messageKey()).isEqualTo("panel.rule.recusal");
        assertThat(d.args()).containsExactly("李经理", "西村");
    }

    @Test
    void otherStaffAndPeopleOfTheVillageMaySit() {
        assertThat(RecusalPolicy.check("赵柜员", 30L, areas).allowed()).isTrue();
        assertThat(RecusalPolicy.check("张村民", null, areas).allowed()).isTrue();
        assertThat(RecusalPolicy.check("王经理", 10L, List.of()).allowed()).isTrue();
    }

    @Test
    void anAreaWithoutAManagerRecusesNobody() {
        assertThat(RecusalPolicy.check("赵柜员", 30L, List.of(new PanelArea(3, "南村", null, null)))
                        .allowed())
                .isTrue();
    }
}
