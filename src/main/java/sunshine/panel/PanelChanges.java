package sunshine.panel;

import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import sunshine.audit.AuditLog;
import sunshine.customer.Households;
import sunshine.customer.ResidentId;
import sunshine.organisation.Area;
import sunshine.organisation.Areas;
import sunshine.organisation.Staff;
import sunshine.organisation.StaffDirectory;
import sunshine.shared.BusinessException;
import sunshine.shared.CurrentUser;
import sunshine.shared.DataScope;

/**
 * Drafting a review panel (its members and areas) and its status transitions: confirm checks the composition
 * (R12, {@link CompositionPolicy}) and recusal (R13, {@link RecusalPolicy}); reopen and dissolve need a reason.
 * Every change is scoped to the caller's subtree, kept in the panel's history and written to the audit log.
 */
@Service
public class PanelChanges {

    private final JdbcClient jdbc;
    private final DataScope scope;
    private final AuditLog audit;
    private final Panels panels;
    private final Areas areas;
    private final StaffDirectory staff;
    private final Households households;

    PanelChanges(
            JdbcClient jdbc,
            DataScope scope,
            AuditLog audit,
            Panels panels,
            Areas areas,
            StaffDirectory staff,
            Households households) {
        this.jdbc = jdbc;
        this.scope = scope;
        this.audit = audit;
        this.panels = panels;
        this.areas = areas;
        this.staff = staff;
        this.households = households;
    }

    @Transactional
    public Panel create(PanelCommand cmd) {
        scope.requireBranch(cmd.branchId());
        CurrentUser user = scope.user();
        long id = jdbc.sql("""
                insert into panel (bank_id, branch_id, kind, name, note, created_by)
                values (:bank, :branch, :kind, :name, :note, :by) returning id""")
                .param("bank", user.bankId())
                .param("branch", cmd.branchId())
                .param("kind", cmd.kind().name())
                .param("name", cmd.name().trim())
                .param("note", blankToNull(cmd.note()))
                .param("by", user.staffId())
                .query(Long.class)
                .single();
        history(id, null, PanelStatus.DRAFT, null);
        Panel created = panels.get(id);
        audit.record("CREATE", "panel", id, null, created);
        return created;
    }

    /** Renames a draft panel, changes its kind or note, or moves it to another branch of the caller's scope. */
    @Transactional
    public Panel update(long id, PanelCommand cmd) {
        Panel before = requireDraft(id);
        String path = scope.requireBranch(cmd.branchId());
        for (PanelArea a : before.areas()) {
            requireAreaUnder(areas.get(a.areaId()), path);
        }
        int n = jdbc.sql("""
                update panel set branch_id = :branch, kind = :kind, name = :name, note = :note,
                       version = version + 1, updated_at = now()
                 where id = :id and version = :version""")
                .param("branch", cmd.branchId())
                .param("kind", cmd.kind().name())
                .param("name", cmd.name().trim())
                .param("note", blankToNull(cmd.note()))
                .param("id", id)
                .param("version", cmd.version() == null ? before.version() : cmd.version())
                .update();
        if (n == 0) {
            throw BusinessException.conflict("error.staleVersion");
        }
        Panel after = panels.get(id);
        audit.record("UPDATE", "panel", id, before, after);
        return after;
    }

    /** Adds a member or alternate to a draft panel; the area's own account manager is refused (R13). */
    @Transactional
    public PanelMember addMember(long panelId, MemberCommand cmd) {
        Panel panel = requireDraft(panelId);
        String name = cmd.name() == null ? "" : cmd.name().trim();
        String phone = blankToNull(cmd.phone());
        Long staffId = null;
        if (cmd.role() == MemberRole.BANK_STAFF) {
            if (cmd.staffId() == null) {
                throw new BusinessException("panel.error.staffRequired");
            }
            Staff s = staff.get(cmd.staffId());
            if (!s.active()) {
                throw new BusinessException("panel.error.staffInactive", s.name());
            }
            staffId = s.id();
            name = name.isEmpty() ? s.name() : name;
            phone = phone == null ? s.phone() : phone;
        } else if (cmd.staffId() != null) {
            throw new BusinessException("panel.error.staffIsBankStaff");
        }
        if (name.isEmpty()) {
            throw new BusinessException("panel.error.nameRequired");
        }
        RecusalPolicy.check(name, staffId == null ? managerByPhone(phone, panel.areas()) : staffId, panel.areas())
                .orThrow();
        String residentId = null;
        if (cmd.residentId() != null && !cmd.residentId().isBlank()) {
            ResidentId.Parsed parsed = ResidentId.parse(cmd.residentId());
            if (!parsed.valid()) {
                throw new BusinessException(parsed.problem().messageKey, cmd.residentId());
            }
            residentId = parsed.id().value();
        }
        requireNewPerson(panelId, name, staffId, residentId);
        Long household = households.householdOfResident(residentId).orElse(null);
        long memberId = jdbc.sql("""
                insert into panel_member (panel_id, bank_id, seat, name, role, phone, resident_id, household_id,
                                          staff_id, alternate)
                values (:p, :bank, 100000, :name, :role, :phone, :rid, :household, :staff, :alt) returning id""")
                .param("p", panelId)
                .param("bank", panel.bankId())
                .param("name", name)
                .param("role", cmd.role().name())
                .param("phone", phone)
                .param("rid", residentId)
                .param("household", household)
                .param("staff", staffId)
                .param("alt", cmd.isAlternate())
                .query(Long.class)
                .single();
        renumber(panelId);
        touch(panelId);
        PanelMember added = panels.members(panelId).stream()
                .filter(m -> m.id() == memberId)
                .findFirst()
                .orElseThrow();
        audit.record("ADD_MEMBER", "panel", panelId, null, added);
        return added;
    }

    @Transactional
    public Panel removeMember(long panelId, long memberId) {
        Panel before = requireDraft(panelId);
        PanelMember member = before.members().stream()
                .filter(m -> m.id() == memberId)
                .findFirst()
                .orElseThrow(() -> new sunshine.shared.NotFoundException("panel_member", memberId));
        jdbc.sql("delete from panel_member where id = :m and panel_id = :p")
                .param("m", memberId)
                .param("p", panelId)
                .update();
        renumber(panelId);
        touch(panelId);
        audit.record("REMOVE_MEMBER", "panel", panelId, member, null);
        return panels.get(panelId);
    }

    /** Adds an area of the panel's branch subtree, not yet covered by another live panel, whose manager is not on it. */
    @Transactional
    public Panel addArea(long panelId, long areaId) {
        Panel panel = requireDraft(panelId);
        Area area = areas.get(areaId);
        requireAreaUnder(area, scope.requireBranch(panel.branchId()));
        if (panel.areas().stream().anyMatch(a -> a.areaId() == areaId)) {
            return panel;
        }
        requireAreaFree(panelId, area);
        PanelArea added = new PanelArea(area.id(), area.name(), area.managerId(), area.managerName());
        for (PanelMember m : panel.members()) {
            Long staffId = m.staffId() == null ? managerByPhone(m.phone(), List.of(added)) : m.staffId();
            RecusalPolicy.check(m.name(), staffId, List.of(added)).orThrow();
        }
        jdbc.sql("insert into panel_area (panel_id, bank_id, area_id) values (:p, :bank, :a)")
                .param("p", panelId)
                .param("bank", panel.bankId())
                .param("a", areaId)
                .update();
        touch(panelId);
        audit.record("ADD_AREA", "panel", panelId, null, added);
        return panels.get(panelId);
    }

    @Transactional
    public Panel removeArea(long panelId, long areaId) {
        requireDraft(panelId);
        int n = jdbc.sql("delete from panel_area where panel_id = :p and area_id = :a")
                .param("p", panelId)
                .param("a", areaId)
                .update();
        if (n == 0) {
            throw new sunshine.shared.NotFoundException("panel_area", areaId);
        }
        touch(panelId);
        audit.record("REMOVE_AREA", "panel", panelId, Map.of("areaId", areaId), null);
        return panels.get(panelId);
    }

    /** R12, R13: a draft with areas whose members pass the composition and recusal rules becomes confirmed. */
    @Transactional
    public Panel confirm(long panelId) {
        Panel panel = requireDraft(panelId);
        if (panel.areas().isEmpty()) {
            throw new BusinessException("panel.rule.noAreas");
        }
        CompositionPolicy.check(
                        panel.kind(),
                        panel.members().stream()
                                .map(m -> new CompositionPolicy.Seat(m.role(), m.alternate()))
                                .toList())
                .orThrow();
        for (PanelMember m : panel.members()) {
            Long staffId = m.staffId() == null ? managerByPhone(m.phone(), panel.areas()) : m.staffId();
            RecusalPolicy.check(m.name(), staffId, panel.areas()).orThrow();
        }
        for (PanelArea a : panel.areas()) {
            requireAreaFree(panelId, areas.get(a.areaId()));
        }
        refreshHouseholds(panelId);
        return transition(panel, PanelStatus.CONFIRMED, null);
    }

    /** A confirmed panel back to draft, to change it (a member left, an area was added); the reason is kept. */
    @Transactional
    public Panel reopen(long panelId, String reason) {
        return transition(panels.get(panelId), PanelStatus.DRAFT, requireReason(reason));
    }

    @Transactional
    public Panel dissolve(long panelId, String reason) {
        return transition(panels.get(panelId), PanelStatus.DISSOLVED, requireReason(reason));
    }

    @Transactional(readOnly = true)
    public List<StatusChange> history(long panelId) {
        panels.get(panelId);
        return jdbc.sql("select from_status, to_status, reason, actor_name, at from panel_history"
                        + " where panel_id = :p order by at, id")
                .param("p", panelId)
                .query((rs, n) -> new StatusChange(
                        rs.getString(1) == null ? null : PanelStatus.valueOf(rs.getString(1)),
                        PanelStatus.valueOf(rs.getString(2)),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getTimestamp(5).toInstant()))
                .list();
    }

    private Panel transition(Panel before, PanelStatus next, String reason) {
        if (!before.status().canTransitionTo(next)) {
            throw BusinessException.conflict("panel.error.transition", before.status(), next);
        }
        CurrentUser user = scope.user();
        boolean confirming = next == PanelStatus.CONFIRMED;
        int n = jdbc.sql("""
                update panel set status = :next, version = version + 1, updated_at = now(),
                       confirmed_at = case when :confirming then now() else confirmed_at end,
                       confirmed_by = case when :confirming then :by else confirmed_by end
                 where id = :id and status = :current""")
                .param("next", next.name())
                .param("confirming", confirming)
                .param("by", user.staffId())
                .param("id", before.id())
                .param("current", before.status().name())
                .update();
        if (n == 0) {
            throw BusinessException.conflict("error.staleVersion");
        }
        history(before.id(), before.status(), next, reason);
        Panel after = panels.get(before.id());
        Map<String, Object> change = new LinkedHashMap<>();
        change.put("status", next);
        change.put("reason", reason);
        audit.record(
                switch (next) {
                    case CONFIRMED -> "CONFIRM";
                    case DRAFT -> "REOPEN";
                    case DISSOLVED -> "DISSOLVE";
                },
                "panel",
                before.id(),
                Map.of("status", before.status()),
                change);
        return after;
    }

    private Panel requireDraft(long panelId) {
        Panel p = panels.get(panelId);
        if (!p.editable()) {
            throw BusinessException.conflict("panel.error.notDraft", p.name());
        }
        return p;
    }

    private void requireAreaUnder(Area area, String branchPath) {
        String areaPath = jdbc.sql("select path from branch where id = :b")
                .param("b", area.branchId())
                .query(String.class)
                .single();
        if (!areaPath.startsWith(branchPath)) {
            throw new BusinessException("panel.error.areaOutsideBranch", area.name());
        }
    }

    /**
     * R13 also when the manager is entered by hand rather than chosen as bank staff: a member whose phone is the
     * phone of a covered area's manager is taken to be that manager.
     */
    private Long managerByPhone(String phone, List<PanelArea> covered) {
        if (phone == null || phone.isBlank()) {
            return null;
        }
        List<Long> managers = covered.stream()
                .map(PanelArea::managerId)
                .filter(java.util.Objects::nonNull)
                .toList();
        if (managers.isEmpty()) {
            return null;
        }
        return jdbc.sql("select id from staff where id in (:ids) and phone = :phone limit 1")
                .param("ids", managers)
                .param("phone", phone.trim())
                .query(Long.class)
                .optional()
                .orElse(null);
    }

    /** One live panel per area: its households are reviewed once, in one set of booklets (R12, R16). */
    private void requireAreaFree(long panelId, Area area) {
        Optional<String> other = jdbc.sql("""
                select p.name from panel_area pa join panel p on p.id = pa.panel_id
                 where pa.area_id = :a and p.id <> :p and p.status <> 'DISSOLVED' limit 1""")
                .param("a", area.id())
                .param("p", panelId)
                .query(String.class)
                .optional();
        if (other.isPresent()) {
            throw new BusinessException("panel.error.areaTaken", area.name(), other.get());
        }
    }

    private void requireNewPerson(long panelId, String name, Long staffId, String residentId) {
        boolean taken = jdbc.sql("""
                select exists(select 1 from panel_member where panel_id = :p
                   and (staff_id = :staff or resident_id = :rid))""")
                .param("p", panelId)
                .param("staff", staffId)
                .param("rid", residentId)
                .query(Boolean.class)
                .single();
        if (taken) {
            throw new BusinessException("panel.error.duplicateMember", name);
        }
    }

    /** Members filed after they joined get their household now (R13). */
    private void refreshHouseholds(long panelId) {
        List<Object[]> rows = jdbc.sql(
                        "select id, resident_id from panel_member where panel_id = :p and resident_id is not null")
                .param("p", panelId)
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2)})
                .list();
        for (Object[] r : rows) {
            jdbc.sql("update panel_member set household_id = :h where id = :id")
                    .param("h", households.householdOfResident((String) r[1]).orElse(null))
                    .param("id", r[0])
                    .update();
        }
    }

    /** Regular members take seats 1..n in the order they joined, alternates the seats after them. */
    private void renumber(long panelId) {
        jdbc.sql("""
                update panel_member m set seat = r.n
                  from (select id, row_number() over (order by alternate, seat, id) as n
                          from panel_member where panel_id = :p) r
                 where m.id = r.id and m.seat <> r.n""").param("p", panelId).update();
    }

    private void touch(long panelId) {
        jdbc.sql("update panel set version = version + 1, updated_at = now() where id = :p")
                .param("p", panelId)
                .update();
    }

    private void history(long panelId, PanelStatus from, PanelStatus to, String reason) {
        CurrentUser user = scope.user();
        jdbc.sql("""
                insert into panel_history (panel_id, from_status, to_status, reason, actor_id, actor_name, at)
                values (:p, :from, :to, :reason, :actor, :name, :at)""")
                .param("p", panelId)
                .param("from", from == null ? null : from.name())
                .param("to", to.name())
                .param("reason", reason)
                .param("actor", user.staffId())
                .param("name", user.name())
                .param("at", Timestamp.from(java.time.Instant.now()))
                .update();
    }

    private static String requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new BusinessException("panel.error.reasonRequired");
        }
        return reason.trim().length() > 300 ? reason.trim().substring(0, 300) : reason.trim();
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
