package sunshine.panel;

import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import java.util.List;

/** One phase of the bank's campaign calendar (R3). */
public record Phase(
        @NotNull PhaseCode code,
        @NotNull LocalDate startsOn,
        @NotNull LocalDate endsOn) {

    /** The phases of seed 003 (§5): filing, panel review, entry and aggregation, checks, platform and CRM import. */
    public enum PhaseCode {
        FILING,
        PANEL_REVIEW,
        ENTRY_AGGREGATION,
        CHECKS,
        PLATFORM_IMPORT
    }

    /** Seed 003's calendar in the given year: 7/25-9/15, 9/16-10/15, 10/16-10/31, 11/1-11/10, 11/11-11/15. */
    public static List<Phase> seed003(int year) {
        return List.of(
                new Phase(PhaseCode.FILING, LocalDate.of(year, 7, 25), LocalDate.of(year, 9, 15)),
                new Phase(PhaseCode.PANEL_REVIEW, LocalDate.of(year, 9, 16), LocalDate.of(year, 10, 15)),
                new Phase(PhaseCode.ENTRY_AGGREGATION, LocalDate.of(year, 10, 16), LocalDate.of(year, 10, 31)),
                new Phase(PhaseCode.CHECKS, LocalDate.of(year, 11, 1), LocalDate.of(year, 11, 10)),
                new Phase(PhaseCode.PLATFORM_IMPORT, LocalDate.of(year, 11, 11), LocalDate.of(year, 11, 15)));
    }

    public boolean contains(LocalDate day) {
        return !day.isBefore(startsOn) && !day.isAfter(endsOn);
    }
}
