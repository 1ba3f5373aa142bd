package sunshine.panel;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import sunshine.audit.AuditLog;
import sunshine.organisation.Area;
import sunshine.organisation.AreaCommand;
import sunshine.organisation.Areas;
import sunshine.shared.BusinessException;
import sunshine.shared.DataScope;
import sunshine.shared.Today;

/**
 * The rollout plan (工作配档表, R3): per area the planned dates of rating, credit granting and certificate issuance
 * and the responsible account manager (the area's own, so recusal R13 and the plan name the same person); the
 * actual dates as the work happens; which areas run late; and the bank's campaign calendar (seed 003 by default).
 */
@Service
public class Plans {

    private final JdbcClient jdbc;
    private final DataScope scope;
    private final AuditLog audit;
    private final Areas areas;

    Plans(JdbcClient jdbc, DataScope scope, AuditLog audit, Areas areas) {
        this.jdbc = jdbc;
        this.scope = scope;
        this.audit = audit;
        this.areas = areas;
    }

    /** Every active area of the caller's scope (or one branch's subtree) with its plan, as it stands on {@code today}. */
    @Transactional(readOnly = true)
    public List<PlanRow> list(Long branchId, LocalDate today) {
        StringBuilder where = new StringBuilder(" where a.active and " + scope.condition("b"));
        Map<String, Object> params = new HashMap<>(scope.params());
        if (branchId != null) {
            where.append(" and b.path like :sub");
            params.put("sub", scope.requireBranch(branchId) + "%");
        }
        // by branch code (B01, B01-01, B02 …) rather than tree path: the order people know their branches in
        return query(where + " order by b.code, a.division_code nulls last, a.name, a.id", params, today);
    }

    /** The areas running late (a planned date passed, the work not done), the latest first. */
    @Transactional(readOnly = true)
    public List<PlanRow> late(Long branchId, LocalDate today) {
        return list(branchId, today).stream()
                .filter(PlanRow::late)
                .sorted(Comparator.comparingInt(PlanRow::daysLate).reversed().thenComparing(PlanRow::areaName))
                .toList();
    }

    @Transactional(readOnly = true)
    public PlanRow get(long areaId, LocalDate today) {
        areas.get(areaId);
        Map<String, Object> params = new HashMap<>(scope.params());
        params.put("area", areaId);
        return query(" where a.id = :area and " + scope.condition("b"), params, today)
                .get(0);
    }

    /** Plan against actual per branch: areas, planned, late, on track, finished (R3). */
    @Transactional(readOnly = true)
    public List<BranchProgress> progress(Long branchId, LocalDate today) {
        Map<Long, List<PlanRow>> byBranch = new LinkedHashMap<>();
        List<PlanRow> rows = list(branchId, today);
        rows.forEach(r ->
                byBranch.computeIfAbsent(r.branchId(), k -> new ArrayList<>()).add(r));
        List<BranchProgress> result = new ArrayList<>();
        for (List<PlanRow> group : byBranch.values()) {
            int planned = (int) group.stream().filter(PlanRow::planned).count();
            int late = (int) group.stream().filter(PlanRow::late).count();
            int finished = (int) group.stream().filter(PlanRow::finished).count();
            result.add(new BranchProgress(
                    group.get(0).branchId(),
                    group.get(0).branchName(),
                    group.size(),
                    planned,
                    late,
                    (int) group.stream().filter(r -> r.planned() && !r.late()).count(),
                    finished));
        }
        return result;
    }

    private List<PlanRow> query(String where, Map<String, Object> params, LocalDate today) {
        return jdbc.sql("""
                select a.id, a.name, a.kind, a.branch_id, b.name as branch_name, a.manager_id, s.name as manager_name,
                       p.planned_rating, p.planned_granting, p.planned_certificates,
                       p.actual_rating, p.actual_granting, p.actual_certificates, p.note, coalesce(p.version, 0) as version
                  from area a join branch b on b.id = a.branch_id left join staff s on s.id = a.manager_id
                  left join rollout_plan p on p.area_id = a.id""" + where)
                .params(params)
                .query((rs, n) -> PlanRow.of(
                        rs.getLong("id"),
                        rs.getString("name"),
                        rs.getString("kind"),
                        rs.getLong("branch_id"),
                        rs.getString("branch_name"),
                        (Long) rs.getObject("manager_id"),
                        rs.getString("manager_name"),
                        new LocalDate[] {
                            day(rs.getDate("planned_rating")),
                            day(rs.getDate("planned_granting")),
                            day(rs.getDate("planned_certificates"))
                        },
                        new LocalDate[] {
                            day(rs.getDate("actual_rating")),
                            day(rs.getDate("actual_granting")),
                            day(rs.getDate("actual_certificates"))
                        },
                        rs.getString("note"),
                        rs.getInt("version"),
                        today))
                .list();
    }

    /**
     * Sets an area's planned dates (rating, then granting, then certificates: each not before the one before it)
     * and, when given and different, its responsible account manager (changed on the area itself).
     */
    @Transactional
    public PlanRow save(long areaId, PlanCommand cmd) {
        Area area = areas.get(areaId);
        LocalDate today = Today.date();
        PlanRow before = get(areaId, today);
        requireOrder(cmd.plannedRating(), cmd.plannedGranting(), cmd.plannedCertificates());
        if (cmd.managerId() != null && !cmd.managerId().equals(area.managerId())) {
            areas.update(
                    areaId,
                    new AreaCommand(
                            area.branchId(),
                            area.kind(),
                            area.divisionCode(),
                            area.townshipName(),
                            area.name(),
                            cmd.managerId(),
                            area.actualHouseholds(),
                            area.businessHouseholds(),
                            area.loanCertCount(),
                            area.loanCertAmount(),
                            area.badLoanCount(),
                            area.badLoanAmount(),
                            area.version()));
        }
        int version = cmd.version() == null ? before.version() : cmd.version();
        int n = jdbc.sql("""
                insert into rollout_plan (area_id, bank_id, planned_rating, planned_granting, planned_certificates, note,
                                          updated_by)
                values (:area, :bank, :rating, :granting, :certs, :note, :by)
                on conflict (area_id) do update set planned_rating = excluded.planned_rating,
                       planned_granting = excluded.planned_granting, planned_certificates = excluded.planned_certificates,
                       note = excluded.note, updated_by = excluded.updated_by, updated_at = now(),
                       version = rollout_plan.version + 1
                 where rollout_plan.version = :version""")
                .param("area", areaId)
                .param("bank", area.bankId())
                .param("rating", cmd.plannedRating())
                .param("granting", cmd.plannedGranting())
                .param("certs", cmd.plannedCertificates())
                .param("note", PanelChanges.blankToNull(cmd.note()))
                .param("by", scope.user().staffId())
                .param("version", version)
                .update();
        if (n == 0) {
            throw BusinessException.conflict("error.staleVersion");
        }
        PlanRow after = get(areaId, today);
        audit.record("PLAN", "area", areaId, dates(before), dates(after));
        return after;
    }

    /** Records (or, with no date, clears) the day a milestone was actually done; never a day in the future. */
    @Transactional
    public PlanRow recordActual(long areaId, Milestone milestone, LocalDate day) {
        Area area = areas.get(areaId);
        LocalDate today = Today.date();
        if (day != null && day.isAfter(today)) {
            throw new BusinessException("plan.error.actualInFuture", day);
        }
        PlanRow before = get(areaId, today);
        // the column names come from the enum, never from the request
        jdbc.sql("insert into rollout_plan (area_id, bank_id, " + milestone.actualColumn + ", updated_by)"
                        + " values (:area, :bank, :day, :by) on conflict (area_id) do update set "
                        + milestone.actualColumn + " = excluded." + milestone.actualColumn
                        + ", updated_by = excluded.updated_by, updated_at = now(), version = rollout_plan.version + 1")
                .param("area", areaId)
                .param("bank", area.bankId())
                .param("day", day)
                .param("by", scope.user().staffId())
                .update();
        PlanRow after = get(areaId, today);
        audit.record("RECORD_ACTUAL", "area", areaId, dates(before), dates(after));
        return after;
    }

    /** The caller's bank's campaign calendar; seed 003's five phases in the current year until the bank sets its own. */
    @Transactional(readOnly = true)
    public List<Phase> phases() {
        List<Phase> stored = jdbc.sql(
                        "select code, starts_on, ends_on from campaign_phase where bank_id = :b order by position")
                .param("b", scope.user().bankId())
                .query((rs, n) -> new Phase(
                        Phase.PhaseCode.valueOf(rs.getString(1)),
                        rs.getDate(2).toLocalDate(),
                        rs.getDate(3).toLocalDate()))
                .list();
        return stored.isEmpty() ? Phase.seed003(Today.date().getYear()) : stored;
    }

    /** Sets the bank's calendar: the five phases in order, each ending on or after its start, none overlapping. */
    @Transactional
    public List<Phase> savePhases(List<Phase> phases) {
        List<Phase> before = phases();
        if (phases.size() != Phase.PhaseCode.values().length) {
            throw new BusinessException("plan.error.phases");
        }
        for (int i = 0; i < phases.size(); i++) {
            Phase p = phases.get(i);
            if (p.code() != Phase.PhaseCode.values()[i]) {
                throw new BusinessException("plan.error.phases");
            }
            if (p.endsOn().isBefore(p.startsOn())) {
                throw new BusinessException("plan.error.phaseEnds", p.code());
            }
            if (i > 0 && !p.startsOn().isAfter(phases.get(i - 1).endsOn())) {
                throw new BusinessException(
                        "plan.error.phaseOverlap", phases.get(i - 1).code(), p.code());
            }
        }
        long bank = scope.user().bankId();
        jdbc.sql("delete from campaign_phase where bank_id = :b")
                .param("b", bank)
                .update();
        for (int i = 0; i < phases.size(); i++) {
            Phase p = phases.get(i);
            jdbc.sql(
                            "insert into campaign_phase (bank_id, position, code, starts_on, ends_on) values (:b, :i, :c, :s, :e)")
                    .param("b", bank)
                    .param("i", i + 1)
                    .param("c", p.code().name())
                    .param("s", p.startsOn())
                    .param("e", p.endsOn())
                    .update();
        }
        audit.record("SET_CALENDAR", "campaign_phase", bank, before, phases);
        return phases();
    }

    private static void requireOrder(LocalDate rating, LocalDate granting, LocalDate certificates) {
        List<LocalDate> given = new ArrayList<>();
        for (LocalDate d : new LocalDate[] {rating, granting, certificates}) {
            if (d != null) {
                given.add(d);
            }
        }
        for (int i = 1; i < given.size(); i++) {
            if (given.get(i).isBefore(given.get(i - 1))) {
                throw new BusinessException("plan.error.order");
            }
        }
    }

    private static Map<String, Object> dates(PlanRow r) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (Milestone ms : Milestone.values()) {
            m.put("planned" + ms.name(), Objects.toString(r.planned(ms), null));
            m.put("actual" + ms.name(), Objects.toString(r.actual(ms), null));
        }
        m.put("managerId", r.managerId());
        return m;
    }

    private static LocalDate day(Date d) {
        return d == null ? null : d.toLocalDate();
    }
}
