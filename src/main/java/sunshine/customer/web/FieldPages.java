package sunshine.customer.web;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import sunshine.customer.FilingField;
import sunshine.customer.FilingFields;
import sunshine.shared.CurrentUser;
import sunshine.shared.web.Forms;

/** The bank's own fields of the filing template (R4): head office adds them, mandatory or optional. */
@Controller
class FieldPages {

    static final String MANAGE = "hasAnyRole('ADMIN','HO_BUSINESS_DEVELOPMENT')";

    private final FilingFields fields;

    FieldPages(FilingFields fields) {
        this.fields = fields;
    }

    @GetMapping("/filing/fields")
    @PreAuthorize(MANAGE)
    String list(Model model) {
        model.addAttribute("fields", fields.of(CurrentUser.require().bankId()));
        model.addAttribute("kinds", FilingField.Kind.values());
        return "customer/fields";
    }

    @PostMapping("/filing/fields")
    @PreAuthorize(MANAGE)
    String define(
            @RequestParam String key,
            @RequestParam String labelZh,
            @RequestParam String labelEn,
            @RequestParam FilingField.Kind kind,
            @RequestParam(defaultValue = "false") boolean required,
            @RequestParam(required = false) String options,
            @RequestParam(defaultValue = "0") int position,
            RedirectAttributes flash) {
        Forms.flash(flash, () -> {
            fields.define(
                    CurrentUser.require().bankId(),
                    new FilingField(key.strip(), labelZh.strip(), labelEn.strip(), kind, required, options, position));
            return labelZh;
        });
        return "redirect:/filing/fields";
    }
}
