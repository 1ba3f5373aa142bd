package sunshine.access;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import sunshine.audit.AuditLog;
import sunshine.organisation.Staff;
import sunshine.organisation.StaffDirectory;
import sunshine.shared.BusinessException;
import sunshine.shared.CurrentUser;

/** Login accounts of staff: username and password, lockout, password changes. */
@Service
public class Accounts {

    /** A password that passed the policy, already hashed. */
    public record PreparedPassword(String hash) {
        @Override
        public String toString() {
            return "PreparedPassword[****]";
        }
    }

    /** What the administrator sees of an account (never the hash). */
    public record Account(long staffId, String username, int failedAttempts, Instant lockedUntil, Instant lastLoginAt) {
        public boolean locked() {
            return lockedUntil != null && lockedUntil.isAfter(Instant.now());
        }
    }

    private final JdbcClient jdbc;
    private final PasswordEncoder encoder;
    private final StaffDirectory staff;
    private final AuditLog audit;

    Accounts(JdbcClient jdbc, PasswordEncoder encoder, StaffDirectory staff, AuditLog audit) {
        this.jdbc = jdbc;
        this.encoder = encoder;
        this.staff = staff;
        this.audit = audit;
    }

    /** Checks the password policy (at least 8 characters with letters and digits) and hashes it. */
    public PreparedPassword prepare(String raw) {
        if (raw == null
                || raw.length() < 8
                || raw.length() > 64
                || !raw.matches(".*[A-Za-z].*")
                || !raw.matches(".*\\d.*")) {
            throw new BusinessException("account.error.weakPassword");
        }
        return new PreparedPassword(encoder.encode(raw));
    }

    @Transactional(readOnly = true)
    public Optional<Account> find(long staffId) {
        staff.get(staffId); // scope check
        return jdbc.sql("select staff_id, username, failed_attempts, locked_until, last_login_at from user_account"
                        + " where staff_id = :id")
                .param("id", staffId)
                .query((rs, n) -> new Account(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getInt(3),
                        instant(rs.getTimestamp(4)),
                        instant(rs.getTimestamp(5))))
                .optional();
    }

    /** Creates the staff member's login, or changes its username and password. */
    @Transactional
    public void setLogin(long staffId, String username, PreparedPassword password) {
        Staff member = staff.get(staffId);
        if (username == null || !username.matches("[A-Za-z][A-Za-z0-9_.-]{2,49}")) {
            throw new BusinessException("account.error.username");
        }
        boolean taken = jdbc.sql(
                        "select exists(select 1 from user_account where lower(username) = lower(:u) and staff_id <> :id)")
                .param("u", username)
                .param("id", staffId)
                .query(Boolean.class)
                .single();
        if (taken) {
            throw new BusinessException("account.error.usernameTaken", username);
        }
        Optional<String> before = jdbc.sql("select username from user_account where staff_id = :id")
                .param("id", staffId)
                .query(String.class)
                .optional();
        jdbc.sql("""
                insert into user_account (staff_id, bank_id, username, password_hash) values (:id, :bank, :u, :h)
                on conflict (staff_id) do update set username = excluded.username, password_hash = excluded.password_hash,
                       failed_attempts = 0, locked_until = null""")
                .param("id", staffId)
                .param("bank", member.bankId())
                .param("u", username)
                .param("h", password.hash())
                .update();
        audit.record(
                before.isPresent() ? "RESET_LOGIN" : "CREATE_LOGIN",
                "account",
                staffId,
                before.map(u -> Map.of("username", u)).orElse(null),
                Map.of("username", username));
    }

    @Transactional
    public void unlock(long staffId) {
        staff.get(staffId);
        jdbc.sql("update user_account set failed_attempts = 0, locked_until = null where staff_id = :id")
                .param("id", staffId)
                .update();
        audit.record("UNLOCK", "account", staffId, null, null);
    }

    /** The signed-in user changes their own password, giving the current one. */
    @Transactional
    public void changeOwnPassword(String current, String next) {
        long me = CurrentUser.require().staffId();
        String hash = jdbc.sql("select password_hash from user_account where staff_id = :id")
                .param("id", me)
                .query(String.class)
                .single();
        if (!encoder.matches(current, hash)) {
            throw new BusinessException("account.error.currentPassword");
        }
        PreparedPassword p = prepare(next);
        jdbc.sql("update user_account set password_hash = :h where staff_id = :id")
                .param("h", p.hash())
                .param("id", me)
                .update();
        audit.record("CHANGE_PASSWORD", "account", me, null, null);
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
