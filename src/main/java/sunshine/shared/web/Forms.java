package sunshine.shared.web;

import org.springframework.validation.BindingResult;
import org.springframework.validation.Validator;
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

    public static void reject(BindingResult result, BusinessException e) {
        if (e instanceof NotFoundException) {
            throw e;
        }
        result.reject(e.messageKey(), e.args(), e.messageKey());
    }
}
