package sunshine;

import java.util.concurrent.Callable;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.test.web.servlet.MockMvc;

/** Calls a service as a demo user, with the security context of a real login (for module API tests). */
public final class ActingAs {

    private ActingAs() {}

    public static <T> T call(MockMvc mvc, String username, Callable<T> work) throws Exception {
        MockHttpSession session = Logins.as(mvc, username);
        SecurityContext context = (SecurityContext)
                session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContextHolder.setContext(context);
        try {
            return work.call();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }
}
