package sunshine.approval;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import sunshine.audit.AuditLog;
import sunshine.publicity.NoticeMode;
import sunshine.publicity.PublishedTerms;
import sunshine.publicity.TermsVersion;
import sunshine.shared.BusinessException;
import sunshine.shared.CurrentUser;
import sunshine.shared.DataScope;
import sunshine.shared.Today;

/**
 * The public notice per village (R27, PUBLIC mode): the cases that passed the chain are posted for the bank's period
 * (at least five days) and may be granted from the day after it; objections raised during the period withdraw the
 * line until they are closed as keep (approved again), revise (back into the chain) or remove.
 */
@Service
public class Notices {

    private static final Set<String> VIA = Set.of("VISIT", "PHONE", "LETTER", "PUBLIC_PAGE");
    private static final String NOTICE = """
            select n.*, a.name as area_name from approval_notice n join area a on a.id = n.area_id
              join branch b on b.id = n.branch_id
            """;

    private final JdbcClient jdbc;
    private final DataScope scope;
    private final ApprovalCases cases;
    private final ApprovalSettings settings;
    private final ApprovalEvents events;
    private final PublishedTerms terms;
    private final AuditLog audit;

    Notices(
            JdbcClient jdbc,
            DataScope scope,
            ApprovalCases cases,
            ApprovalSettings settings,
            ApprovalEvents events,
            PublishedTerms terms,
            AuditLog audit) {
        this.jdbc = jdbc;
        this.scope = scope;
        this.cases = cases;
        this.settings = settings;
        this.events = events;
        this.terms = terms;
        this.audit = audit;
    }

    /** Posts the area's notice over every case waiting for it; each line's limit is grantable after the period. */
    @Transactional
    public Notice post(long areaId, LocalDate postedOn) {
        cases.requireArea(areaId);
        CurrentUser user = scope.user();
        Settings s = settings.of(user.bankId());
        if (s.mode() != NoticeMode.PUBLIC) {
            throw new BusinessException("approval.error.notPublic");
        }
        LocalDate today = Today.date();
        if (postedOn == null || postedOn.isAfter(today) || postedOn.isBefore(today.minusDays(7))) {
            throw new BusinessException("approval.error.postedOn", today.minusDays(7), today);
        }
        List<ApprovalCase> waiting = cases.ofArea(areaId).stream()
                .filter(c -> c.status() == CaseStatus.AWAITING_NOTICE)
                .toList();
        if (waiting.isEmpty()) {
            throw new BusinessException("approval.error.nothingToPost");
        }
        if (waiting.stream().anyMatch(c -> c.approvedOn() != null && postedOn.isBefore(c.approvedOn()))) {
            throw new BusinessException("approval.error.postedBeforeApproval");
        }
        String phone = terms.inForce(user.bankId(), postedOn)
                .map(TermsVersion::supervisionPhone)
                .orElse(null);
        long id = jdbc.sql("""
                insert into approval_notice (bank_id, branch_id, area_id, posted_on, period_days, term_months,
                                             supervision_phone, posted_by, posted_by_name)
                select a.bank_id, a.branch_id, a.id, :on, :days, :months, :phone, :by, :name from area a where a.id = :a
                returning id""")
                .param("on", postedOn)
                .param("days", s.noticeDays())
                .param("months", s.termMonths())
                .param("phone", phone)
                .param("by", user.staffId())
                .param("name", user.name())
                .param("a", areaId)
                .query(Long.class)
                .single();
        LocalDate grantable = postedOn.plusDays(s.noticeDays()); // R27: not before the full period has passed
        for (ApprovalCase c : waiting) {
            jdbc.sql("insert into approval_notice_line (notice_id, case_id, household_name, amount)"
                            + " values (:n, :c, :name, :amount)")
                    .param("n", id)
                    .param("c", c.id())
                    .param("name", c.householdName())
                    .param("amount", c.amount())
                    .update();
            int changed = jdbc.sql("""
                    update approval_case set status = 'APPROVED', notice_id = :n, grantable_from = :from,
                           updated_at = now(), version = version + 1
                     where id = :c and version = :v and status = 'AWAITING_NOTICE'""")
                    .param("n", id)
                    .param("from", grantable)
                    .param("c", c.id())
                    .param("v", c.version())
                    .update();
            if (changed != 1) {
                throw BusinessException.conflict("approval.error.stale", c.householdName());
            }
            events.approved(c.id(), true);
        }
        Notice notice = get(id);
        audit.record("POST_NOTICE", "approval_notice", id, null, notice);
        return notice;
    }

    @Transactional(readOnly = true)
    public Notice get(long id) {
        return jdbc.sql(NOTICE + " where n.id = :id and " + scope.condition("b"))
                .params(scope.params())
                .param("id", id)
                .query((rs, n) -> map(rs))
                .optional()
                .orElseThrow(() -> scope.notFound("approval_notice", "approval_notice", id));
    }

    @Transactional(readOnly = true)
    public List<Notice> ofArea(long areaId) {
        cases.requireArea(areaId);
        return jdbc.sql(NOTICE + " where n.area_id = :a order by n.posted_on desc, n.id desc")
                .param("a", areaId)
                .query((rs, n) -> map(rs))
                .list();
    }

    /** The notice in its period for the area on the day (unscoped: the public page asks for its own area). */
    @Transactional(readOnly = true)
    public java.util.Optional<Notice> openOn(long areaId, LocalDate day) {
        return jdbc.sql(NOTICE + " where n.area_id = :a and n.posted_on <= :d and n.posted_on + n.period_days > :d"
                        + " order by n.posted_on desc, n.id desc limit 1")
                .param("a", areaId)
                .param("d", day)
                .query((rs, n) -> map(rs))
                .optional();
    }

    /** Records an objection to a line during the notice period: the line's limit is withdrawn until it is closed. */
    @Transactional
    public Objection object(long noticeId, ObjectionCommand cmd) {
        Notice notice = get(noticeId);
        CurrentUser user = scope.user();
        Notice.Line line = notice.lines().stream()
                .filter(l -> l.caseId() == cmd.caseId())
                .findFirst()
                .orElseThrow(() -> new BusinessException("approval.error.notOnNotice"));
        if (cmd.receivedOn() == null
                || !notice.open(cmd.receivedOn())
                || cmd.receivedOn().isAfter(Today.date())) {
            throw new BusinessException("approval.error.outsidePeriod", notice.postedOn(), notice.until());
        }
        if (blank(cmd.objector(), 50) || blank(cmd.content(), 2000) || !VIA.contains(cmd.receivedVia())) {
            throw new BusinessException("approval.error.objectionFields");
        }
        ApprovalCase c = cases.get(line.caseId());
        if (c.status() != CaseStatus.APPROVED && c.status() != CaseStatus.OBJECTED) {
            throw new BusinessException("approval.error.lineClosed", c.householdName());
        }
        long id = jdbc.sql("""
                insert into approval_objection (bank_id, branch_id, notice_id, case_id, objector, received_via, content,
                                                received_on, recorded_by)
                values (:bank, :branch, :n, :c, :who, :via, :what, :on, :by) returning id""")
                .param("bank", notice.bankId())
                .param("branch", notice.branchId())
                .param("n", noticeId)
                .param("c", c.id())
                .param("who", cmd.objector().strip())
                .param("via", cmd.receivedVia())
                .param("what", cmd.content().strip())
                .param("on", cmd.receivedOn())
                .param("by", user.staffId())
                .query(Long.class)
                .single();
        if (c.status() == CaseStatus.APPROVED) {
            setStatus(c, CaseStatus.OBJECTED, null, c.pass());
            events.withdrawn(c.bankId(), c.householdId(), c.id(), "OBJECTION_OPEN");
        }
        Objection o = objection(id);
        audit.record("OBJECTION", "approval_objection", id, null, o);
        return o;
    }

    /**
     * An objection raised on the area's public page (issue 10 point 4): recorded against the line of the notice in its
     * period today, received via PUBLIC_PAGE, by no staff member but naming the complaint it came from; the line's
     * limit is withdrawn as for any objection. Unscoped (the public page has no signed-in user): the caller has
     * resolved the area from the page's token. Empty when no notice of the area is open today or the line no longer
     * stands (approved or under objection).
     */
    @Transactional
    Optional<Objection> objectFromPublic(long areaId, long caseId, String objector, String content, long complaintId) {
        Optional<Notice> open = openOn(areaId, Today.date());
        Optional<Notice.Line> line = open.flatMap(n -> n.lines().stream()
                .filter(l -> l.caseId() == caseId)
                .filter(l -> l.status() == CaseStatus.APPROVED || l.status() == CaseStatus.OBJECTED)
                .findFirst());
        String who = objector == null ? "" : objector.strip(); // empty: anonymous, shown by the complaint's number
        if (line.isEmpty() || who.length() > 50 || blank(content, 2000)) {
            return Optional.empty();
        }
        Notice notice = open.get();
        long id = jdbc.sql("""
                insert into approval_objection (bank_id, branch_id, notice_id, case_id, objector, received_via, content,
                                                received_on, complaint_id)
                values (:bank, :branch, :n, :c, :who, 'PUBLIC_PAGE', :what, :on, :complaint) returning id""")
                .param("bank", notice.bankId())
                .param("branch", notice.branchId())
                .param("n", notice.id())
                .param("c", caseId)
                .param("who", who)
                .param("what", content.strip())
                .param("on", Today.date())
                .param("complaint", complaintId)
                .query(Long.class)
                .single();
        // R27: the line's limit is withdrawn until the objection is closed (as Notices.object does for staff)
        jdbc.sql("""
                update approval_case set status = 'OBJECTED', stage = null, updated_at = now(), version = version + 1
                 where id = :c and status = 'APPROVED' returning household_id""")
                .param("c", caseId)
                .query(Long.class)
                .optional()
                .ifPresent(household -> events.withdrawn(notice.bankId(), household, caseId, "OBJECTION_OPEN"));
        Objection o = jdbc.sql(OBJECTION + " where o.id = :id")
                .param("id", id)
                .query((rs, n) -> objection(rs))
                .single();
        audit.record(notice.bankId(), null, "public", "OBJECTION", "approval_objection", id, null, o);
        return Optional.of(o);
    }

    /** Objection outcomes (R27). */
    public enum Outcome {
        KEEP,
        REVISE,
        REMOVE
    }

    /**
     * Takes up the investigation of a recorded objection (R27): who, when, and what they will look into. The line stays
     * withdrawn; the objection is then closed with {@link #close}.
     */
    @Transactional
    public Objection investigate(long objectionId, String note, int version) {
        Objection o = objection(objectionId);
        CurrentUser user = scope.user();
        if (o.version() != version || !"OPEN".equals(o.status())) {
            throw BusinessException.conflict("approval.error.stale", o.householdName());
        }
        if (blank(note, 2000)) {
            throw new BusinessException("approval.error.investigationNote");
        }
        int changed = jdbc.sql("""
                update approval_objection set status = 'INVESTIGATING', investigated_by = :by,
                       investigated_by_name = :name, investigated_at = now(), investigation_note = :note,
                       version = version + 1 where id = :id and version = :v and status = 'OPEN'""")
                .param("by", user.staffId())
                .param("name", user.name())
                .param("note", note.strip())
                .param("id", objectionId)
                .param("v", version)
                .update();
        if (changed != 1) {
            throw BusinessException.conflict("approval.error.stale", o.householdName());
        }
        Objection taken = objection(objectionId);
        audit.record("INVESTIGATE_OBJECTION", "approval_objection", objectionId, o, taken);
        return taken;
    }

    /**
     * Closes an objection after investigation (from INVESTIGATING, or straight from OPEN when the investigation was
     * done at once): KEEP approves the line again (when no other objection is open), REVISE
     * sends the case back into the chain at {@code reviseAt}, REMOVE takes the household off the list.
     */
    @Transactional
    public Objection close(long objectionId, Outcome outcome, String note, int version, Stage reviseAt) {
        Objection o = objection(objectionId);
        CurrentUser user = scope.user();
        if (o.version() != version || !o.pending()) {
            throw BusinessException.conflict("approval.error.stale", o.householdName());
        }
        if (outcome == null || blank(note, 2000)) {
            throw new BusinessException("approval.error.outcome");
        }
        ApprovalCase c = cases.get(o.caseId());
        Chain chain = settings.chain(c.bankId());
        if (outcome == Outcome.REVISE
                && (reviseAt == null || chain.find(reviseAt).isEmpty())) {
            throw new BusinessException("approval.error.referTo");
        }
        String status = switch (outcome) {
            case KEEP -> "KEPT";
            case REVISE -> "REVISED";
            case REMOVE -> "REMOVED";
        };
        int closedRows = jdbc.sql("""
                update approval_objection set status = :s, outcome = :note, closed_by = :by, closed_at = now(),
                       version = version + 1 where id = :id and version = :v and status in ('OPEN', 'INVESTIGATING')""")
                .param("s", status)
                .param("note", note.strip())
                .param("by", user.staffId())
                .param("id", objectionId)
                .param("v", version)
                .update();
        if (closedRows != 1) {
            throw BusinessException.conflict("approval.error.stale", o.householdName());
        }
        switch (outcome) {
            case KEEP -> {
                if (openObjections(c.id()) == 0 && c.status() == CaseStatus.OBJECTED) {
                    setStatus(c, CaseStatus.APPROVED, null, c.pass());
                    events.approved(c.id(), true);
                }
            }
            case REVISE -> {
                closeOthers(c.id(), "REVISED", user.staffId());
                setStatus(c, CaseStatus.IN_CHAIN, reviseAt, c.pass() + 1);
                events.withdrawn(c.bankId(), c.householdId(), c.id(), "REFERRED_BACK");
            }
            case REMOVE -> {
                closeOthers(c.id(), "REMOVED", user.staffId());
                setStatus(c, CaseStatus.REMOVED, null, c.pass());
                events.withdrawn(c.bankId(), c.householdId(), c.id(), "REMOVED");
            }
        }
        Objection closed = objection(objectionId);
        audit.record("CLOSE_OBJECTION_" + outcome, "approval_objection", objectionId, o, closed);
        return closed;
    }

    @Transactional(readOnly = true)
    public List<Objection> objections(long noticeId) {
        get(noticeId);
        return jdbc.sql(OBJECTION + " where o.notice_id = :n order by o.id")
                .param("n", noticeId)
                .query((rs, n) -> objection(rs))
                .list();
    }

    @Transactional(readOnly = true)
    public Objection objection(long id) {
        return jdbc.sql(OBJECTION + " join branch b on b.id = o.branch_id where o.id = :id and " + scope.condition("b"))
                .params(scope.params())
                .param("id", id)
                .query((rs, n) -> objection(rs))
                .optional()
                .orElseThrow(() -> scope.notFound("approval_objection", "approval_objection", id));
    }

    private static final String OBJECTION = """
            select o.*, l.household_name from approval_objection o
              join approval_notice_line l on l.notice_id = o.notice_id and l.case_id = o.case_id
            """;

    private long openObjections(long caseId) {
        return jdbc.sql(
                        "select count(*) from approval_objection where case_id = :c and status in ('OPEN', 'INVESTIGATING')")
                .param("c", caseId)
                .query(Long.class)
                .single();
    }

    private void closeOthers(long caseId, String status, long by) {
        jdbc.sql("""
                update approval_objection set status = :s, outcome = coalesce(outcome, '-'), closed_by = :by,
                       closed_at = now(), version = version + 1 where case_id = :c and status in ('OPEN', 'INVESTIGATING')""").param("s", status).param("by", by).param("c", caseId).update();
    }

    private void setStatus(ApprovalCase c, CaseStatus status, Stage stage, int pass) {
        int changed = jdbc.sql("""
                update approval_case set status = :s, stage = :stage, pass = :pass, updated_at = now(),
                       version = version + 1 where id = :id and version = :v""")
                .param("s", status.name())
                .param("stage", stage == null ? null : stage.name())
                .param("pass", pass)
                .param("id", c.id())
                .param("v", c.version())
                .update();
        if (changed != 1) {
            throw BusinessException.conflict("approval.error.stale", c.householdName());
        }
    }

    private static boolean blank(String s, int max) {
        return s == null || s.isBlank() || s.strip().length() > max;
    }

    private Notice map(java.sql.ResultSet rs) throws java.sql.SQLException {
        long id = rs.getLong("id");
        List<Notice.Line> lines = jdbc.sql("""
                select l.case_id, l.household_name, l.amount, c.status from approval_notice_line l
                  join approval_case c on c.id = l.case_id where l.notice_id = :n order by l.household_name, l.case_id""")
                .param("n", id)
                .query((r, i) -> new Notice.Line(
                        r.getLong(1), r.getString(2), r.getBigDecimal(3), CaseStatus.valueOf(r.getString(4))))
                .list();
        return new Notice(
                id,
                rs.getLong("bank_id"),
                rs.getLong("branch_id"),
                rs.getLong("area_id"),
                rs.getString("area_name"),
                rs.getObject("posted_on", LocalDate.class),
                rs.getInt("period_days"),
                rs.getInt("term_months"),
                rs.getString("supervision_phone"),
                rs.getString("posted_by_name"),
                lines);
    }

    private static Objection objection(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Objection(
                rs.getLong("id"),
                rs.getLong("notice_id"),
                rs.getLong("case_id"),
                rs.getString("household_name"),
                rs.getString("objector"),
                rs.getString("received_via"),
                rs.getString("content"),
                rs.getObject("received_on", LocalDate.class),
                rs.getString("status"),
                rs.getString("outcome"),
                rs.getString("investigated_by_name"),
                rs.getObject("investigated_at", java.time.OffsetDateTime.class),
                rs.getString("investigation_note"),
                rs.getInt("version"),
                (Long) rs.getObject("complaint_id"));
    }
}
