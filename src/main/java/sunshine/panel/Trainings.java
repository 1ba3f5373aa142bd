package sunshine.panel;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import sunshine.audit.AuditLog;
import sunshine.shared.BusinessException;
import sunshine.shared.DataScope;
import sunshine.shared.Today;

/**
 * Training of panel members (R14, seed 000 §4.3.5, seed 003 §5.2.1): each session with its date, content, trainer
 * and attendees. A panel shows whether all its members were trained ({@link Panel#allTrained()}).
 */
@Service
public class Trainings {

    private final JdbcClient jdbc;
    private final DataScope scope;
    private final AuditLog audit;

    Trainings(JdbcClient jdbc, DataScope scope, AuditLog audit) {
        this.jdbc = jdbc;
        this.scope = scope;
        this.audit = audit;
    }

    /** Sessions of the caller's scope (or one branch's subtree), the latest first. */
    @Transactional(readOnly = true)
    public List<TrainingSession> list(Long branchId) {
        StringBuilder where = new StringBuilder(" where " + scope.condition("b"));
        Map<String, Object> params = new HashMap<>(scope.params());
        if (branchId != null) {
            where.append(" and b.path like :sub");
            params.put("sub", scope.requireBranch(branchId) + "%");
        }
        return sessions(where + " order by t.held_on desc, t.id desc", params);
    }

    @Transactional(readOnly = true)
    public TrainingSession get(long id) {
        return find(id).orElseThrow(() -> scope.notFound("training_session", "training_session", id));
    }

    Optional<TrainingSession> find(long id) {
        Map<String, Object> params = new HashMap<>(scope.params());
        params.put("id", id);
        return sessions(" where t.id = :id and " + scope.condition("b"), params).stream()
                .findFirst();
    }

    private List<TrainingSession> sessions(String where, Map<String, Object> params) {
        Map<Long, TrainingSession> byId = new LinkedHashMap<>();
        jdbc.sql("select t.*, b.name as branch_name from training_session t join branch b on b.id = t.branch_id"
                        + where)
                .params(params)
                .query((rs, n) -> new TrainingSession(
                        rs.getLong("id"),
                        rs.getLong("branch_id"),
                        rs.getString("branch_name"),
                        rs.getDate("held_on").toLocalDate(),
                        rs.getString("content"),
                        rs.getString("trainer"),
                        rs.getString("place"),
                        rs.getInt("version"),
                        new ArrayList<>()))
                .list()
                .forEach(s -> byId.put(s.id(), s));
        if (!byId.isEmpty()) {
            jdbc.sql("""
                    select a.session_id, m.id, m.name, p.id, p.name from training_attendee a
                      join panel_member m on m.id = a.member_id join panel p on p.id = m.panel_id
                     where a.session_id in (:ids) order by p.name, m.seat""").param("ids", List.copyOf(byId.keySet())).query(rs -> {
                byId.get(rs.getLong(1))
                        .attendees()
                        .add(new TrainingSession.Attendee(
                                rs.getLong(2), rs.getString(3), rs.getLong(4), rs.getString(5)));
            });
        }
        return List.copyOf(byId.values());
    }

    @Transactional
    public TrainingSession create(TrainingCommand cmd) {
        String path = scope.requireBranch(cmd.branchId());
        check(cmd, path);
        long id = jdbc.sql("""
                insert into training_session (bank_id, branch_id, held_on, content, trainer, place, created_by)
                values (:bank, :branch, :day, :content, :trainer, :place, :by) returning id""")
                .param("bank", scope.user().bankId())
                .param("branch", cmd.branchId())
                .param("day", cmd.heldOn())
                .param("content", cmd.content().trim())
                .param("trainer", cmd.trainer().trim())
                .param("place", PanelChanges.blankToNull(cmd.place()))
                .param("by", scope.user().staffId())
                .query(Long.class)
                .single();
        writeAttendees(id, cmd.memberIds());
        TrainingSession created = get(id);
        audit.record("CREATE", "training_session", id, null, created);
        return created;
    }

    @Transactional
    public TrainingSession update(long id, TrainingCommand cmd) {
        TrainingSession before = get(id);
        String path = scope.requireBranch(cmd.branchId());
        check(cmd, path);
        int n = jdbc.sql("""
                update training_session set branch_id = :branch, held_on = :day, content = :content,
                       trainer = :trainer, place = :place, version = version + 1
                 where id = :id and version = :version""")
                .param("branch", cmd.branchId())
                .param("day", cmd.heldOn())
                .param("content", cmd.content().trim())
                .param("trainer", cmd.trainer().trim())
                .param("place", PanelChanges.blankToNull(cmd.place()))
                .param("id", id)
                .param("version", cmd.version() == null ? before.version() : cmd.version())
                .update();
        if (n == 0) {
            throw BusinessException.conflict("error.staleVersion");
        }
        writeAttendees(id, cmd.memberIds());
        TrainingSession after = get(id);
        audit.record("UPDATE", "training_session", id, before, after);
        return after;
    }

    /** Panel members of live panels in the branch's subtree, by panel: whom a session there may list as attendees. */
    @Transactional(readOnly = true)
    public Map<String, List<TrainingSession.Attendee>> candidates(long branchId) {
        String path = scope.requireBranch(branchId);
        Map<String, List<TrainingSession.Attendee>> byPanel = new LinkedHashMap<>();
        jdbc.sql("""
                select m.id, m.name, p.id, p.name from panel_member m join panel p on p.id = m.panel_id
                  join branch b on b.id = p.branch_id
                 where p.status <> 'DISSOLVED' and b.path like :sub and p.bank_id = :bank
                 order by p.name, p.id, m.seat""")
                .param("sub", path + "%")
                .param("bank", scope.user().bankId())
                .query((rs, n) ->
                        new TrainingSession.Attendee(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4)))
                .list()
                .forEach(a -> byPanel.computeIfAbsent(a.panelName(), k -> new ArrayList<>())
                        .add(a));
        return byPanel;
    }

    private void check(TrainingCommand cmd, String branchPath) {
        if (cmd.heldOn().isAfter(Today.date())) {
            throw new BusinessException("training.error.future", cmd.heldOn());
        }
        Set<Long> ids = new LinkedHashSet<>(cmd.memberIds() == null ? List.of() : cmd.memberIds());
        if (ids.isEmpty()) {
            return;
        }
        long known = jdbc.sql("""
                select count(*) from panel_member m join panel p on p.id = m.panel_id join branch b on b.id = p.branch_id
                 where m.id in (:ids) and p.bank_id = :bank and b.path like :sub""")
                .param("ids", List.copyOf(ids))
                .param("bank", scope.user().bankId())
                .param("sub", branchPath + "%")
                .query(Long.class)
                .single();
        if (known != ids.size()) {
            throw new BusinessException("training.error.member");
        }
    }

    private void writeAttendees(long sessionId, List<Long> memberIds) {
        jdbc.sql("delete from training_attendee where session_id = :s")
                .param("s", sessionId)
                .update();
        for (Long m : new LinkedHashSet<>(memberIds == null ? List.<Long>of() : memberIds)) {
            jdbc.sql("insert into training_attendee (session_id, member_id) values (:s, :m)")
                    .param("s", sessionId)
                    .param("m", m)
                    .update();
        }
    }
}
