package sunshine.shared.web;

import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.validation.BindingResult;
import org.springframework.validation.Validator;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import sunshine.shared.BusinessException;
import sunshine.shared.NotFoundException;

/** Page forms: check a command with its Bean Validation rules, and put a rule's refusal next to the form. */
public final class Forms {

    private Forms() {}

    /** Validates the command built from a form; errors land on the form's fields of the same names. */
    public static boolean valid(Validator validator, Object command, BindingResult result) {
        validator.validate(command, result);
        return !result.hasErrors();
    }

    /**
     * Validates the command and, when valid, runs the action; a rule's refusal lands on the form. Empty when the
     * form must be shown again. Not-found is not a form error and goes on up (404).
     */
    public static <T> Optional<T> attempt(
            Validator validator, Object command, BindingResult result, Supplier<T> action) {
        if (!valid(validator, command, result)) {
            return Optional.empty();
        }
        try {
            return Optional.of(action.get());
        } catch (BusinessException e) {
            reject(result, e);
            return Optional.empty();
        }
    }

    /** Runs a one-click action (activate, deactivate) and tells the outcome on the next page. */
    public static void flash(RedirectAttributes flash, Supplier<String> action) {
        try {
            flash.addFlashAttribute("saved", action.get());
        } catch (BusinessException e) {
            if (e instanceof NotFoundException) {
                throw e;
            }
            flash.addFlashAttribute("errorKey", e.messageKey());
            flash.addFlashAttribute("errorArgs", e.args());
        }
    }

    public static void reject(BindingResult result, BusinessException e) {
        if (e instanceof NotFoundException) {
            throw e;
        }
        result.reject(e.messageKey(), e.args(), e.messageKey());
    }
}
