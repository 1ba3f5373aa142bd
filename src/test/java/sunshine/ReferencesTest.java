package sunshine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import sunshine.customer.ResidentId;

/**
 * What customers and households point to is checked per statement instead of per row (V10): a row pointing
 * to another bank's branch, area or household is refused like a foreign key would refuse it, and the rows
 * pointed to can be neither deleted nor re-keyed.
 */
@PlatformTest
class ReferencesTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate tx;

    @Test
    void aCustomerCannotPointIntoAnotherBank() {
        Fixtures fx = new Fixtures(jdbc);
        long area = fx.firstArea(fx.branch("ZQRCB", "B02"));
        long customer = fx.customerIn(area, ResidentId.complete("37018119850505202"), "引用测试");
        long household = fx.householdOf(customer);
        long foreignArea = fx.firstArea(fx.branch("LCRCB", firstBranchCode("LCRCB")));
        long foreignBranch = jdbc.sql("select branch_id from area where id = :a")
                .param("a", foreignArea)
                .query(Long.class)
                .single();

        for (String change : new String[] {
            "area_id = " + foreignArea,
            "branch_id = " + foreignBranch,
            "household_id = " + foreignHousehold(),
            "area_id = -1"
        }) {
            assertThatThrownBy(() ->
                            tx.executeWithoutResult(s -> jdbc.sql("update customer set " + change + " where id = :c")
                                    .param("c", customer)
                                    .update()))
                    .as(change)
                    .isInstanceOf(DataIntegrityViolationException.class);
        }
        assertThatThrownBy(
                        () -> tx.executeWithoutResult(s -> jdbc.sql("update household set area_id = :a where id = :h")
                                .param("a", foreignArea)
                                .param("h", household)
                                .update()))
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThat(jdbc.sql("select area_id from customer where id = :c")
                        .param("c", customer)
                        .query(Long.class)
                        .single())
                .isEqualTo(area);
    }

    @Test
    void whatCustomersPointToIsNeverDeletedNorReKeyed() {
        Fixtures fx = new Fixtures(jdbc);
        long area = fx.firstArea(fx.branch("ZQRCB", "B03"));
        long customer = fx.customerIn(area, ResidentId.complete("37018119900909303"), "删除测试");
        long household = fx.householdOf(customer);
        for (String statement : new String[] {
            "delete from household where id = " + household,
            "delete from area where id = " + area,
            "update area set id = -area.id where id = " + area,
            "update household set bank_id = bank_id + 1000 where id = " + household
        }) {
            assertThatThrownBy(() ->
                            tx.executeWithoutResult(s -> jdbc.sql(statement).update()))
                    .as(statement)
                    .isInstanceOf(DataIntegrityViolationException.class);
        }
        assertThat(jdbc.sql("select count(*) from household where id = :h")
                        .param("h", household)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    private String firstBranchCode(String bank) {
        return jdbc.sql("select b.code from branch b join bank k on k.id = b.bank_id join area a on a.branch_id = b.id"
                        + " where k.code = :k order by b.id limit 1")
                .param("k", bank)
                .query(String.class)
                .single();
    }

    private long foreignHousehold() {
        return jdbc.sql("select h.id from household h join bank k on k.id = h.bank_id where k.code = 'LCRCB' limit 1")
                .query(Long.class)
                .optional()
                .orElse(-1L);
    }
}
