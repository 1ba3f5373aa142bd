package sunshine.panel.web;

import jakarta.validation.Validator;
import java.util.function.Supplier;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The panel pages' writes through the shared {@link sunshine.shared.web.PageActions}, with the panel's message. */
final class PageActions {

    private PageActions() {}

    static boolean run(RedirectAttributes flash, Validator validator, Object command, Supplier<String> action) {
        return sunshine.shared.web.PageActions.run(flash, validator, "panel.error.invalid", command, action);
    }
}
