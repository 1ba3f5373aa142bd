package sunshine.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Re-computes a bank's audit chain from the first entry and reports the first one that does not fit. */
@Service
public class AuditVerifier {

    private final JdbcClient jdbc;

    AuditVerifier(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public AuditVerification verify(long bankId) {
        Walk walk = new Walk();
        jdbc.sql("""
                select bank_id, seq, at, actor_id, actor_name, action, entity_type, entity_id, before_json,
                       after_json, prev_hash, hash
                  from audit_log where bank_id = :b order by seq""").param("b", bankId).withFetchSize(2000).query((RowCallbackHandler) walk::check);
        if (walk.problem == null) {
            Optional<Long> headSeq = jdbc.sql("select seq from audit_chain_head where bank_id = :b")
                    .param("b", bankId)
                    .query(Long.class)
                    .optional();
            Optional<String> headHash = jdbc.sql("select hash from audit_chain_head where bank_id = :b")
                    .param("b", bankId)
                    .query(String.class)
                    .optional();
            if (headSeq.orElse(0L) != walk.lastSeq
                    || !headHash.orElse(AuditLog.GENESIS).equals(walk.lastHash)) {
                walk.fail(walk.lastSeq + 1, "audit.problem.missingTail");
            }
        }
        return new AuditVerification(bankId, walk.checked, walk.problem == null, walk.brokenAt, walk.problem);
    }

    private static final class Walk {
        long checked;
        long lastSeq;
        String lastHash = AuditLog.GENESIS;
        Long brokenAt;
        String problem;

        void check(ResultSet rs) throws SQLException {
            if (problem != null) {
                return;
            }
            long seq = rs.getLong("seq");
            Long actor = rs.getObject("actor_id") == null ? null : rs.getLong("actor_id");
            AuditLog.Entry entry = new AuditLog.Entry(
                    rs.getLong("bank_id"),
                    seq,
                    rs.getTimestamp("at").toInstant(),
                    actor,
                    rs.getString("actor_name"),
                    rs.getString("action"),
                    rs.getString("entity_type"),
                    rs.getString("entity_id"),
                    rs.getString("before_json"),
                    rs.getString("after_json"),
                    rs.getString("prev_hash"));
            checked++;
            if (seq != lastSeq + 1) {
                fail(lastSeq + 1, "audit.problem.gap");
            } else if (!entry.prevHash().equals(lastHash)) {
                fail(seq, "audit.problem.link");
            } else if (!entry.hash().equals(rs.getString("hash"))) {
                fail(seq, "audit.problem.content");
            }
            lastSeq = seq;
            lastHash = rs.getString("hash");
        }

        void fail(long seq, String key) {
            brokenAt = seq;
            problem = key;
        }
    }
}
