package sunshine.publicity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import sunshine.audit.AuditLog;
import sunshine.organisation.Area;
import sunshine.organisation.Areas;
import sunshine.organisation.Staff;
import sunshine.organisation.StaffDirectory;
import sunshine.shared.BusinessException;
import sunshine.shared.CurrentUser;
import sunshine.shared.DataScope;

/**
 * The complaint log (R33): complaints and objections from the public page or the supervision phone, each owned by
 * the branch of its area, worked by staff step by step (received, assigned, followed up, closed), read and changed
 * only within the caller's bank and branch subtree.
 */
@Service
public class Complaints {

    private static final String SELECT = """
            select c.*, b.name as branch_name, a.name as area_name, s.name as assignee_name
              from complaint c join branch b on b.id = c.branch_id left join area a on a.id = c.area_id
              left join staff s on s.id = c.assignee_id
            """;

    private final JdbcClient jdbc;
    private final DataScope scope;
    private final AuditLog audit;
    private final Areas areas;
    private final StaffDirectory staff;
    private final List<PublicNoticeSection> notices;

    Complaints(
            JdbcClient jdbc,
            DataScope scope,
            AuditLog audit,
            Areas areas,
            StaffDirectory staff,
            List<PublicNoticeSection> notices) {
        this.jdbc = jdbc;
        this.scope = scope;
        this.audit = audit;
        this.areas = areas;
        this.staff = staff;
        this.notices = notices;
    }

    /** From the public page (no signed-in user): the area is the one behind the page's token. */
    @Transactional
    public long receivePublic(PublicArea area, ComplaintCommand cmd) {
        return receivePublic(area, cmd, null).id();
    }

    /** What the public page tells the caller: the complaint's number, and the name objected to when it went on. */
    public record Receipt(long id, String objectedName) {}

    /**
     * From the public page (no signed-in user). An objection about a line of the village's notice open today
     * ({@code aboutLine} from {@link PublicNoticeSection.Line#key()}) also enters that notice's objections (R27), in
     * the same transaction; any other complaint stays in the log only (R33).
     */
    @Transactional
    public Receipt receivePublic(PublicArea area, ComplaintCommand cmd, Long aboutLine) {
        check(cmd);
        long id = insert(area.bankId(), area.branchId(), area.areaId(), "PUBLIC_PAGE", cmd, null);
        audit.record(area.bankId(), null, "public", "RECEIVE", "complaint", id, null, Map.of("area", area.areaId()));
        if (aboutLine == null || !"OBJECTION".equals(cmd.kind())) {
            return new Receipt(id, null);
        }
        String objector =
                cmd.name() == null || cmd.name().isBlank() ? null : cmd.name().strip(); // null: anonymous
        Optional<String> about = notices.stream()
                .map(n -> n.objectFromPublic(area.areaId(), aboutLine, objector, cmd.content(), id))
                .flatMap(Optional::stream)
                .findFirst();
        about.ifPresent(name -> jdbc.sql("update complaint set notice_line_name = :n where id = :id")
                .param("n", name)
                .param("id", id)
                .update());
        return new Receipt(id, about.orElse(null));
    }

    /** Taken on the supervision phone by staff; the area must be within the caller's scope. */
    @Transactional
    public Complaint receiveByPhone(ComplaintCommand cmd) {
        Area area = areas.get(cmd.areaId());
        check(cmd);
        long id = insert(
                area.bankId(),
                area.branchId(),
                area.id(),
                "PHONE",
                cmd,
                scope.user().staffId());
        Complaint c = get(id);
        audit.record("RECEIVE", "complaint", id, null, c.status());
        return c;
    }

    /** The form's rules, for callers that did not validate the command (the public page, page forms). */
    static void check(ComplaintCommand cmd) {
        boolean ok = cmd.kind() != null
                && cmd.kind().matches("OBJECTION|COMPLAINT")
                && cmd.phone() != null
                && cmd.phone().strip().matches("[0-9+\\- ]{7,20}")
                && cmd.content() != null
                && !cmd.content().isBlank()
                && cmd.content().length() <= 2000
                && (cmd.name() == null || cmd.name().length() <= 50);
        if (!ok) {
            throw new BusinessException("complaint.error.fields");
        }
    }

    private long insert(long bank, long branch, long area, String channel, ComplaintCommand cmd, Long staffId) {
        long id = jdbc.sql("""
                insert into complaint (bank_id, branch_id, area_id, channel, kind, name, phone, content)
                values (:bank, :branch, :area, :channel, :kind, :name, :phone, :content) returning id""")
                .param("bank", bank)
                .param("branch", branch)
                .param("area", area)
                .param("channel", channel)
                .param("kind", cmd.kind())
                .param(
                        "name",
                        cmd.name() == null || cmd.name().isBlank()
                                ? null
                                : cmd.name().strip())
                .param("phone", cmd.phone().strip())
                .param("content", cmd.content().strip())
                .query(Long.class)
                .single();
        jdbc.sql("insert into complaint_step (complaint_id, status, staff_id) values (:c, 'RECEIVED', :s)")
                .param("c", id)
                .param("s", staffId)
                .update();
        return id;
    }

    /** The log of the caller's scope, optionally one status, the newest first (at most 500). */
    @Transactional(readOnly = true)
    public List<Complaint> list(ComplaintStatus status) {
        Map<String, Object> params = new HashMap<>(scope.params());
        String where = " where " + scope.condition("b");
        if (status != null) {
            where += " and c.status = :status";
            params.put("status", status.name());
        }
        return jdbc.sql(SELECT + where + " order by c.received_at desc, c.id desc limit 500")
                .params(params)
                .query((rs, n) -> map(rs, List.of()))
                .list();
    }

    /** One complaint with its steps, or 404 (audited when outside the caller's scope). */
    @Transactional(readOnly = true)
    public Complaint get(long id) {
        return find(id).orElseThrow(() -> scope.notFound("complaint", "complaint", id));
    }

    private Optional<Complaint> find(long id) {
        return jdbc.sql(SELECT + " where c.id = :id and " + scope.condition("b"))
                .params(scope.params())
                .param("id", id)
                .query((rs, n) -> map(rs, steps(id)))
                .optional();
    }

    /** Assign, follow up or close (R33); a follow-up and a closing need a note saying what was found and done. */
    @Transactional
    public Complaint step(long id, ComplaintStep step) {
        Complaint before = get(id);
        if (!before.status().canTransitionTo(step.status())) {
            throw BusinessException.conflict("complaint.error.transition", before.status(), step.status());
        }
        Long assignee = before.assigneeId();
        if (step.status() == ComplaintStatus.ASSIGNED) {
            if (step.assigneeId() == null) {
                throw new BusinessException("complaint.error.assignee");
            }
            Staff s = staff.get(step.assigneeId());
            if (!s.active()) {
                throw new BusinessException("complaint.error.assignee");
            }
            assignee = s.id();
        } else if (step.note() == null || step.note().isBlank()) {
            throw new BusinessException("complaint.error.note");
        }
        int n = jdbc.sql("""
                update complaint set status = :status, assignee_id = :assignee, version = version + 1,
                       closed_at = case when :status = 'CLOSED' then now() else null end
                 where id = :id and version = :version""")
                .param("status", step.status().name())
                .param("assignee", assignee)
                .param("id", id)
                .param("version", before.version())
                .update();
        if (n == 0) {
            throw BusinessException.conflict("error.staleVersion");
        }
        CurrentUser user = scope.user();
        jdbc.sql("""
                insert into complaint_step (complaint_id, status, note, staff_id, assignee_id)
                values (:c, :status, :note, :staff, :assignee)""")
                .param("c", id)
                .param("status", step.status().name())
                .param(
                        "note",
                        step.note() == null || step.note().isBlank()
                                ? null
                                : step.note().strip())
                .param("staff", user.staffId() > 0 ? user.staffId() : null)
                .param("assignee", step.status() == ComplaintStatus.ASSIGNED ? assignee : null)
                .update();
        Complaint after = get(id);
        audit.record("COMPLAINT_" + step.status().name(), "complaint", id, before.status(), after.status());
        return after;
    }

    private List<Complaint.Step> steps(long id) {
        return jdbc.sql("""
                select t.status, t.note, s.name, a.name, t.at from complaint_step t
                  left join staff s on s.id = t.staff_id left join staff a on a.id = t.assignee_id
                 where t.complaint_id = :c order by t.id""")
                .param("c", id)
                .query((rs, n) -> new Complaint.Step(
                        ComplaintStatus.valueOf(rs.getString(1)),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getTimestamp(5).toInstant()))
                .list();
    }

    private static Complaint map(ResultSet rs, List<Complaint.Step> steps) throws SQLException {
        Timestamp closed = rs.getTimestamp("closed_at");
        return new Complaint(
                rs.getLong("id"),
                rs.getLong("bank_id"),
                rs.getLong("branch_id"),
                rs.getString("branch_name"),
                (Long) rs.getObject("area_id"),
                rs.getString("area_name"),
                rs.getString("channel"),
                rs.getString("kind"),
                rs.getString("name"),
                rs.getString("phone"),
                rs.getString("content"),
                ComplaintStatus.valueOf(rs.getString("status")),
                (Long) rs.getObject("assignee_id"),
                rs.getString("assignee_name"),
                rs.getTimestamp("received_at").toInstant(),
                closed == null ? null : closed.toInstant(),
                rs.getInt("version"),
                rs.getString("notice_line_name"),
                steps);
    }
}
