package sunshine.approval;

import java.text.DecimalFormat;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import sunshine.publicity.NoticeMode;
import sunshine.publicity.PublicNoticeSection;
import sunshine.publicity.PublishedTerms;
import sunshine.shared.Today;

/**
 * The notice section of an area's public page (R27, issue 10): in PUBLIC mode during the period, the posted lines still
 * standing (approved or under objection): name, amount and term; never an ID or a phone. In INTERNAL mode nothing.
 * An objection the public raises there about a line enters the notice's objections.
 */
@Component
class PublicNotice implements PublicNoticeSection {

    private final Notices notices;
    private final PublishedTerms terms;

    PublicNotice(Notices notices, PublishedTerms terms) {
        this.notices = notices;
        this.terms = terms;
    }

    @Override
    public Optional<PublicNoticeSection.Notice> noticeFor(long areaId, LocalDate day) {
        return notices.openOn(areaId, day)
                .filter(n -> terms.noticeMode(n.bankId()) == NoticeMode.PUBLIC)
                .map(n -> new PublicNoticeSection.Notice(n.postedOn(), n.until(), lines(n)));
    }

    /** R27 and R33: an objection from the public page enters the notice's objections (PUBLIC mode only). */
    @Override
    public Optional<String> objectFromPublic(
            long areaId, long lineKey, String objector, String content, long complaintId) {
        return notices.openOn(areaId, Today.date())
                .filter(n -> terms.noticeMode(n.bankId()) == NoticeMode.PUBLIC)
                .flatMap(n -> notices.objectFromPublic(areaId, lineKey, objector, content, complaintId))
                .map(Objection::householdName);
    }

    private static List<PublicNoticeSection.Line> lines(sunshine.approval.Notice n) {
        DecimalFormat money = new DecimalFormat("#,##0.00");
        return n.lines().stream()
                .filter(l -> l.status() == CaseStatus.APPROVED || l.status() == CaseStatus.OBJECTED)
                .map(l -> new PublicNoticeSection.Line(l.name(), money.format(l.amount()), n.termMonths(), l.caseId()))
                .toList();
    }
}
