package sunshine;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Ids of demo records, looked up by their business keys. */
public record Fixtures(JdbcClient jdbc) {

    public long bank(String code) {
        return jdbc.sql("select id from bank where code = :c")
                .param("c", code)
                .query(Long.class)
                .single();
    }

    public long branch(String bankCode, String branchCode) {
        return jdbc.sql("select b.id from branch b join bank k on k.id = b.bank_id where k.code = :k and b.code = :c")
                .param("k", bankCode)
                .param("c", branchCode)
                .query(Long.class)
                .single();
    }

    public long headOffice(String bankCode) {
        return jdbc.sql(
                        "select b.id from branch b join bank k on k.id = b.bank_id where k.code = :k and b.kind = 'HEAD_OFFICE'")
                .param("k", bankCode)
                .query(Long.class)
                .single();
    }

    public long staffOf(String username) {
        return jdbc.sql("select staff_id from user_account where username = :u")
                .param("u", username)
                .query(Long.class)
                .single();
    }

    public long firstArea(long branchId) {
        return jdbc.sql("select min(id) from area where branch_id = :b")
                .param("b", branchId)
                .query(Long.class)
                .single();
    }

    public long outOfScopeEntries(long bankId) {
        return jdbc.sql("select count(*) from audit_log where bank_id = :b and action = 'OUT_OF_SCOPE'")
                .param("b", bankId)
                .query(Long.class)
                .single();
    }
}
