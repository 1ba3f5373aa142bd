package sunshine.shared.web;

import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.context.ApplicationContext;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.spring6.expression.ThymeleafEvaluationContext;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

/**
 * One fragment of a template rendered to a string for the current request, in the request's language, so that a
 * page can keep the HTML of a part that is the same for many people and render only the rest per request (the
 * dashboards: docs/decisions.md "Dashboard pages keep their rendered figures"). Links are built against the request
 * as in the page itself. A fragment rendered here must not hold anything of one person or one session (a form that
 * posts carries the session's CSRF token: keep it out).
 */
@Component
public class FragmentHtml {

    private final ITemplateEngine engine;
    private final ApplicationContext context;
    private volatile JakartaServletWebApplication application;

    FragmentHtml(ITemplateEngine engine, ApplicationContext context) {
        this.engine = engine;
        this.context = context;
    }

    /** {@code template :: fragment} with {@code variables}, for the request being handled. */
    public String render(String template, String fragment, Map<String, Object> variables) {
        ServletRequestAttributes attributes =
                (ServletRequestAttributes) RequestContextHolder.currentRequestAttributes();
        HttpServletRequest request = attributes.getRequest();
        HttpServletResponse response = attributes.getResponse();
        Map<String, Object> all = new HashMap<>(variables);
        // what a Spring view gives its expressions: beans, and the Spring Security dialect's access to the context
        all.put(
                ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME,
                new ThymeleafEvaluationContext(context, null));
        WebContext web = new WebContext(
                application(request.getServletContext()).buildExchange(request, response),
                LocaleContextHolder.getLocale(),
                all);
        return engine.process(template, Set.of(fragment), web);
    }

    private JakartaServletWebApplication application(ServletContext servletContext) {
        JakartaServletWebApplication a = application;
        if (a == null) {
            a = JakartaServletWebApplication.buildApplication(servletContext);
            application = a;
        }
        return a;
    }
}
