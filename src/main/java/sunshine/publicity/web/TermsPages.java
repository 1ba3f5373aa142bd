package sunshine.publicity.web;

import jakarta.validation.Validator;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
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
import sunshine.publicity.GradeRate;
import sunshine.publicity.PublicityRoles;
import sunshine.publicity.PublishedTerms;
import sunshine.publicity.TermsCommand;
import sunshine.publicity.TermsVersion;
import sunshine.shared.BusinessException;
import sunshine.shared.CurrentUser;
import sunshine.shared.Today;

/** Pages of the published terms (R35): the versions, what was in force on a day, and publishing a new version. */
@Controller
class TermsPages {

    static final List<String> GRADES = List.of("AAA", "AA", "A", "B", "C");

    private final PublishedTerms terms;
    private final Validator validator;

    TermsPages(PublishedTerms terms, Validator validator) {
        this.terms = terms;
        this.validator = validator;
    }

    @GetMapping("/publicity/terms")
    String list(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            Model model) {
        long bank = CurrentUser.require().bankId();
        LocalDate day = date == null ? Today.date() : date;
        model.addAttribute("day", day);
        model.addAttribute("inForce", terms.inForce(bank, day).orElse(null));
        model.addAttribute("versions", terms.versions(bank));
        return "publicity/terms";
    }

    @GetMapping("/publicity/terms/{id}")
    String show(@PathVariable long id, Model model) {
        model.addAttribute("day", null);
        model.addAttribute("inForce", terms.get(id));
        model.addAttribute("versions", terms.versions(CurrentUser.require().bankId()));
        return "publicity/terms";
    }

    @GetMapping("/publicity/terms/new")
    @PreAuthorize(PublicityRoles.PUBLISH)
    String newVersion(Model model) {
        TermsVersion current =
                terms.inForce(CurrentUser.require().bankId(), Today.date()).orElse(null);
        List<GradeRate> rates = current == null
                ? GRADES.stream().map(g -> new GradeRate(g, null)).toList()
                : current.rates();
        model.addAttribute("current", current);
        model.addAttribute("rates", rates);
        model.addAttribute("today", Today.date());
        return "publicity/terms-form";
    }

    @PostMapping("/publicity/terms")
    @PreAuthorize(PublicityRoles.PUBLISH)
    String publish(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate effectiveFrom,
            @RequestParam(defaultValue = "") String conditions,
            @RequestParam(defaultValue = "") String process,
            @RequestParam(defaultValue = "") String commitments,
            @RequestParam(defaultValue = "") String supervisionPhone,
            @RequestParam(defaultValue = "") String complaintPhone,
            @RequestParam(name = "grade", required = false) List<String> grades,
            @RequestParam(name = "rate", required = false) List<BigDecimal> rateValues,
            RedirectAttributes flash) {
        List<GradeRate> rates = new ArrayList<>();
        if (grades != null && rateValues != null) {
            for (int i = 0; i < Math.min(grades.size(), rateValues.size()); i++) {
                if (grades.get(i) != null && !grades.get(i).isBlank()) {
                    rates.add(new GradeRate(grades.get(i), rateValues.get(i)));
                }
            }
        }
        TermsCommand cmd = new TermsCommand(
                effectiveFrom, conditions, process, commitments, supervisionPhone, complaintPhone, rates);
        if (!validator.validate(cmd).isEmpty()) {
            flash.addFlashAttribute("errorKey", "terms.error.incomplete");
            return "redirect:/publicity/terms/new";
        }
        try {
            TermsVersion v = terms.publish(cmd);
            flash.addFlashAttribute("saved", "v" + v.version());
            return "redirect:/publicity/terms/" + v.id();
        } catch (BusinessException e) {
            flash.addFlashAttribute("errorKey", e.messageKey());
            flash.addFlashAttribute("errorArgs", e.args());
            return "redirect:/publicity/terms/new";
        }
    }
}
