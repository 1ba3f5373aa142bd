package sunshine.panel;

/** The three dated steps of the rollout plan per area (R3, seed 000 §4.3.3): rating, credit granting, certificates. */
public enum Milestone {
    RATING("planned_rating", "actual_rating"),
    GRANTING("planned_granting", "actual_granting"),
    CERTIFICATES("planned_certificates", "actual_certificates");

    final String plannedColumn;
    final String actualColumn;

    Milestone(String plannedColumn, String actualColumn) {
        this.plannedColumn = plannedColumn;
        this.actualColumn = actualColumn;
    }
}
