package sunshine.publicity;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Extension point for the public notice of proposed amounts (R27), to be implemented by the approval module. The
 * public page asks it only when the bank's policy is {@link NoticeMode#PUBLIC}; in INTERNAL mode it is never asked
 * and no amount ever appears on the page. Until an implementation exists the page has no notice section.
 */
public interface PublicNoticeSection {

    /** The notice posted for the area on the day, if one is in its notice period. */
    Optional<Notice> noticeFor(long areaId, LocalDate day);

    /**
     * An objection raised on the area's public page about one line of the notice open today (issue 10 point 4):
     * entered into the notice's objections, naming the complaint that carried it. Returns the name objected to, or
     * empty when no notice of the area is open today or the line no longer stands. A null {@code objector} is an
     * anonymous member of the public: the objection is then known by the complaint's reference number.
     */
    default Optional<String> objectFromPublic(
            long areaId, long lineKey, String objector, String content, long complaintId) {
        return Optional.empty();
    }

    /** What the page shows: the period, and one line per household as the notice allows (no ID, no phone). */
    record Notice(LocalDate from, LocalDate until, List<Line> lines) {}

    /**
     * A line as posted: name, amount, the term in months (the bank's setting when the notice was posted, shown through
     * the message key {@code public.noticeMonths}); {@code key} names the line when the public objects to it.
     */
    record Line(String name, String amount, int termMonths, long key) {}
}
