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

    /** A customer (with their own household) filed in the given area, made directly in the database. */
    public long customerIn(long areaId, String residentId, String name) {
        var existing = jdbc.sql("select id from customer where resident_id = :r")
                .param("r", residentId)
                .query(Long.class)
                .optional();
        if (existing.isPresent()) {
            return existing.get();
        }
        var area = jdbc.sql("select bank_id, branch_id from area where id = :a")
                .param("a", areaId)
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)})
                .single();
        long household = jdbc.sql(
                        "insert into household (bank_id, branch_id, area_id) values (:b, :br, :a) returning id")
                .param("b", area[0])
                .param("br", area[1])
                .param("a", areaId)
                .query(Long.class)
                .single();
        long customer = jdbc.sql("""
                insert into customer (bank_id, branch_id, area_id, household_id, relationship, resident_id, name, gender,
                       birth_date, phone, address, customer_type, data_source)
                values (:b, :br, :a, :h, 'SELF', :r, :n, 'M', date '1980-01-01', '13800000000', '测试地址', 'FARMER', 'MANUAL')
                returning id""")
                .param("b", area[0])
                .param("br", area[1])
                .param("a", areaId)
                .param("h", household)
                .param("r", residentId)
                .param("n", name)
                .query(Long.class)
                .single();
        jdbc.sql("update household set representative_id = :c where id = :h")
                .param("c", customer)
                .param("h", household)
                .update();
        return customer;
    }

    public long householdOf(long customerId) {
        return jdbc.sql("select household_id from customer where id = :c")
                .param("c", customerId)
                .query(Long.class)
                .single();
    }
}
