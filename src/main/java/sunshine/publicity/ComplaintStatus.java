package sunshine.publicity;

import java.util.Set;

/** Where a complaint stands (R33): received, assigned to someone, followed up (investigated, answered), closed. */
public enum ComplaintStatus {
    RECEIVED,
    ASSIGNED,
    FOLLOWED_UP,
    CLOSED;

    /** A complaint is closed only after someone followed it up (R27: objections are investigated). */
    public boolean canTransitionTo(ComplaintStatus next) {
        return switch (this) {
            case RECEIVED -> next == ASSIGNED;
            case ASSIGNED -> Set.of(ASSIGNED, FOLLOWED_UP).contains(next);
            case FOLLOWED_UP -> Set.of(ASSIGNED, FOLLOWED_UP, CLOSED).contains(next);
            case CLOSED -> false;
        };
    }
}
