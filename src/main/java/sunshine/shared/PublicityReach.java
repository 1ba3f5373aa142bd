package sunshine.shared;

import java.util.Map;

/**
 * Publicity coverage per area (R34, issue 10 point 5), contributed by the module that records publicity activities,
 * so the dashboard shows it with the other coverage figures without reading that module's tables (as with
 * {@link FunnelStep}). The goal is fixed by R34: publicity must reach 100% of each area.
 */
public interface PublicityReach {

    /** R34's goal in percent. */
    int GOAL_PERCENT = 100;

    /** Per active area of the bank: households reached (never above the area's households) and the households. */
    Map<Long, Reach> byArea(long bankId);

    /** Households reached by publicity in an area, of its households (the survey figure). */
    record Reach(long reached, long households) {}
}
