package sunshine.organisation.web;

import java.io.IOException;
import java.io.InputStream;
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
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import sunshine.organisation.Area;
import sunshine.organisation.AreaKind;
import sunshine.organisation.Areas;
import sunshine.organisation.Banks;
import sunshine.organisation.BranchKind;
import sunshine.organisation.Branches;
import sunshine.organisation.DivisionCodeLoader;
import sunshine.organisation.DivisionImport;
import sunshine.organisation.StaffDirectory;
import sunshine.shared.BusinessException;
import sunshine.shared.PageResult;
import sunshine.shared.web.Forms;

/** Pages for areas: list per branch, add and edit with survey figures, load villages from division codes. */
@Controller
class AreaPages {

    static final String AREA_ADMIN = "hasAnyRole('ADMIN','BRANCH_HEAD','HO_BUSINESS_DEVELOPMENT')";

    private final Areas areas;
    private final Branches branches;
    private final StaffDirectory staff;
    private final DivisionCodeLoader divisions;
    private final Banks banks;
    private final Validator validator;

    AreaPages(
            Areas areas,
            Branches branches,
            StaffDirectory staff,
            DivisionCodeLoader divisions,
            Banks banks,
            Validator validator) {
        this.areas = areas;
        this.branches = branches;
        this.staff = staff;
        this.divisions = divisions;
        this.banks = banks;
        this.validator = validator;
    }

    @GetMapping("/org/areas")
    String list(
            @RequestParam(required = false) Long branchId,
            @RequestParam(required = false) AreaKind kind,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String sort,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        model.addAttribute("result", areas.list(branchId, null, kind, q, sort, new PageResult.Request(page, 50)));
        model.addAttribute("branches", branches.tree());
        model.addAttribute("kinds", AreaKind.values());
        model.addAttribute("branchId", branchId);
        model.addAttribute("kind", kind);
        model.addAttribute("q", q);
        model.addAttribute("sort", sort);
        return "organisation/areas";
    }

    @GetMapping("/org/areas/new")
    @PreAuthorize(AREA_ADMIN)
    String newArea(@RequestParam(required = false) Long branchId, Model model) {
        AreaForm form = new AreaForm();
        form.setBranchId(branchId);
        return form(model, form, null);
    }

    @GetMapping("/org/areas/{id}/edit")
    @PreAuthorize(AREA_ADMIN)
    String edit(@PathVariable long id, Model model) {
        Area a = areas.get(id);
        return form(model, AreaForm.of(a), a);
    }

    @PostMapping("/org/areas")
    @PreAuthorize(AREA_ADMIN)
    String create(@ModelAttribute("form") AreaForm form, BindingResult result, Model model, RedirectAttributes flash) {
        return Forms.attempt(validator, form.toCommand(), result, () -> areas.create(form.toCommand()))
                .map(a -> {
                    flash.addFlashAttribute("saved", a.name());
                    return "redirect:/org/areas?branchId=" + a.branchId();
                })
                .orElseGet(() -> form(model, form, null));
    }

    @PostMapping("/org/areas/{id}")
    @PreAuthorize(AREA_ADMIN)
    String update(
            @PathVariable long id,
            @ModelAttribute("form") AreaForm form,
            BindingResult result,
            Model model,
            RedirectAttributes flash) {
        Area current = areas.get(id);
        return Forms.attempt(validator, form.toCommand(), result, () -> areas.update(id, form.toCommand()))
                .map(a -> {
                    flash.addFlashAttribute("saved", a.name());
                    return "redirect:/org/areas?branchId=" + a.branchId();
                })
                .orElseGet(() -> form(model, form, current));
    }

    @PostMapping("/org/areas/{id}/active")
    @PreAuthorize(AREA_ADMIN)
    String setActive(@PathVariable long id, @RequestParam boolean active, RedirectAttributes flash) {
        Area a = areas.setActive(id, active);
        flash.addFlashAttribute("saved", a.name());
        return "redirect:/org/areas?branchId=" + a.branchId();
    }

    @GetMapping("/org/areas/import")
    @PreAuthorize(AREA_ADMIN)
    String importForm(Model model) {
        model.addAttribute(
                "branches",
                branches.tree().stream()
                        .filter(b -> b.kind() != BranchKind.DEPARTMENT)
                        .toList());
        model.addAttribute("countyCode", banks.current().countyCode());
        return "organisation/area-import";
    }

    @PostMapping("/org/areas/import")
    @PreAuthorize(AREA_ADMIN)
    String importFile(
            @RequestParam("villages") MultipartFile villages,
            @RequestParam(name = "streets", required = false) MultipartFile streets,
            @RequestParam String countyCode,
            @RequestParam(required = false) String townshipCode,
            @RequestParam long branchId,
            Model model)
            throws IOException {
        try (InputStream v = villages.getInputStream();
                InputStream s = streets == null || streets.isEmpty() ? null : streets.getInputStream()) {
            DivisionImport outcome = divisions.load(v, s, countyCode, townshipCode, branchId);
            model.addAttribute("outcome", outcome);
        } catch (BusinessException e) {
            if (e instanceof sunshine.shared.NotFoundException) {
                throw e;
            }
            model.addAttribute("errorKey", e.messageKey());
            model.addAttribute("errorArgs", e.args());
        }
        model.addAttribute("branchId", branchId);
        model.addAttribute("townshipCode", townshipCode);
        importForm(model);
        model.addAttribute("countyCode", countyCode);
        return "organisation/area-import";
    }

    private String form(Model model, AreaForm form, Area editing) {
        model.addAttribute("form", form);
        model.addAttribute("editing", editing);
        model.addAttribute(
                "branches",
                branches.tree().stream()
                        .filter(b -> b.kind() != BranchKind.DEPARTMENT)
                        .toList());
        model.addAttribute("kinds", AreaKind.values());
        model.addAttribute(
                "managers",
                form.getBranchId() == null ? java.util.List.of() : staff.accountManagers(form.getBranchId()));
        return "organisation/area-form";
    }
}
