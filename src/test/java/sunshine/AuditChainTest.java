package sunshine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import sunshine.audit.AuditLog;
import sunshine.audit.AuditVerification;
import sunshine.audit.AuditVerifier;

/** The audit log is append-only, and an edit made directly in the database is found by the verification. */
@PlatformTest
class AuditChainTest {

    private static final long BANK = 990_001; // a chain of its own, so other tests' entries do not interfere

    @Autowired
    AuditLog audit;

    @Autowired
    AuditVerifier verifier;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate tx;

    @Test
    void aFreshChainVerifies_andEachEntryLinksToThePreviousOne() {
        long bank = BANK;
        writeThree(bank);
        AuditVerification v = verifier.verify(bank);
        assertThat(v.intact()).isTrue();
        assertThat(v.entriesChecked()).isEqualTo(3);
        var rows = jdbc.sql("select prev_hash, hash from audit_log where bank_id = :b order by seq")
                .param("b", bank)
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)})
                .list();
        assertThat(rows.get(0)[0]).isEqualTo("0".repeat(64));
        assertThat(rows.get(1)[0]).isEqualTo(rows.get(0)[1]);
        assertThat(rows.get(2)[0]).isEqualTo(rows.get(1)[1]);
    }

    @Test
    void updatesAndDeletesAreRefusedByTheDatabase() {
        writeThree(BANK + 1);
        assertThatThrownBy(() -> jdbc.sql("update audit_log set actor_name = 'x' where bank_id = :b")
                        .param("b", BANK + 1)
                        .update())
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("delete from audit_log where bank_id = :b")
                        .param("b", BANK + 1)
                        .update())
                .hasMessageContaining("append-only");
    }

    @Test
    void tamperingWithOneRowIsDetectedAtThatRow() {
        long bank = BANK + 2;
        writeThree(bank);
        tamper("update audit_log set after_json = '{\"amount\":999999}' where bank_id = " + bank + " and seq = 2");
        AuditVerification v = verifier.verify(bank);
        assertThat(v.intact()).isFalse();
        assertThat(v.brokenAtSeq()).isEqualTo(2);
        assertThat(v.problem()).isEqualTo("audit.problem.content");
    }

    @Test
    void deletingARowOrTheLastRowIsDetected() {
        long bank = BANK + 3;
        writeThree(bank);
        tamper("delete from audit_log where bank_id = " + bank + " and seq = 2");
        assertThat(verifier.verify(bank).brokenAtSeq()).isEqualTo(2);

        long other = BANK + 4;
        writeThree(other);
        tamper("delete from audit_log where bank_id = " + other + " and seq = 3");
        AuditVerification v = verifier.verify(other);
        assertThat(v.intact()).isFalse();
        assertThat(v.problem()).isEqualTo("audit.problem.missingTail");
    }

    @Test
    void rewritingARowWithAFreshHashStillBreaksTheNextLink() {
        long bank = BANK + 5;
        writeThree(bank);
        // someone recomputes a hash for their edit, but cannot fix the next entry's prev_hash without the chain
        tamper("update audit_log set actor_name = 'forger', hash = repeat('a', 64) where bank_id = " + bank
                + " and seq = 1");
        AuditVerification v = verifier.verify(bank);
        assertThat(v.intact()).isFalse();
        assertThat(v.brokenAtSeq()).isEqualTo(1);
    }

    private void writeThree(long bank) {
        tx.executeWithoutResult(s -> {
            audit.record(bank, 1L, "测试员", "CREATE", "area", 1, null, Map.of("name", "东村"));
            audit.record(bank, 1L, "测试员", "UPDATE", "area", 1, Map.of("name", "东村"), Map.of("name", "东庄村"));
            audit.record(bank, null, "system", "DEACTIVATE", "area", 1, null, null);
        });
    }

    /** What someone with direct database access could do: switch the guard off and edit. */
    private void tamper(String sql) {
        tx.executeWithoutResult(s -> {
            jdbc.sql("alter table audit_log disable trigger audit_log_no_update")
                    .update();
            jdbc.sql(sql).update();
            jdbc.sql("alter table audit_log enable trigger audit_log_no_update").update();
        });
    }
}
