package sunshine.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import sunshine.shared.CurrentUser;
import tools.jackson.databind.json.JsonMapper;

/**
 * Appends to the audit log inside the caller's transaction, so a change and its entry commit together.
 * Entries of one bank form a chain: each carries the hash of the one before.
 */
@Service
public class AuditLog {

    static final String GENESIS = "0".repeat(64);

    private final JdbcClient jdbc;
    private final JsonMapper json;

    AuditLog(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Records a change by the signed-in user (or "system" when there is none) in that user's bank. */
    @Transactional
    public void record(String action, String entityType, Object entityId, Object before, Object after) {
        CurrentUser user = CurrentUser.find().orElse(null);
        long bankId = user == null ? 0 : user.bankId();
        record(
                bankId,
                user == null ? null : user.staffId(),
                user == null ? "system" : user.name(),
                action,
                entityType,
                entityId,
                before,
                after);
    }

    /** Records a change in a given bank on behalf of a given actor (logins, loaders, listeners). */
    @Transactional
    public void record(
            long bankId,
            Long actorId,
            String actorName,
            String action,
            String entityType,
            Object entityId,
            Object before,
            Object after) {
        jdbc.sql("insert into audit_chain_head (bank_id, seq, hash) values (:b, 0, :g) on conflict do nothing")
                .param("b", bankId)
                .param("g", GENESIS)
                .update();
        Head head = jdbc.sql("select seq, hash from audit_chain_head where bank_id = :b for update")
                .param("b", bankId)
                .query((rs, n) -> new Head(rs.getLong(1), rs.getString(2)))
                .single();
        Entry entry = new Entry(
                bankId,
                head.seq() + 1,
                Instant.now().truncatedTo(ChronoUnit.MICROS),
                actorId,
                actorName,
                action,
                entityType,
                entityId == null ? null : String.valueOf(entityId),
                toJson(before),
                toJson(after),
                head.hash());
        String hash = entry.hash();
        jdbc.sql("""
                insert into audit_log (bank_id, seq, at, actor_id, actor_name, action, entity_type, entity_id,
                                       before_json, after_json, prev_hash, hash)
                values (:bank, :seq, :at, :actor, :actorName, :action, :type, :id, :before, :after, :prev, :hash)""")
                .param("bank", entry.bankId())
                .param("seq", entry.seq())
                .param("at", Timestamp.from(entry.at()))
                .param("actor", entry.actorId())
                .param("actorName", entry.actorName())
                .param("action", entry.action())
                .param("type", entry.entityType())
                .param("id", entry.entityId())
                .param("before", entry.before())
                .param("after", entry.after())
                .param("prev", entry.prevHash())
                .param("hash", hash)
                .update();
        jdbc.sql("update audit_chain_head set seq = :seq, hash = :hash where bank_id = :b")
                .param("seq", entry.seq())
                .param("hash", hash)
                .param("b", bankId)
                .update();
    }

    private String toJson(Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof String s ? s : json.writeValueAsString(value);
    }

    private record Head(long seq, String hash) {}

    /** One entry as hashed. The order and separators of the fields are part of the chain's format. */
    record Entry(
            long bankId,
            long seq,
            Instant at,
            Long actorId,
            String actorName,
            String action,
            String entityType,
            String entityId,
            String before,
            String after,
            String prevHash) {

        String hash() {
            long micros = ChronoUnit.MICROS.between(Instant.EPOCH, at);
            String text = String.join(
                    "\u001f",
                    prevHash,
                    Long.toString(seq),
                    Long.toString(bankId),
                    Long.toString(micros),
                    String.valueOf(actorId),
                    nz(actorName),
                    action,
                    entityType,
                    nz(entityId),
                    nz(before),
                    nz(after));
            try {
                MessageDigest sha = MessageDigest.getInstance("SHA-256");
                return HexFormat.of().formatHex(sha.digest(text.getBytes(StandardCharsets.UTF_8)));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        private static String nz(String s) {
            return s == null ? "\u0000" : s;
        }
    }
}
