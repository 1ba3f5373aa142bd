package sunshine.organisation.web;

import java.util.Arrays;
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
import sunshine.organisation.Branches;
import sunshine.organisation.Staff;
import sunshine.organisation.StaffDirectory;
import sunshine.shared.CurrentUser;
import sunshine.shared.PageResult;
import sunshine.shared.Role;
import sunshine.shared.web.Forms;

/** Pages for staff: list with filters, add, edit (including moving to another branch and roles), deactivate. */
@Controller
class StaffPages {

    static final String STAFF_ADMIN = "hasAnyRole('ADMIN','BRANCH_HEAD')";

    private final StaffDirectory staff;
    private final Branches branches;
    private final Validator validator;

    StaffPages(StaffDirectory staff, Branches branches, Validator validator) {
        this.staff = staff;
        this.branches = branches;
        this.validator = validator;
    }

    @GetMapping("/org/staff")
    String list(
            @RequestParam(required = false) Long branchId,
            @RequestParam(required = false) Role role,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String sort,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        model.addAttribute("result", staff.list(branchId, role, q, sort, new PageResult.Request(page, 50)));
        model.addAttribute("branches", branches.tree());
        model.addAttribute("roles", Role.values());
        model.addAttribute("branchId", branchId);
        model.addAttribute("role", role);
        model.addAttribute("q", q);
        model.addAttribute("sort", sort);
        return "organisation/staff";
    }

    @GetMapping("/org/staff/new")
    @PreAuthorize(STAFF_ADMIN)
    String newStaff(@RequestParam(required = false) Long branchId, Model model) {
        StaffForm form = new StaffForm();
        form.setBranchId(branchId);
        return form(model, form, null);
    }

    @GetMapping("/org/staff/{id}/edit")
    @PreAuthorize(STAFF_ADMIN)
    String edit(@PathVariable long id, Model model) {
        Staff s = staff.get(id);
        return form(model, StaffForm.of(s), s);
    }

    @PostMapping("/org/staff")
    @PreAuthorize(STAFF_ADMIN)
    String create(@ModelAttribute("form") StaffForm form, BindingResult result, Model model, RedirectAttributes flash) {
        return Forms.attempt(validator, form.toCommand(), result, () -> staff.create(form.toCommand()))
                .map(s -> {
                    flash.addFlashAttribute("saved", s.name());
                    return "redirect:/org/staff?branchId=" + s.branchId();
                })
                .orElseGet(() -> form(model, form, null));
    }

    @PostMapping("/org/staff/{id}")
    @PreAuthorize(STAFF_ADMIN)
    String update(
            @PathVariable long id,
            @ModelAttribute("form") StaffForm form,
            BindingResult result,
            Model model,
            RedirectAttributes flash) {
        Staff current = staff.get(id);
        return Forms.attempt(validator, form.toCommand(), result, () -> staff.update(id, form.toCommand()))
                .map(s -> {
                    flash.addFlashAttribute("saved", s.name());
                    return "redirect:/org/staff?branchId=" + s.branchId();
                })
                .orElseGet(() -> form(model, form, current));
    }

    @PostMapping("/org/staff/{id}/active")
    @PreAuthorize(STAFF_ADMIN)
    String setActive(@PathVariable long id, @RequestParam boolean active, RedirectAttributes flash) {
        Forms.flash(flash, () -> staff.setActive(id, active).name());
        return "redirect:/org/staff";
    }

    private String form(Model model, StaffForm form, Staff editing) {
        boolean admin = CurrentUser.require().has(Role.ADMIN);
        model.addAttribute("form", form);
        model.addAttribute("editing", editing);
        model.addAttribute("branches", branches.tree());
        model.addAttribute(
                "roles",
                Arrays.stream(Role.values())
                        .filter(r -> admin || !r.seesWholeBank())
                        .toList());
        return "organisation/staff-form";
    }
}
