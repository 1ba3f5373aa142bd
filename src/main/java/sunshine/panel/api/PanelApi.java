package sunshine.panel.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import sunshine.panel.MemberCommand;
import sunshine.panel.Panel;
import sunshine.panel.PanelChanges;
import sunshine.panel.PanelCommand;
import sunshine.panel.PanelMember;
import sunshine.panel.PanelRoles;
import sunshine.panel.PanelSheet;
import sunshine.panel.PanelStatus;
import sunshine.panel.PanelSummary;
import sunshine.panel.Panels;
import sunshine.panel.StatusChange;

/** REST API of review panels (R12-R14): list, draft, members, areas, confirm, reopen, dissolve. */
@RestController
@RequestMapping("/api/v1/panels")
@Tag(name = "panels", description = "评议小组 Review panels (R12-R14)")
class PanelApi {

    private final Panels panels;
    private final PanelChanges changes;

    PanelApi(Panels panels, PanelChanges changes) {
        this.panels = panels;
        this.changes = changes;
    }

    @GetMapping
    @Operation(summary = "评议小组列表 Panels of the caller's scope, optionally one branch and one status")
    List<PanelSummary> list(
            @RequestParam(required = false) Long branchId, @RequestParam(required = false) PanelStatus status) {
        return panels.list(branchId, status);
    }

    @GetMapping("/{id}")
    @Operation(summary = "评议小组 A panel with its areas and members (resident IDs masked, phones public)")
    Panel get(@PathVariable long id) {
        return panels.get(id);
    }

    @GetMapping("/{id}/sheet")
    @Operation(summary = "打印用名单 The panel as the booklets print it: seats in booklet order, own households")
    PanelSheet sheet(@PathVariable long id) {
        return panels.requireSheet(id);
    }

    @GetMapping("/{id}/history")
    @Operation(summary = "状态记录 Confirmations, reopenings and dissolution, with who, when and why")
    List<StatusChange> history(@PathVariable long id) {
        return changes.history(id);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(PanelRoles.EDIT)
    @Operation(summary = "新建评议小组 Draft a panel in a branch")
    Panel create(@Valid @RequestBody PanelCommand cmd) {
        return changes.create(cmd);
    }

    @PutMapping("/{id}")
    @PreAuthorize(PanelRoles.EDIT)
    @Operation(summary = "修改评议小组 Rename a draft panel, change its kind, note or branch")
    Panel update(@PathVariable long id, @Valid @RequestBody PanelCommand cmd) {
        return changes.update(id, cmd);
    }

    @PostMapping("/{id}/members")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(PanelRoles.EDIT)
    @Operation(summary = "添加成员 Add a member or alternate; the area's own account manager is refused (R13)")
    PanelMember addMember(@PathVariable long id, @Valid @RequestBody MemberCommand cmd) {
        return changes.addMember(id, cmd);
    }

    @DeleteMapping("/{id}/members/{memberId}")
    @PreAuthorize(PanelRoles.EDIT)
    @Operation(summary = "移除成员 Remove a member from a draft panel")
    Panel removeMember(@PathVariable long id, @PathVariable long memberId) {
        return changes.removeMember(id, memberId);
    }

    record AreaRef(@NotNull Long areaId) {}

    @PostMapping("/{id}/areas")
    @PreAuthorize(PanelRoles.EDIT)
    @Operation(summary = "添加区域 Cover one more area (of the panel's branch, not covered by another live panel)")
    Panel addArea(@PathVariable long id, @Valid @RequestBody AreaRef area) {
        return changes.addArea(id, area.areaId());
    }

    @DeleteMapping("/{id}/areas/{areaId}")
    @PreAuthorize(PanelRoles.EDIT)
    @Operation(summary = "移除区域 Stop covering an area")
    Panel removeArea(@PathVariable long id, @PathVariable long areaId) {
        return changes.removeArea(id, areaId);
    }

    @PostMapping("/{id}/confirm")
    @PreAuthorize(PanelRoles.CONFIRM)
    @Operation(summary = "确认 Confirm: composition (R12) and recusal (R13) are checked; a refusal names the rule")
    Panel confirm(@PathVariable long id) {
        return changes.confirm(id);
    }

    record Reason(String reason) {}

    @PostMapping("/{id}/reopen")
    @PreAuthorize(PanelRoles.CONFIRM)
    @Operation(summary = "退回修改 Back to draft to change a confirmed panel (reason required)")
    Panel reopen(@PathVariable long id, @RequestBody Reason reason) {
        return changes.reopen(id, reason.reason());
    }

    @PostMapping("/{id}/dissolve")
    @PreAuthorize(PanelRoles.CONFIRM)
    @Operation(summary = "撤销 Dissolve a panel (reason required)")
    Panel dissolve(@PathVariable long id, @RequestBody Reason reason) {
        return changes.dissolve(id, reason.reason());
    }
}
