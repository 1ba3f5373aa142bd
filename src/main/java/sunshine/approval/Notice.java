package sunshine.approval;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A village's public notice (R27): posted on a day for {@code periodDays} days (the last day shown is {@code until});
 * its limits may be granted from {@code grantableFrom}, the day after the period.
 */
public record Notice(
        long id,
        long bankId,
        long branchId,
        long areaId,
        String areaName,
        LocalDate postedOn,
        int periodDays,
        int termMonths,
        String supervisionPhone,
        String postedByName,
        List<Line> lines) {

    public LocalDate until() {
        return postedOn.plusDays(periodDays - 1L);
    }

    public LocalDate grantableFrom() {
        return postedOn.plusDays(periodDays);
    }

    public boolean open(LocalDate day) {
        return !day.isBefore(postedOn) && !day.isAfter(until());
    }

    /** A posted line: the household's representative and the amount as posted; status of the case now. */
    public record Line(long caseId, String name, BigDecimal amount, CaseStatus status) {}
}
