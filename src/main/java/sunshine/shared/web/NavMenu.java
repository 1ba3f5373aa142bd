package sunshine.shared.web;

import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The main menu of every page ({@code fragments/nav}), rendered once per set of roles and language and then kept:
 * which menus a person sees depends only on their roles, and rendering its fifty links and fourteen role checks
 * was a fifth of a dashboard page's CPU. The person's name, the language switch and the logout form (its CSRF
 * token is the session's) stay in the layout and are rendered per request. It also answers the few role questions
 * left in the layout and the dashboard pages, more cheaply than {@code sec:authorize}.
 */
@Component("navMenu")
public class NavMenu {

    static final int MAX_ENTRIES = 500;

    private record Key(String part, String roles, String locale, String contextPath) {}

    private final FragmentHtml fragments;
    private final Map<Key, String> kept = new ConcurrentHashMap<>();

    NavMenu(FragmentHtml fragments) {
        this.fragments = fragments;
    }

    /** The HTML of {@code fragments/nav :: part} for the current person's roles and language. */
    public String html(String part) {
        Key key = new Key(part, roles(), LocaleContextHolder.getLocale().toLanguageTag(), contextPath());
        String html = kept.get(key);
        if (html == null) {
            html = fragments.render("fragments/nav", part, Map.of());
            if (kept.size() >= MAX_ENTRIES) {
                kept.clear();
            }
            kept.put(key, html);
        }
        return html;
    }

    /** Whether someone is signed in (the layout's user menu): as {@code sec:authorize="isAuthenticated()"}, cheaper. */
    public boolean signedIn() {
        Authentication a = SecurityContextHolder.getContext().getAuthentication();
        return a != null && a.isAuthenticated() && !(a instanceof AnonymousAuthenticationToken);
    }

    /**
     * Whether the person has one of {@code roles} (names without ROLE_): as {@code sec:authorize="hasAnyRole(…)"},
     * without building a security expression context for each check (there is no role hierarchy here).
     */
    public boolean hasAnyRole(String... roles) {
        Authentication a = SecurityContextHolder.getContext().getAuthentication();
        if (a == null) {
            return false;
        }
        for (GrantedAuthority g : a.getAuthorities()) {
            for (String role : roles) {
                if (g.getAuthority().length() == role.length() + 5
                        && g.getAuthority().startsWith("ROLE_")
                        && g.getAuthority().endsWith(role)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String roles() {
        Authentication a = SecurityContextHolder.getContext().getAuthentication();
        if (a == null || !a.isAuthenticated()) {
            return "";
        }
        TreeSet<String> names = new TreeSet<>();
        for (GrantedAuthority g : a.getAuthorities()) {
            names.add(g.getAuthority());
        }
        // anonymous and signed-in people with no role differ in isAuthenticated() checks
        return a.getClass().getSimpleName() + ":" + String.join(",", List.copyOf(names));
    }

    private static String contextPath() {
        return ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes())
                .getRequest()
                .getContextPath();
    }
}
