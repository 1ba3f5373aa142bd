package sunshine.panel;

import java.util.Set;

/** A panel's life: drafted, confirmed (its composition checked, R12), dissolved. Transitions are recorded. */
public enum PanelStatus {
    DRAFT,
    CONFIRMED,
    DISSOLVED;

    /** Confirm a draft; reopen a confirmed panel to change it; dissolve either. A dissolved panel stays so. */
    public boolean canTransitionTo(PanelStatus next) {
        return switch (this) {
            case DRAFT -> Set.of(CONFIRMED, DISSOLVED).contains(next);
            case CONFIRMED -> Set.of(DRAFT, DISSOLVED).contains(next);
            case DISSOLVED -> false;
        };
    }
}
