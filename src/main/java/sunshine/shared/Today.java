package sunshine.shared;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The bank's business date: the calendar day in China (Asia/Shanghai), whatever zone the server runs in. Every
 * business rule that counts days (notice periods R27, terms and expiry R28, deadlines, "as of today" figures)
 * asks here, never {@code LocalDate.now()} or SQL {@code current_date}. Audit timestamps stay on the real clock.
 *
 * <p>The demo generator and the browser tests move the business date to play a campaign that spans weeks
 * (post a notice, grant after the period has passed); nothing in the application itself moves it.
 */
public final class Today {

    /** The zone of every Chinese bank's business day. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private static volatile Clock clock = Clock.system(ZONE);

    private Today() {}

    /** The business date now. */
    public static LocalDate date() {
        return LocalDate.now(clock);
    }

    /**
     * Moves the business date by whole days from the real clock (0 puts it back). For the demo generator and
     * tests only; callers put it back in a {@code finally}.
     */
    public static void shiftDays(int days) {
        clock = days == 0 ? Clock.system(ZONE) : Clock.offset(Clock.system(ZONE), Duration.ofDays(days));
    }
}
