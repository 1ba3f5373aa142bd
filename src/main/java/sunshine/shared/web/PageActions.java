package sunshine.shared.web;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.Comparator;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import sunshine.shared.BusinessException;
import sunshine.shared.NotFoundException;

/**
 * Runs a page's write: checks the command's constraints, does the action, and tells the outcome on the next page
 * (saved, or the refused rule's message in the user's language). Not-found goes on up as a 404.
 */
public final class PageActions {

    private PageActions() {}

    /**
     * @param invalidKey the message key for a broken constraint, given the field and the constraint's message
     * @return whether the action ran
     */
    public static boolean run(
            RedirectAttributes flash, Validator validator, String invalidKey, Object command, Supplier<String> action) {
        if (command != null) {
            Set<ConstraintViolation<Object>> problems = validator.validate(command);
            if (!problems.isEmpty()) {
                ConstraintViolation<Object> first = problems.stream()
                        .min(Comparator.comparing(v -> v.getPropertyPath().toString()))
                        .orElseThrow();
                flash.addFlashAttribute("errorKey", invalidKey);
                flash.addFlashAttribute(
                        "errorArgs", new Object[] {first.getPropertyPath().toString(), first.getMessage()});
                return false;
            }
        }
        try {
            flash.addFlashAttribute("saved", action.get());
            return true;
        } catch (BusinessException e) {
            if (e instanceof NotFoundException) {
                throw e;
            }
            flash.addFlashAttribute("errorKey", e.messageKey());
            flash.addFlashAttribute("errorArgs", e.args());
            return false;
        }
    }
}
