package sunshine.access.internal;

import java.util.Map;
import java.util.Optional;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import sunshine.audit.AuditLog;
import sunshine.shared.CurrentUser;

/**
 * Five wrong passwords in a row lock an account for 15 minutes. The login page says the same thing whether
 * the user is unknown, the password wrong, or the account locked.
 */
@Component
class LoginAttempts {

    static final int MAX_FAILURES = 5;
    static final String LOCK_INTERVAL = "15 minutes";

    private final JdbcClient jdbc;
    private final AuditLog audit;

    LoginAttempts(JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    @EventListener
    @Transactional
    public void onFailure(AuthenticationFailureBadCredentialsEvent event) {
        if (!(event.getAuthentication().getPrincipal() instanceof String username)) {
            return;
        }
        Optional<Object[]> row = jdbc.sql("""
                update user_account
                   set failed_attempts = case when failed_attempts + 1 >= :max then 0 else failed_attempts + 1 end,
                       locked_until = case when failed_attempts + 1 >= :max then now() + cast(:lock as interval) else locked_until end
                 where lower(username) = lower(:u)
             returning staff_id, bank_id, locked_until is not null and locked_until > now()""")
                .param("max", MAX_FAILURES)
                .param("lock", LOCK_INTERVAL)
                .param("u", username)
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getLong(2), rs.getBoolean(3)})
                .optional();
        row.ifPresent(r -> audit.record(
                (Long) r[1],
                (Long) r[0],
                username,
                (Boolean) r[2] ? "LOGIN_LOCKED" : "LOGIN_FAILED",
                "account",
                r[0],
                null,
                null));
    }

    @EventListener
    @Transactional
    public void onSuccess(AuthenticationSuccessEvent event) {
        if (!(event.getAuthentication().getPrincipal() instanceof CurrentUser.Holder holder)) {
            return;
        }
        CurrentUser user = holder.currentUser();
        jdbc.sql(
                        "update user_account set failed_attempts = 0, locked_until = null, last_login_at = now() where staff_id = :id")
                .param("id", user.staffId())
                .update();
        audit.record(
                user.bankId(),
                user.staffId(),
                user.name(),
                "LOGIN",
                "account",
                user.staffId(),
                null,
                Map.of("username", user.username()));
    }
}
