package sunshine.check;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A ledger finding of branch B01 of the demo bank, and a referred one with its audit case, made directly in the
 * database (for ScopingTest: other branches and banks must get 404). Idempotent; touches only check_finding and
 * check_referral.
 */
public final class FindingFixture {

    private FindingFixture() {}

    /** {finding id, referral id} of B01. */
    public static long[] b01(JdbcClient jdbc) {
        long bank = jdbc.sql("select id from bank where code = 'ZQRCB'")
                .query(Long.class)
                .single();
        long b01 = jdbc.sql("select id from branch where bank_id = :b and code = 'B01'")
                .param("b", bank)
                .query(Long.class)
                .single();
        long snapshot = jdbc.sql("select min(id) from check_snapshot where bank_id = :b")
                .param("b", bank)
                .query(Long.class)
                .single();
        long finding = finding(jdbc, bank, b01, snapshot, "SCOPING-1");
        long referred = finding(jdbc, bank, b01, snapshot, "SCOPING-2");
        long auditor = jdbc.sql("select staff_id from user_account where username = 'ho_audit'")
                .query(Long.class)
                .single();
        jdbc.sql("update check_finding set status = 'REFERRED' where id = :f")
                .param("f", referred)
                .update();
        jdbc.sql("""
                insert into check_referral (bank_id, finding_id, branch_id, evidence, owner_id, deadline, referred_by,
                                            referred_by_name)
                values (:b, :f, :br, '范围测试', :o, current_date, :o, '范围测试') on conflict (finding_id) do nothing""")
                .param("b", bank)
                .param("f", referred)
                .param("br", b01)
                .param("o", auditor)
                .update();
        long referral = jdbc.sql("select id from check_referral where finding_id = :f")
                .param("f", referred)
                .query(Long.class)
                .single();
        return new long[] {finding, referral};
    }

    private static long finding(JdbcClient jdbc, long bank, long branch, long snapshot, String loanNo) {
        jdbc.sql("""
                insert into check_finding (bank_id, kind, loan_no, resident_id, branch_id, snapshot_id, row_no)
                values (:b, 'NOT_ON_LIST', :l, '370181198001010000', :br, :s, 2)
                on conflict (bank_id, kind, loan_no, resident_id) do nothing""")
                .param("b", bank)
                .param("l", loanNo)
                .param("br", branch)
                .param("s", snapshot)
                .update();
        return jdbc.sql("select id from check_finding where bank_id = :b and loan_no = :l")
                .param("b", bank)
                .param("l", loanNo)
                .query(Long.class)
                .single();
    }
}
