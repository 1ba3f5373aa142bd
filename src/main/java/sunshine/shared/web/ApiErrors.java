package sunshine.shared.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import sunshine.shared.BusinessException;

/** Errors of the REST API as RFC 9457 problem details, with the message in the caller's language. */
@RestControllerAdvice(annotations = RestController.class)
class ApiErrors extends ResponseEntityExceptionHandler {

    private final MessageSource messages;

    ApiErrors(MessageSource messages) {
        this.messages = messages;
        setMessageSource(messages);
    }

    @ExceptionHandler(BusinessException.class)
    ProblemDetail business(BusinessException e) {
        Locale locale = LocaleContextHolder.getLocale();
        HttpStatus status = HttpStatus.valueOf(e.status());
        ProblemDetail p =
                ProblemDetail.forStatusAndDetail(status, messages.getMessage(e.messageKey(), e.args(), locale));
        p.setTitle(title(status, locale));
        p.setProperty("code", e.messageKey());
        return p;
    }

    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail denied(AccessDeniedException e) {
        Locale locale = LocaleContextHolder.getLocale();
        ProblemDetail p = ProblemDetail.forStatusAndDetail(
                HttpStatus.FORBIDDEN, messages.getMessage("error.forbidden", null, locale));
        p.setTitle(title(HttpStatus.FORBIDDEN, locale));
        return p;
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Locale locale = LocaleContextHolder.getLocale();
        List<Map<String, String>> errors = ex.getBindingResult().getFieldErrors().stream()
                .map(f -> Map.of("field", f.getField(), "message", messages.getMessage(f, locale)))
                .toList();
        ProblemDetail p = ProblemDetail.forStatusAndDetail(
                HttpStatus.BAD_REQUEST, messages.getMessage("error.validation", null, locale));
        p.setTitle(title(HttpStatus.BAD_REQUEST, locale));
        p.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(p);
    }

    private String title(HttpStatus status, Locale locale) {
        return messages.getMessage("error.title." + status.value(), null, status.getReasonPhrase(), locale);
    }
}
