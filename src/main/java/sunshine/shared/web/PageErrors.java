package sunshine.shared.web;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import sunshine.shared.BusinessException;

/** A rule that says no on a page without a form of its own: an error page with the reason in the user's language. */
@ControllerAdvice(annotations = Controller.class)
class PageErrors {

    @ExceptionHandler(BusinessException.class)
    String business(BusinessException e, Model model, HttpServletResponse response) {
        response.setStatus(e.status());
        model.addAttribute("status", e.status());
        model.addAttribute("messageKey", e.messageKey());
        model.addAttribute("messageArgs", e.args());
        return "error/business";
    }
}
