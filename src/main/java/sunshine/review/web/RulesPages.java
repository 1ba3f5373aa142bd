package sunshine.review.web;

import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import sunshine.review.ReviewRoles;
import sunshine.review.ReviewRules;
import sunshine.review.aggregation.Factor;
import sunshine.review.aggregation.FewerThanFive;
import sunshine.review.aggregation.RuleSet;
import sunshine.shared.BusinessException;
import sunshine.shared.CurrentUser;

/**
 * The bank's aggregation and rating rules (R19-R21): everyone sees them, with the rule for fewer than five
 * estimates spelled out; head-office credit changes them, each change a new version.
 */
@Controller
@PreAuthorize(ReviewRoles.READ)
class RulesPages {

    private final ReviewRules rules;

    RulesPages(ReviewRules rules) {
        this.rules = rules;
    }

    @GetMapping("/review/rules")
    String show(Model model) {
        long bank = CurrentUser.require().bankId();
        RuleSet current = rules.current(bank);
        model.addAttribute("rules", current);
        model.addAttribute("history", rules.history(bank));
        model.addAttribute(
                "scales",
                current.rating().factors().stream().map(RulesForm::scale).toList());
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", RulesForm.of(current));
        }
        model.addAttribute("policies", FewerThanFive.values());
        model.addAttribute("factors", Factor.values());
        return "review/rules";
    }

    @PostMapping("/review/rules")
    @PreAuthorize(ReviewRoles.EDIT)
    String save(@RequestParam Map<String, String> form, RedirectAttributes flash) {
        try {
            int basedOn = Integer.parseInt(form.getOrDefault("basedOn", "0"));
            RuleSet saved = rules.save(basedOn, RulesForm.parse(form), form.get("note"));
            flash.addFlashAttribute("saved", "v" + saved.version());
        } catch (NumberFormatException e) {
            flash.addFlashAttribute("errorKey", "review.rules.error.missing");
            flash.addFlashAttribute("form", form);
        } catch (BusinessException e) {
            flash.addFlashAttribute("errorKey", e.messageKey());
            flash.addFlashAttribute("errorArgs", e.args());
            flash.addFlashAttribute("form", form);
        }
        return "redirect:/review/rules";
    }
}
