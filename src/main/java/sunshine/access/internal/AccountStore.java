package sunshine.access.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import sunshine.shared.CurrentUser;
import sunshine.shared.Role;

/** Reads login accounts with everything needed to build the principal. */
@Component
class AccountStore {

    private static final String SELECT = """
            select u.staff_id, u.bank_id, u.username, u.password_hash, u.locked_until, s.branch_id, s.staff_no,
                   s.name, s.active and b.active as active, b.path,
                   (select h.path from branch h where h.bank_id = u.bank_id and h.kind = 'HEAD_OFFICE') as bank_path,
                   coalesce((select string_agg(r.role, ',') from staff_role r where r.staff_id = s.id), '') as roles
              from user_account u join staff s on s.id = u.staff_id join branch b on b.id = s.branch_id
            """;

    private final JdbcClient jdbc;

    AccountStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<AccountDetails> byUsername(String username) {
        return jdbc.sql(SELECT + " where lower(u.username) = lower(:u)")
                .param("u", username)
                .query(AccountStore::map)
                .optional();
    }

    Optional<AccountDetails> byStaffId(long staffId) {
        return jdbc.sql(SELECT + " where u.staff_id = :id")
                .param("id", staffId)
                .query(AccountStore::map)
                .optional();
    }

    private static AccountDetails map(ResultSet rs, int n) throws SQLException {
        List<String> names = java.util.Arrays.stream(rs.getString("roles").split(","))
                .filter(s -> !s.isBlank())
                .toList();
        var roles = Role.parse(names);
        String scope = Role.anyWholeBank(roles) ? rs.getString("bank_path") : rs.getString("path");
        CurrentUser user = new CurrentUser(
                rs.getLong("staff_id"),
                rs.getLong("bank_id"),
                rs.getLong("branch_id"),
                rs.getString("staff_no"),
                rs.getString("name"),
                rs.getString("username"),
                scope,
                roles);
        Timestamp locked = rs.getTimestamp("locked_until");
        Instant lockedUntil = locked == null ? null : locked.toInstant();
        return new AccountDetails(user, rs.getString("password_hash"), rs.getBoolean("active"), lockedUntil);
    }
}
