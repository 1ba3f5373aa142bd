package sunshine.panel;

import java.util.Collection;

/**
 * R13, recusal (回避, seed 003 §5.2.2): the area's responsible account manager does not take part in its review,
 * so they cannot sit on a panel that covers the area, as a member or an alternate.
 */
public final class RecusalPolicy {

    private RecusalPolicy() {}

    /** {@code staffId}: the member when they are bank staff (else null); {@code areas}: the areas the panel covers. */
    public static Decision check(String memberName, Long staffId, Collection<PanelArea> areas) {
        if (staffId == null) {
            return Decision.allow();
        }
        return areas.stream()
                .filter(a -> staffId.equals(a.managerId()))
                .findFirst()
                .map(a -> Decision.reject("panel.rule.recusal", memberName, a.name()))
                .orElse(Decision.allow());
    }
}
