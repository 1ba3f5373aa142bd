package sunshine.panel.web;

import jakarta.validation.Validator;
import java.time.LocalDate;
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
import sunshine.organisation.BranchKind;
import sunshine.organisation.Branches;
import sunshine.panel.PanelRoles;
import sunshine.panel.Panels;
import sunshine.panel.TrainingCommand;
import sunshine.panel.TrainingSession;
import sunshine.panel.Trainings;
import sunshine.shared.Today;

/** Pages of training (R14): sessions with attendees, and which panels are fully trained. */
@Controller
class TrainingPages {

    private final Trainings trainings;
    private final Panels panels;
    private final Branches branches;
    private final Validator validator;

    TrainingPages(Trainings trainings, Panels panels, Branches branches, Validator validator) {
        this.trainings = trainings;
        this.panels = panels;
        this.branches = branches;
        this.validator = validator;
    }

    @GetMapping("/trainings")
    String list(@RequestParam(required = false) Long branchId, Model model) {
        model.addAttribute("sessions", trainings.list(branchId));
        model.addAttribute(
                "panels",
                panels.list(branchId, null).stream()
                        .filter(p -> p.status() != sunshine.panel.PanelStatus.DISSOLVED)
                        .toList());
        model.addAttribute(
                "branches",
                branches.tree().stream()
                        .filter(b -> b.kind() == BranchKind.BRANCH || b.kind() == BranchKind.OUTLET)
                        .toList());
        model.addAttribute("branchId", branchId);
        return "panel/trainings";
    }

    @GetMapping("/trainings/new")
    @PreAuthorize(PanelRoles.EDIT)
    String newSession(@RequestParam(required = false) Long branchId, Model model) {
        return form(model, null, branchId);
    }

    @GetMapping("/trainings/{id}")
    String show(@PathVariable long id, Model model) {
        TrainingSession s = trainings.get(id);
        return form(model, s, s.branchId());
    }

    private String form(Model model, TrainingSession session, Long branchId) {
        model.addAttribute("s", session);
        model.addAttribute("branchId", branchId);
        model.addAttribute("today", Today.date());
        model.addAttribute(
                "branches",
                branches.tree().stream()
                        .filter(b -> b.kind() == BranchKind.BRANCH || b.kind() == BranchKind.OUTLET)
                        .toList());
        model.addAttribute("candidates", branchId == null ? java.util.Map.of() : trainings.candidates(branchId));
        return "panel/training";
    }

    @PostMapping("/trainings")
    @PreAuthorize(PanelRoles.EDIT)
    String create(
            @RequestParam(required = false) Long branchId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate heldOn,
            @RequestParam(required = false) String content,
            @RequestParam(required = false) String trainer,
            @RequestParam(required = false) String place,
            @RequestParam(name = "memberId", required = false) List<Long> memberIds,
            RedirectAttributes flash) {
        TrainingCommand cmd = new TrainingCommand(branchId, heldOn, content, trainer, place, memberIds, null);
        long[] id = {0};
        boolean ok = PageActions.run(flash, validator, cmd, () -> {
            TrainingSession s = trainings.create(cmd);
            id[0] = s.id();
            return s.content();
        });
        return ok
                ? "redirect:/trainings/" + id[0]
                : "redirect:/trainings/new" + (branchId == null ? "" : "?branchId=" + branchId);
    }

    @PostMapping("/trainings/{id}")
    @PreAuthorize(PanelRoles.EDIT)
    String update(
            @PathVariable long id,
            @RequestParam(required = false) Long branchId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate heldOn,
            @RequestParam(required = false) String content,
            @RequestParam(required = false) String trainer,
            @RequestParam(required = false) String place,
            @RequestParam(name = "memberId", required = false) List<Long> memberIds,
            @RequestParam(required = false) Integer version,
            RedirectAttributes flash) {
        TrainingCommand cmd = new TrainingCommand(branchId, heldOn, content, trainer, place, memberIds, version);
        PageActions.run(flash, validator, cmd, () -> trainings.update(id, cmd).content());
        return "redirect:/trainings/" + id;
    }
}
