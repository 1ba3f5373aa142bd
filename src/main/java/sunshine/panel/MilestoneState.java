package sunshine.panel;

import java.time.LocalDate;

/** Where one milestone of an area stands against its plan on a given day (R3). */
public enum MilestoneState {
    /** No planned date. */
    UNPLANNED,
    /** Planned, not yet due. */
    UPCOMING,
    /** The planned date has passed and the work is not done: the area is running late. */
    OVERDUE,
    DONE,
    /** Done, after the planned date. */
    DONE_LATE;

    public static MilestoneState of(LocalDate planned, LocalDate actual, LocalDate today) {
        if (actual != null) {
            return planned != null && actual.isAfter(planned) ? DONE_LATE : DONE;
        }
        if (planned == null) {
            return UNPLANNED;
        }
        return today.isAfter(planned) ? OVERDUE : UPCOMING;
    }
}
