package sunshine.publicity.web;

import jakarta.validation.Validator;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import sunshine.audit.AuditLog;
import sunshine.organisation.Area;
import sunshine.organisation.Areas;
import sunshine.organisation.BranchKind;
import sunshine.organisation.Branches;
import sunshine.publicity.ActivityCommand;
import sunshine.publicity.AreaPublicity;
import sunshine.publicity.PublicArea;
import sunshine.publicity.PublicLinks;
import sunshine.publicity.PublicityActivities;
import sunshine.publicity.PublicityMethod;
import sunshine.publicity.PublicityRoles;
import sunshine.publicity.PublishedTerms;
import sunshine.publicity.TermsVersion;
import sunshine.publicity.print.PrintKind;
import sunshine.publicity.print.PrintedMaterials;
import sunshine.shared.BusinessException;
import sunshine.shared.NotFoundException;
import sunshine.shared.Today;

/**
 * Publicity per area (R34): coverage against the 100% goal, one area's activities and public link, recording an
 * activity, and the printed poster, open letter and proposal as PDF.
 */
@Controller
class PublicityPages {

    private final PublicityActivities activities;
    private final Areas areas;
    private final Branches branches;
    private final PublicLinks links;
    private final PublishedTerms terms;
    private final PrintedMaterials printed;
    private final Validator validator;
    private final AuditLog audit;

    PublicityPages(
            PublicityActivities activities,
            Areas areas,
            Branches branches,
            PublicLinks links,
            PublishedTerms terms,
            PrintedMaterials printed,
            Validator validator,
            AuditLog audit) {
        this.activities = activities;
        this.areas = areas;
        this.branches = branches;
        this.links = links;
        this.terms = terms;
        this.printed = printed;
        this.validator = validator;
        this.audit = audit;
    }

    @GetMapping("/publicity/coverage")
    String coverage(@RequestParam(required = false) Long branchId, Model model) {
        List<AreaPublicity> lines = activities.coverage(branchId);
        model.addAttribute("lines", lines);
        model.addAttribute(
                "reached", lines.stream().filter(AreaPublicity::reachedGoal).count());
        model.addAttribute(
                "branches",
                branches.tree().stream()
                        .filter(b -> b.kind() == BranchKind.BRANCH || b.kind() == BranchKind.OUTLET)
                        .toList());
        model.addAttribute("branchId", branchId);
        return "publicity/coverage";
    }

    @GetMapping("/publicity/areas/{id}")
    String area(@PathVariable long id, Model model) {
        Area area = areas.get(id);
        model.addAttribute("area", area);
        model.addAttribute("publicUrl", publicUrl(links.tokenFor(id)));
        model.addAttribute("activities", activities.of(id));
        model.addAttribute("methods", PublicityMethod.values());
        model.addAttribute("today", Today.date());
        return "publicity/area";
    }

    @PostMapping("/publicity/areas/{id}/activities")
    @PreAuthorize(PublicityRoles.RECORD_ACTIVITY)
    String record(
            @PathVariable long id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate heldOn,
            @RequestParam(required = false) PublicityMethod method,
            @RequestParam(required = false) String materials,
            @RequestParam(defaultValue = "") String staffNames,
            @RequestParam(required = false) Integer householdsReached,
            RedirectAttributes flash) {
        ActivityCommand cmd = new ActivityCommand(heldOn, method, materials, staffNames, householdsReached);
        areas.get(id);
        if (!validator.validate(cmd).isEmpty()) {
            flash.addFlashAttribute("errorKey", "publicity.error.incomplete");
            return "redirect:/publicity/areas/" + id;
        }
        try {
            activities.record(id, cmd);
            flash.addFlashAttribute("saved", cmd.heldOn().toString());
        } catch (BusinessException e) {
            if (e instanceof NotFoundException) {
                throw e;
            }
            flash.addFlashAttribute("errorKey", e.messageKey());
            flash.addFlashAttribute("errorArgs", e.args());
        }
        return "redirect:/publicity/areas/" + id;
    }

    @GetMapping("/publicity/areas/{id}/{kind:poster|letter|proposal}.pdf")
    ResponseEntity<byte[]> print(@PathVariable long id, @PathVariable String kind) {
        Area area = areas.get(id);
        LocalDate today = Today.date();
        TermsVersion t =
                terms.inForce(area.bankId(), today).orElseThrow(() -> new BusinessException("publicity.error.noTerms"));
        PublicArea view = links.view(area.id());
        PrintKind k = PrintKind.valueOf(kind.toUpperCase(Locale.ROOT));
        byte[] pdf = printed.render(k, view, t, publicUrl(view.token()), today);
        audit.record("PRINT_" + k.name(), "area", id, null, java.util.Map.of("terms", t.version()));
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline()
                                .filename(kind + "-" + area.id() + ".pdf")
                                .build()
                                .toString())
                .body(pdf);
    }

    static String publicUrl(String token) {
        return ServletUriComponentsBuilder.fromCurrentContextPath()
                .path("/p/{token}")
                .buildAndExpand(token)
                .toUriString();
    }
}
