package sunshine.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import sunshine.Fixtures;
import sunshine.PlatformTest;
import sunshine.customer.ResidentId;
import sunshine.shared.Today;

/**
 * The ledger check over two snapshots that both hold one loan (issue 6 point 7): the loan is found once, cited from
 * the first snapshot; a re-run adds nothing; and a snapshot that a finding cites as evidence cannot be deleted.
 */
@PlatformTest
class FindingsAcrossSnapshotsTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    LedgerChecks checks;

    @Test
    void aLoanInTwoSnapshotsIsOneFindingAndItsEvidenceStays() {
        Fixtures fx = new Fixtures(jdbc);
        long bank = fx.bank("ZQRCB");
        long b03 = fx.branch("ZQRCB", "B03");
        String path = jdbc.sql("select path from branch where id = :b")
                .param("b", b03)
                .query(String.class)
                .single();
        long area = jdbc.sql(
                        "insert into area (bank_id, branch_id, kind, name) values (:b, :br, 'VILLAGE', :n) returning id")
                .param("b", bank)
                .param("br", b03)
                .param("n", "两期台账测试村" + System.nanoTime() % 100000)
                .query(Long.class)
                .single();
        String borrower =
                ResidentId.complete("37012419620304" + String.format("%03d", (int) (System.nanoTime() % 1000)));
        long household = fx.householdOf(fx.customerIn(area, borrower, "两期"));
        jdbc.sql("""
                insert into review_aggregation (bank_id, household_id, rule_set_version, status, proposed_amount,
                                                eligible, grade, explanation)
                values (:b, :h, 1, 'COMPLETE', 10000, true, 'AA', '{}')""").param("b", bank).param("h", household).update();
        String tag = Long.toString(System.nanoTime() % 1_000_000_000L);
        long first = snapshot(bank, path, List.of("DUP" + tag), borrower);
        long second = snapshot(bank, path, List.of("DUP" + tag, "NEW" + tag), borrower);

        LedgerChecks.Run run = checks.check(bank, List.of(first, second), path);

        // both loans (50,000) are above the household's 10,000; the one in both snapshots counts once
        assertThat(run.abovePreCredit()).isEqualTo(2);
        assertThat(run.notOnList()).isZero();
        assertThat(jdbc.sql("""
                        select loan_no || '@' || (snapshot_id = :first) || '/' || row_no from check_finding
                         where household_id = :h order by loan_no""")
                        .param("first", first)
                        .param("h", household)
                        .query(String.class)
                        .list())
                .containsExactly("DUP" + tag + "@true/2", "NEW" + tag + "@false/3");
        assertThat(checks.check(bank, List.of(first, second), path).total()).isZero();
        assertThat(checks.check(bank, List.of(second), path).total()).isZero();

        assertThatThrownBy(() -> jdbc.sql("delete from check_snapshot where id = :s")
                        .param("s", first)
                        .update())
                .hasMessageContaining("evidence");
        assertThat(jdbc.sql("select count(*) from check_snapshot where id = :s")
                        .param("s", first)
                        .query(Long.class)
                        .single())
                .isEqualTo(1L);
    }

    private long snapshot(long bank, String path, List<String> loans, String borrower) {
        long id = jdbc.sql("""
                insert into check_snapshot (bank_id, kind, as_of, file_name, file_sha256, scope_path, rows_total,
                                            rows_valid, status)
                values (:b, 'LEDGER', :d, 'test.csv', md5(random()::text) || md5(random()::text), :p, :n, :n, 'LOADED')
                returning id""")
                .param("b", bank)
                .param("d", Today.date())
                .param("p", path)
                .param("n", loans.size())
                .query(Long.class)
                .single();
        long branch = jdbc.sql("select id from branch where path = :p")
                .param("p", path)
                .query(Long.class)
                .single();
        for (int i = 0; i < loans.size(); i++) {
            jdbc.sql("""
                    insert into check_row (snapshot_id, row_no, status, cells, loan_no, resident_id, branch_id, amount,
                                           balance, issue_date, maturity_date, loan_class)
                    values (:s, :r, 'VALID', '{}', :no, :who, :br, :amount, 1000, date '2025-01-01',
                            date '2027-01-01', 'NORMAL')""")
                    .param("s", id)
                    .param("r", i + 2)
                    .param("no", loans.get(i))
                    .param("who", borrower)
                    .param("br", branch)
                    .param("amount", new BigDecimal("50000"))
                    .update();
        }
        return id;
    }
}
