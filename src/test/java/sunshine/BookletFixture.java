package sunshine;

import org.springframework.jdbc.core.simple.JdbcClient;
import sunshine.customer.ResidentId;

/** Areas, households and panels made directly in the database for the booklet tests. */
public record BookletFixture(JdbcClient jdbc, long bankId) {

    public static BookletFixture of(JdbcClient jdbc, String bankCode) {
        return new BookletFixture(jdbc, new Fixtures(jdbc).bank(bankCode));
    }

    /** A fresh village of the branch (any earlier one of the same name is renamed out of the way). */
    public long area(long branchId, String name) {
        jdbc.sql("update area set name = name || '·旧' || id where branch_id = :b and name = :n")
                .param("b", branchId)
                .param("n", name)
                .update();
        return jdbc.sql(
                        "insert into area (bank_id, branch_id, kind, name) values (:bk, :b, 'VILLAGE', :n) returning id")
                .param("bk", bankId)
                .param("b", branchId)
                .param("n", name)
                .query(Long.class)
                .single();
    }

    /** A household of one representative with the given address; returns the representative's customer id. */
    public long representative(long areaId, String idStem17, String name, String address) {
        long customer = new Fixtures(jdbc).customerIn(areaId, ResidentId.complete(idStem17), name);
        jdbc.sql("update customer set address = :a where id = :c")
                .param("a", address)
                .param("c", customer)
                .update();
        return customer;
    }

    public long household(long customerId) {
        return new Fixtures(jdbc).householdOf(customerId);
    }

    /** Another member of the representative's household. */
    public long member(long representativeId, String idStem17, String name, String relationship, boolean excluded) {
        return jdbc.sql("""
                insert into customer (bank_id, branch_id, area_id, household_id, relationship, resident_id, name, gender,
                       birth_date, phone, address, customer_type, data_source, excluded)
                select bank_id, branch_id, area_id, household_id, :rel, :rid, :n, 'F', date '1985-05-05', '13900000000',
                       address, 'FARMER', 'MANUAL', :ex
                  from customer where id = :c
                returning id""")
                .param("rel", relationship)
                .param("rid", ResidentId.complete(idStem17))
                .param("n", name)
                .param("ex", excluded)
                .param("c", representativeId)
                .query(Long.class)
                .single();
    }

    public void exclude(long customerId) {
        jdbc.sql("update customer set excluded = true where id = :c")
                .param("c", customerId)
                .update();
    }

    public long panel(long branchId, String name, String status, long... areaIds) {
        long panel = jdbc.sql(
                        "insert into panel (bank_id, branch_id, kind, status, name) values (:bk, :b, 'VILLAGE', :s, :n)"
                                + " returning id")
                .param("bk", bankId)
                .param("b", branchId)
                .param("s", status)
                .param("n", name)
                .query(Long.class)
                .single();
        for (long a : areaIds) {
            jdbc.sql("insert into panel_area (panel_id, bank_id, area_id) values (:p, :bk, :a)")
                    .param("p", panel)
                    .param("bk", bankId)
                    .param("a", a)
                    .update();
        }
        return panel;
    }

    public void seat(long panelId, int seat, String name, String role, boolean alternate, Long householdId) {
        jdbc.sql("""
                insert into panel_member (panel_id, bank_id, seat, name, role, alternate, household_id)
                values (:p, :bk, :s, :n, :r, :alt, :h)""")
                .param("p", panelId)
                .param("bk", bankId)
                .param("s", seat)
                .param("n", name)
                .param("r", role)
                .param("alt", alternate)
                .param("h", householdId)
                .update();
    }

    /** Five regular members (seats 1-5) and an alternate; seat 2's own household is the one given (R13). */
    public void fiveMembers(long panelId, Long seat2Household) {
        seat(panelId, 1, "王德福", "CADRE", false, null);
        seat(panelId, 2, "丙一", "SHOPKEEPER", false, seat2Household);
        seat(panelId, 3, "赵志强", "LARGE_GROWER", false, null);
        seat(panelId, 4, "刘海燕", "SENIOR_PARTY_MEMBER", false, null);
        seat(panelId, 5, "陈玉珍", "RESIDENT_REPRESENTATIVE", false, null);
        seat(panelId, 6, "候补甲", "GRADUATE_OFFICIAL", true, null);
    }
}
