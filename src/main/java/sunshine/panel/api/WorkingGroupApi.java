package sunshine.panel.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import sunshine.panel.PanelRoles;
import sunshine.panel.WorkingGroup;
import sunshine.panel.WorkingGroupCommand;
import sunshine.panel.WorkingGroups;

/** REST API of the branches' working groups (R1). */
@RestController
@RequestMapping("/api/v1/working-groups")
@Tag(name = "working-groups", description = "工作小组 Working groups (R1)")
class WorkingGroupApi {

    private final WorkingGroups groups;

    WorkingGroupApi(WorkingGroups groups) {
        this.groups = groups;
    }

    @GetMapping
    @Operation(summary = "工作小组 The working group of every branch in the caller's scope")
    List<WorkingGroup> list() {
        return groups.list();
    }

    @GetMapping("/{branchId}")
    WorkingGroup get(@PathVariable long branchId) {
        return groups.get(branchId);
    }

    @PutMapping("/{branchId}")
    @PreAuthorize(PanelRoles.PLAN)
    @Operation(summary = "设置工作小组 Replace a branch's working group: one leader, deputies, members from its staff")
    WorkingGroup save(@PathVariable long branchId, @Valid @RequestBody WorkingGroupCommand cmd) {
        return groups.save(branchId, cmd);
    }
}
