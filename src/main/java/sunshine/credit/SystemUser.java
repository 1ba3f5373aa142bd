package sunshine.credit;

import java.util.EnumSet;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import sunshine.shared.CurrentUser;
import sunshine.shared.Role;

/**
 * The bank's head office as a system actor, for work that reacts to an event whose publisher may have no user or a
 * narrower scope (a branch's upload can reveal a bad record of a customer of another branch).
 */
record SystemUser(CurrentUser user) {

    static SystemUser of(JdbcClient jdbc, long bankId) {
        long head = jdbc.sql("select id from branch where bank_id = :b and kind = 'HEAD_OFFICE'")
                .param("b", bankId)
                .query(Long.class)
                .single();
        String path = jdbc.sql("select path from branch where id = :h")
                .param("h", head)
                .query(String.class)
                .single();
        return new SystemUser(
                new CurrentUser(0, bankId, head, "SYSTEM", "系统 system", "system", path, EnumSet.of(Role.HO_RISK)));
    }

    void run(Runnable work) {
        var previous = SecurityContextHolder.getContext();
        CurrentUser.Holder holder = () -> user;
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(holder, null, List.of()));
        SecurityContextHolder.setContext(context);
        try {
            work.run();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }
}
