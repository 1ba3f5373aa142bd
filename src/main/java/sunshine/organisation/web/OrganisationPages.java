package sunshine.organisation.web;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.Validator;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import sunshine.organisation.Branch;
import sunshine.organisation.BranchKind;
import sunshine.organisation.Branches;
import sunshine.organisation.Department;
import sunshine.shared.web.Forms;

/** Pages of the branch tree: see it, add a department, branch or outlet, edit, move, deactivate. */
@Controller
class OrganisationPages {

    private final Branches branches;
    private final Validator validator;

    OrganisationPages(Branches branches, Validator validator) {
        this.branches = branches;
        this.validator = validator;
    }

    @GetMapping("/org/branches")
    String tree(Model model) {
        model.addAttribute("branches", branches.tree());
        return "organisation/branches";
    }

    @GetMapping("/org/branches/new")
    @PreAuthorize("hasRole('ADMIN')")
    String newBranch(@RequestParam(required = false) Long parentId, Model model) {
        BranchForm form = new BranchForm();
        form.setParentId(parentId);
        return form(model, form, null);
    }

    @GetMapping("/org/branches/{id}/edit")
    @PreAuthorize("hasRole('ADMIN')")
    String edit(@PathVariable long id, Model model) {
        Branch b = branches.get(id);
        return form(model, BranchForm.of(b), b);
    }

    @PostMapping("/org/branches")
    @PreAuthorize("hasRole('ADMIN')")
    String create(
            @ModelAttribute("form") BranchForm form, BindingResult result, Model model, RedirectAttributes flash) {
        return Forms.attempt(validator, form.toCommand(), result, () -> branches.create(form.toCommand()))
                .map(b -> {
                    flash.addFlashAttribute("saved", b.name());
                    return "redirect:/org/branches";
                })
                .orElseGet(() -> form(model, form, null));
    }

    @PostMapping("/org/branches/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    String update(
            @PathVariable long id,
            @ModelAttribute("form") BranchForm form,
            BindingResult result,
            Model model,
            RedirectAttributes flash) {
        Branch current = branches.get(id);
        if (current.kind() == BranchKind.HEAD_OFFICE) {
            form.setParentId(-1L); // not used for the head office, but keeps the command valid
            form.setKind(BranchKind.HEAD_OFFICE);
        }
        return Forms.attempt(validator, form.toCommand(), result, () -> branches.update(id, form.toCommand()))
                .map(b -> {
                    flash.addFlashAttribute("saved", b.name());
                    return "redirect:/org/branches";
                })
                .orElseGet(() -> form(model, form, current));
    }

    @PostMapping("/org/branches/{id}/active")
    @PreAuthorize("hasRole('ADMIN')")
    String setActive(@PathVariable long id, @RequestParam boolean active, RedirectAttributes flash) {
        Forms.flash(flash, () -> branches.setActive(id, active).name());
        return "redirect:/org/branches";
    }

    private String form(Model model, BranchForm form, Branch editing) {
        model.addAttribute("form", form);
        model.addAttribute("editing", editing);
        model.addAttribute(
                "parents",
                branches.tree().stream()
                        .filter(b -> b.kind() == BranchKind.HEAD_OFFICE || b.kind() == BranchKind.BRANCH)
                        .filter(b -> editing == null || !b.path().startsWith(editing.path()))
                        .toList());
        model.addAttribute("kinds", new BranchKind[] {BranchKind.DEPARTMENT, BranchKind.BRANCH, BranchKind.OUTLET});
        model.addAttribute("departments", Department.values());
        return "organisation/branch-form";
    }
}
