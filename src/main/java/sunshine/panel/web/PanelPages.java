package sunshine.panel.web;

import jakarta.validation.Validator;
import java.util.List;
import java.util.Map;
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
import sunshine.organisation.Banks;
import sunshine.organisation.Branch;
import sunshine.organisation.BranchKind;
import sunshine.organisation.Branches;
import sunshine.organisation.StaffDirectory;
import sunshine.panel.CompositionPolicy;
import sunshine.panel.Decision;
import sunshine.panel.MemberCommand;
import sunshine.panel.MemberRole;
import sunshine.panel.Panel;
import sunshine.panel.PanelChanges;
import sunshine.panel.PanelCommand;
import sunshine.panel.PanelKind;
import sunshine.panel.PanelRoles;
import sunshine.panel.PanelStatus;
import sunshine.panel.Panels;
import sunshine.shared.BusinessException;
import sunshine.shared.PageResult;
import sunshine.shared.Today;

/** Pages of review panels: the list per branch, a panel with its members and areas, confirm, the public notice. */
@Controller
class PanelPages {

    private final Panels panels;
    private final PanelChanges changes;
    private final Branches branches;
    private final Areas areas;
    private final StaffDirectory staff;
    private final Validator validator;
    private final Banks banks;

    PanelPages(
            Panels panels,
            PanelChanges changes,
            Branches branches,
            Areas areas,
            StaffDirectory staff,
            Validator validator,
            Banks banks) {
        this.banks = banks;
        this.panels = panels;
        this.changes = changes;
        this.branches = branches;
        this.areas = areas;
        this.staff = staff;
        this.validator = validator;
    }

    @GetMapping("/panels")
    String list(
            @RequestParam(required = false) Long branchId,
            @RequestParam(required = false) PanelStatus status,
            Model model) {
        model.addAttribute("panels", panels.list(branchId, status));
        model.addAttribute("branches", workingBranches());
        model.addAttribute("branchId", branchId);
        model.addAttribute("status", status);
        model.addAttribute("statuses", PanelStatus.values());
        return "panel/list";
    }

    @GetMapping("/panels/new")
    @PreAuthorize(PanelRoles.EDIT)
    String newPanel(@RequestParam(required = false) Long branchId, Model model) {
        model.addAttribute("branches", workingBranches());
        model.addAttribute("branchId", branchId);
        model.addAttribute("kinds", PanelKind.values());
        return "panel/form";
    }

    @PostMapping("/panels")
    @PreAuthorize(PanelRoles.EDIT)
    String create(
            @RequestParam(required = false) Long branchId,
            @RequestParam(required = false) PanelKind kind,
            @RequestParam(required = false) String name,
            @RequestParam(required = false) String note,
            RedirectAttributes flash) {
        PanelCommand cmd = new PanelCommand(branchId, kind, name, note, null);
        long[] id = {0};
        boolean ok = PageActions.run(flash, validator, cmd, () -> {
            Panel p = changes.create(cmd);
            id[0] = p.id();
            return p.name();
        });
        return ok
                ? "redirect:/panels/" + id[0]
                : "redirect:/panels/new" + (branchId == null ? "" : "?branchId=" + branchId);
    }

    @GetMapping("/panels/{id}")
    String show(@PathVariable long id, Model model) {
        Panel p = panels.get(id);
        model.addAttribute("p", p);
        Decision composition = CompositionPolicy.check(
                p.kind(),
                p.members().stream()
                        .map(m -> new CompositionPolicy.Seat(m.role(), m.alternate()))
                        .toList());
        model.addAttribute("composition", composition);
        if (!model.containsAttribute("memberForm")) {
            model.addAttribute(
                    "memberForm", Map.of("name", "", "role", "", "phone", "", "residentId", "", "alternate", false));
        }
        model.addAttribute("history", changes.history(id));
        model.addAttribute("roles", MemberRole.values());
        model.addAttribute("kinds", PanelKind.values());
        model.addAttribute("branches", workingBranches());
        if (p.editable()) {
            List<Long> covered = p.areas().stream().map(a -> a.areaId()).toList();
            List<Area> candidates =
                    areas.list(p.branchId(), null, null, null, "code", new PageResult.Request(0, 500)).items().stream()
                            .filter(a -> a.active() && !covered.contains(a.id()))
                            .toList();
            model.addAttribute("areaChoices", candidates);
            model.addAttribute(
                    "staffChoices",
                    staff.list(p.branchId(), null, null, "staffNo", new PageResult.Request(0, 500)).items().stream()
                            .filter(s -> s.active())
                            .toList());
        }
        return "panel/show";
    }

    @PostMapping("/panels/{id}")
    @PreAuthorize(PanelRoles.EDIT)
    String update(
            @PathVariable long id,
            @RequestParam(required = false) Long branchId,
            @RequestParam(required = false) PanelKind kind,
            @RequestParam(required = false) String name,
            @RequestParam(required = false) String note,
            @RequestParam(required = false) Integer version,
            RedirectAttributes flash) {
        PanelCommand cmd = new PanelCommand(branchId, kind, name, note, version);
        PageActions.run(flash, validator, cmd, () -> changes.update(id, cmd).name());
        return "redirect:/panels/" + id;
    }

    @PostMapping("/panels/{id}/members")
    @PreAuthorize(PanelRoles.EDIT)
    String addMember(
            @PathVariable long id,
            @RequestParam(required = false) String name,
            @RequestParam(required = false) MemberRole role,
            @RequestParam(required = false) String phone,
            @RequestParam(required = false) String residentId,
            @RequestParam(required = false) Long staffId,
            @RequestParam(defaultValue = "false") boolean alternate,
            RedirectAttributes flash) {
        MemberCommand cmd = new MemberCommand(
                name, role, phone, residentId, role == MemberRole.BANK_STAFF ? staffId : null, alternate);
        if (!PageActions.run(
                flash, validator, cmd, () -> changes.addMember(id, cmd).name())) {
            flash.addFlashAttribute(
                    "memberForm",
                    Map.of(
                            "name", nz(name),
                            "role", role == null ? "" : role.name(),
                            "phone", nz(phone),
                            "residentId", nz(residentId),
                            "alternate", alternate));
        }
        return "redirect:/panels/" + id + "#members";
    }

    @PostMapping("/panels/{id}/members/{memberId}/remove")
    @PreAuthorize(PanelRoles.EDIT)
    String removeMember(@PathVariable long id, @PathVariable long memberId, RedirectAttributes flash) {
        PageActions.run(
                flash, validator, null, () -> changes.removeMember(id, memberId).name());
        return "redirect:/panels/" + id + "#members";
    }

    @PostMapping("/panels/{id}/areas")
    @PreAuthorize(PanelRoles.EDIT)
    String addArea(@PathVariable long id, @RequestParam(required = false) Long areaId, RedirectAttributes flash) {
        if (areaId == null) {
            flash.addFlashAttribute("errorKey", "panel.error.chooseArea");
            return "redirect:/panels/" + id;
        }
        PageActions.run(
                flash, validator, null, () -> changes.addArea(id, areaId).name());
        return "redirect:/panels/" + id + "#areas";
    }

    @PostMapping("/panels/{id}/areas/{areaId}/remove")
    @PreAuthorize(PanelRoles.EDIT)
    String removeArea(@PathVariable long id, @PathVariable long areaId, RedirectAttributes flash) {
        PageActions.run(
                flash, validator, null, () -> changes.removeArea(id, areaId).name());
        return "redirect:/panels/" + id + "#areas";
    }

    @PostMapping("/panels/{id}/confirm")
    @PreAuthorize(PanelRoles.CONFIRM)
    String confirm(@PathVariable long id, RedirectAttributes flash) {
        PageActions.run(flash, validator, null, () -> changes.confirm(id).name());
        return "redirect:/panels/" + id;
    }

    @PostMapping("/panels/{id}/reopen")
    @PreAuthorize(PanelRoles.CONFIRM)
    String reopen(@PathVariable long id, @RequestParam(required = false) String reason, RedirectAttributes flash) {
        PageActions.run(flash, validator, null, () -> changes.reopen(id, reason).name());
        return "redirect:/panels/" + id;
    }

    @PostMapping("/panels/{id}/dissolve")
    @PreAuthorize(PanelRoles.CONFIRM)
    String dissolve(@PathVariable long id, @RequestParam(required = false) String reason, RedirectAttributes flash) {
        PageActions.run(
                flash, validator, null, () -> changes.dissolve(id, reason).name());
        return "redirect:/panels/" + id;
    }

    /** The public list of a confirmed panel's members with their phones (seed 000 §4.3.4), printable on A4. */
    @GetMapping("/panels/{id}/notice")
    String notice(@PathVariable long id, Model model) {
        Panel p = panels.get(id);
        if (p.status() != PanelStatus.CONFIRMED) {
            throw BusinessException.conflict("panel.error.noticeNotConfirmed", p.name());
        }
        model.addAttribute("p", p);
        model.addAttribute("branch", branches.get(p.branchId()));
        model.addAttribute("bank", banks.current());
        model.addAttribute(
                "managers",
                p.areas().stream()
                        .map(a -> a.managerId())
                        .filter(java.util.Objects::nonNull)
                        .distinct()
                        .map(staff::get)
                        .toList());
        model.addAttribute(
                "areaNames",
                String.join("、", p.areas().stream().map(a -> a.name()).toList()));
        model.addAttribute("today", Today.date());
        return "panel/notice";
    }

    private List<Branch> workingBranches() {
        return branches.tree().stream()
                .filter(b -> b.kind() == BranchKind.BRANCH || b.kind() == BranchKind.OUTLET)
                .toList();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
