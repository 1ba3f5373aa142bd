package sunshine.panel.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import sunshine.panel.BranchProgress;
import sunshine.panel.Milestone;
import sunshine.panel.PanelRoles;
import sunshine.panel.Phase;
import sunshine.panel.PlanCommand;
import sunshine.panel.PlanRow;
import sunshine.panel.Plans;
import sunshine.shared.Today;

/** REST API of the rollout plan (R3): planned and actual dates per area, late areas, progress, the calendar. */
@RestController
@RequestMapping("/api/v1/plans")
@Tag(name = "plans", description = "工作配档表 Rollout plan (R3)")
class PlanApi {

    private final Plans plans;

    PlanApi(Plans plans) {
        this.plans = plans;
    }

    @GetMapping
    @Operation(summary = "工作配档表 Every area of the scope (or one branch) with planned and actual dates")
    List<PlanRow> list(
            @RequestParam(required = false) Long branchId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate today) {
        return plans.list(branchId, today == null ? Today.date() : today);
    }

    @GetMapping("/late")
    @Operation(summary = "进度滞后的区域 Areas running late: a planned date passed, the work not done")
    List<PlanRow> late(
            @RequestParam(required = false) Long branchId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate today) {
        return plans.late(branchId, today == null ? Today.date() : today);
    }

    @GetMapping("/progress")
    @Operation(summary = "计划与实际 Plan against actual per branch")
    List<BranchProgress> progress(
            @RequestParam(required = false) Long branchId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate today) {
        return plans.progress(branchId, today == null ? Today.date() : today);
    }

    @GetMapping("/{areaId}")
    PlanRow get(@PathVariable long areaId) {
        return plans.get(areaId, Today.date());
    }

    @PutMapping("/{areaId}")
    @PreAuthorize(PanelRoles.PLAN)
    @Operation(summary = "设置计划 Planned dates and responsible account manager of an area")
    PlanRow save(@PathVariable long areaId, @Valid @RequestBody PlanCommand cmd) {
        return plans.save(areaId, cmd);
    }

    record Actual(@NotNull Milestone milestone, LocalDate date) {}

    @PostMapping("/{areaId}/actual")
    @PreAuthorize(PanelRoles.RECORD_ACTUAL)
    @Operation(summary = "登记实际日期 Record the day a milestone was done (no date: clear it)")
    PlanRow actual(@PathVariable long areaId, @Valid @RequestBody Actual actual) {
        return plans.recordActual(areaId, actual.milestone(), actual.date());
    }

    @GetMapping("/phases")
    @Operation(summary = "工作阶段 The bank's campaign calendar (seed 003's five phases by default)")
    List<Phase> phases() {
        return plans.phases();
    }

    @PutMapping("/phases")
    @PreAuthorize(PanelRoles.CALENDAR)
    @Operation(summary = "设置工作阶段 Set the bank's campaign calendar")
    List<Phase> savePhases(@Valid @RequestBody List<@Valid Phase> phases) {
        return plans.savePhases(phases);
    }
}
