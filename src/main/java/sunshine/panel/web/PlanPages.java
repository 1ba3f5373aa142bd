package sunshine.panel.web;

import jakarta.validation.Validator;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import sunshine.organisation.Area;
import sunshine.organisation.Areas;
import sunshine.organisation.Branch;
import sunshine.organisation.BranchKind;
import sunshine.organisation.Branches;
import sunshine.organisation.StaffDirectory;
import sunshine.panel.Milestone;
import sunshine.panel.PanelRoles;
import sunshine.panel.Phase;
import sunshine.panel.PlanCommand;
import sunshine.panel.PlanRow;
import sunshine.panel.Plans;
import sunshine.shared.CurrentUser;
import sunshine.shared.Today;
import tools.jackson.databind.json.JsonMapper;

/** Pages of the rollout plan (R3): plan against actual per branch with a chart, late areas, an area's dates. */
@Controller
class PlanPages {

    private final Plans plans;
    private final Branches branches;
    private final Areas areas;
    private final StaffDirectory staff;
    private final Validator validator;
    private final JsonMapper json;

    PlanPages(Plans plans, Branches branches, Areas areas, StaffDirectory staff, Validator validator, JsonMapper json) {
        this.plans = plans;
        this.branches = branches;
        this.areas = areas;
        this.staff = staff;
        this.validator = validator;
        this.json = json;
    }

    /**
     * The whole bank (or a subtree with several branches): progress per branch as a bar chart. One branch: its
     * plan against actual as cumulative curves over the campaign calendar, the late areas, and every area's dates.
     */
    @GetMapping("/plans")
    String plan(@RequestParam(required = false) Long branchId, Model model) {
        CurrentUser user = CurrentUser.require();
        LocalDate today = Today.date();
        List<Branch> working = branches.tree().stream()
                .filter(b -> b.kind() == BranchKind.BRANCH)
                .toList();
        if (branchId == null && working.size() == 1) {
            branchId = working.get(0).id();
        } else if (branchId == null && !user.seesWholeBank() && working.isEmpty()) {
            branchId = user.branchId();
        }
        List<Phase> phases = plans.phases();
        model.addAttribute("branches", working);
        model.addAttribute("branchId", branchId);
        model.addAttribute("phases", phases);
        model.addAttribute("today", today);
        model.addAttribute("late", plans.late(branchId, today));
        if (branchId == null) {
            var progress = plans.progress(null, today);
            model.addAttribute("progress", progress);
            model.addAttribute("chartJson", safeJson(PlanCharts.byBranch(progress)));
            model.addAttribute("branch", null);
        } else {
            List<PlanRow> rows = plans.list(branchId, today);
            model.addAttribute("branch", branches.get(branchId));
            model.addAttribute("rows", rows);
            model.addAttribute("progress", plans.progress(branchId, today));
            model.addAttribute("chartJson", safeJson(PlanCharts.curves(rows, phases, today)));
        }
        return "panel/plan";
    }

    /** JSON for a script element: "</" is escaped so no name can close the element. */
    private String safeJson(Object value) {
        return json.writeValueAsString(value).replace("</", "<\\/");
    }

    @GetMapping("/plans/{areaId}")
    String area(@PathVariable long areaId, Model model) {
        PlanRow row = plans.get(areaId, Today.date());
        Area area = areas.get(areaId);
        model.addAttribute("row", row);
        model.addAttribute("area", area);
        model.addAttribute("milestones", Milestone.values());
        model.addAttribute("today", Today.date());
        model.addAttribute("managers", staff.accountManagers(area.branchId()));
        return "panel/plan-area";
    }

    @PostMapping("/plans/{areaId}")
    @PreAuthorize(PanelRoles.PLAN)
    String save(
            @PathVariable long areaId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate plannedRating,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate plannedGranting,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                    LocalDate plannedCertificates,
            @RequestParam(required = false) Long managerId,
            @RequestParam(required = false) String note,
            @RequestParam(required = false) Integer version,
            RedirectAttributes flash) {
        PlanCommand cmd =
                new PlanCommand(plannedRating, plannedGranting, plannedCertificates, managerId, note, version);
        PageActions.run(flash, validator, cmd, () -> plans.save(areaId, cmd).areaName());
        return "redirect:/plans/" + areaId;
    }

    @PostMapping("/plans/{areaId}/actual")
    @PreAuthorize(PanelRoles.RECORD_ACTUAL)
    String actual(
            @PathVariable long areaId,
            @RequestParam Milestone milestone,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            RedirectAttributes flash) {
        PageActions.run(
                flash,
                validator,
                null,
                () -> plans.recordActual(areaId, milestone, date).areaName());
        return "redirect:/plans/" + areaId;
    }

    @GetMapping("/plans/phases")
    @PreAuthorize(PanelRoles.CALENDAR)
    String phases(Model model) {
        model.addAttribute("phases", plans.phases());
        return "panel/phases";
    }

    @PostMapping("/plans/phases")
    @PreAuthorize(PanelRoles.CALENDAR)
    String savePhases(
            @RequestParam("startsOn") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) List<LocalDate> starts,
            @RequestParam("endsOn") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) List<LocalDate> ends,
            RedirectAttributes flash) {
        List<Phase> phases = new ArrayList<>();
        Phase.PhaseCode[] codes = Phase.PhaseCode.values();
        for (int i = 0; i < Math.min(codes.length, Math.min(starts.size(), ends.size())); i++) {
            phases.add(new Phase(codes[i], starts.get(i), ends.get(i)));
        }
        boolean ok = PageActions.run(flash, validator, null, () -> {
            plans.savePhases(phases);
            return "";
        });
        return ok ? "redirect:/plans" : "redirect:/plans/phases";
    }
}
