package sunshine.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import sunshine.audit.AuditLog;
import sunshine.shared.BusinessException;
import sunshine.shared.CurrentUser;
import sunshine.shared.DataScope;

/**
 * Personal API tokens for scripts ({@code Authorization: Bearer ...}). A token is shown once when created;
 * only its SHA-256 hash is stored. The user creates and revokes their own.
 */
@Service
public class ApiTokens {

    public static final String PREFIX = "sct_";
    private static final SecureRandom RANDOM = new SecureRandom();

    public record Token(
            long id,
            String name,
            String prefix,
            Instant createdAt,
            Instant expiresAt,
            Instant lastUsedAt,
            Instant revokedAt) {
        public boolean usable() {
            return revokedAt == null && (expiresAt == null || expiresAt.isAfter(Instant.now()));
        }
    }

    /** A new token: the secret value, shown to the user once. */
    public record Created(Token token, String secret) {
        @Override
        public String toString() {
            return "Created[" + token.prefix() + "…]";
        }
    }

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final DataScope scope;

    ApiTokens(JdbcClient jdbc, AuditLog audit, DataScope scope) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.scope = scope;
    }

    @Transactional
    public Created create(String name, int validDays) {
        if (name == null || name.isBlank() || name.length() > 60) {
            throw new BusinessException("token.error.name");
        }
        if (validDays < 1 || validDays > 366) {
            throw new BusinessException("token.error.days");
        }
        CurrentUser me = CurrentUser.require();
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant expires = Instant.now().plus(validDays, ChronoUnit.DAYS);
        long id = jdbc.sql("""
                insert into api_token (bank_id, staff_id, name, token_hash, token_prefix, expires_at)
                values (:bank, :staff, :name, :hash, :prefix, :expires) returning id""")
                .param("bank", me.bankId())
                .param("staff", me.staffId())
                .param("name", name.trim())
                .param("hash", hash(secret))
                .param("prefix", secret.substring(0, 10))
                .param("expires", Timestamp.from(expires))
                .query(Long.class)
                .single();
        audit.record("CREATE", "api_token", id, null, Map.of("name", name.trim(), "expiresAt", expires.toString()));
        return new Created(mine().stream().filter(t -> t.id() == id).findFirst().orElseThrow(), secret);
    }

    @Transactional(readOnly = true)
    public List<Token> mine() {
        return jdbc.sql("""
                select id, name, token_prefix, created_at, expires_at, last_used_at, revoked_at
                  from api_token where staff_id = :me order by created_at desc""")
                .param("me", CurrentUser.require().staffId())
                .query((rs, n) -> new Token(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        instant(rs.getTimestamp(4)),
                        instant(rs.getTimestamp(5)),
                        instant(rs.getTimestamp(6)),
                        instant(rs.getTimestamp(7))))
                .list();
    }

    /** Revokes one of the caller's own tokens; someone else's answers 404. */
    @Transactional
    public void revoke(long id) {
        int n = jdbc.sql(
                        "update api_token set revoked_at = now() where id = :id and staff_id = :me and revoked_at is null")
                .param("id", id)
                .param("me", CurrentUser.require().staffId())
                .update();
        if (n == 0) {
            throw scope.notFound("api_token", "api_token", id);
        }
        audit.record("REVOKE", "api_token", id, null, null);
    }

    /** The staff member a presented token belongs to, when it is valid. */
    @Transactional
    public Optional<Long> authenticate(String secret) {
        if (secret == null || !secret.startsWith(PREFIX)) {
            return Optional.empty();
        }
        Optional<long[]> found = jdbc.sql("""
                select id, staff_id from api_token
                 where token_hash = :h and revoked_at is null and (expires_at is null or expires_at > now())""")
                .param("h", hash(secret))
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)})
                .optional();
        found.ifPresent(t -> jdbc.sql("update api_token set last_used_at = now() where id = :id"
                        + " and (last_used_at is null or last_used_at < now() - interval '1 minute')")
                .param("id", t[0])
                .update());
        return found.map(t -> t[1]);
    }

    static String hash(String secret) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
