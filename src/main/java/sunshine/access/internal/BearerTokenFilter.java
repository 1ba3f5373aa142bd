package sunshine.access.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import sunshine.access.ApiTokens;

/** Authenticates {@code Authorization: Bearer <token>} requests for this request only (no session). */
@Component
class BearerTokenFilter extends OncePerRequestFilter {

    private final ApiTokens tokens;
    private final AccountStore accounts;
    private final ProblemResponses problems;

    BearerTokenFilter(ApiTokens tokens, AccountStore accounts, ProblemResponses problems) {
        this.tokens = tokens;
        this.accounts = accounts;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!SecurityConfig.hasBearer(request)) {
            chain.doFilter(request, response);
            return;
        }
        String secret = request.getHeader("Authorization").substring(7).trim();
        Optional<AccountDetails> account = tokens.authenticate(secret)
                .flatMap(accounts::byStaffId)
                .filter(a -> a.isEnabled() && a.isAccountNonLocked());
        if (account.isEmpty()) {
            problems.commence(request, response, new BadCredentialsException("invalid token"));
            return;
        }
        var auth = UsernamePasswordAuthenticationToken.authenticated(
                account.get(), null, account.get().getAuthorities());
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(auth);
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
