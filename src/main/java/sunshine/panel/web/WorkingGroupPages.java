package sunshine.panel.web;

import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import sunshine.panel.GroupPosition;
import sunshine.panel.PanelRoles;
import sunshine.panel.WorkingGroupCommand;
import sunshine.panel.WorkingGroups;

/** Pages of the branches' working groups (R1): the list, one group (printable), and its edit form. */
@Controller
class WorkingGroupPages {

    private final WorkingGroups groups;
    private final Validator validator;

    WorkingGroupPages(WorkingGroups groups, Validator validator) {
        this.groups = groups;
        this.validator = validator;
    }

    @GetMapping("/working-groups")
    String list(Model model) {
        model.addAttribute("groups", groups.list());
        return "panel/groups";
    }

    @GetMapping("/working-groups/{branchId}")
    String show(@PathVariable long branchId, Model model) {
        model.addAttribute("group", groups.get(branchId));
        model.addAttribute("positions", GroupPosition.values());
        return "panel/group";
    }

    @GetMapping("/working-groups/{branchId}/edit")
    @PreAuthorize(PanelRoles.PLAN)
    String edit(@PathVariable long branchId, Model model) {
        model.addAttribute("group", groups.proposal(branchId));
        model.addAttribute("positions", GroupPosition.values());
        return "panel/group-form";
    }

    /** One row per staff member: {@code staffId}, {@code position} (blank: not in the group) and {@code duty}. */
    @PostMapping("/working-groups/{branchId}")
    @PreAuthorize(PanelRoles.PLAN)
    String save(
            @PathVariable long branchId,
            @RequestParam(name = "staffId", required = false) List<Long> staffIds,
            @RequestParam(name = "position", required = false) List<String> positions,
            @RequestParam(name = "duty", required = false) List<String> duties,
            RedirectAttributes flash) {
        List<WorkingGroupCommand.Entry> entries = new ArrayList<>();
        int n = staffIds == null ? 0 : staffIds.size();
        for (int i = 0; i < n; i++) {
            String position = positions != null && i < positions.size() ? positions.get(i) : "";
            if (position != null && !position.isBlank()) {
                entries.add(new WorkingGroupCommand.Entry(
                        staffIds.get(i),
                        GroupPosition.valueOf(position),
                        duties != null && i < duties.size() ? duties.get(i) : null));
            }
        }
        WorkingGroupCommand cmd = new WorkingGroupCommand(entries);
        boolean ok = PageActions.run(
                flash, validator, cmd, () -> groups.save(branchId, cmd).branchName());
        return ok ? "redirect:/working-groups/" + branchId : "redirect:/working-groups/" + branchId + "/edit";
    }
}
