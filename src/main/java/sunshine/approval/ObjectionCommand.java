package sunshine.approval;

import java.time.LocalDate;

/** An objection as recorded by staff: which line, who, how received (VISIT, PHONE, LETTER, PUBLIC_PAGE), what, when. */
public record ObjectionCommand(
        long caseId, String objector, String receivedVia, String content, LocalDate receivedOn) {}
