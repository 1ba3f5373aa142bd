package sunshine.approval;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import sunshine.check.FinalListFixed;

/**
 * Fixes final lists of real demo households the way the checks do (FinalListFixed published inside a transaction)
 * and finds the approval cases the listener opened.
 */
public record ApprovalFixture(JdbcClient jdbc, ApplicationEventPublisher events, TransactionTemplate tx) {

    private static final AtomicLong LIST = new AtomicLong(System.currentTimeMillis() % 1_000_000_000L * 1000);

    /** A household with a representative in an area. */
    public record Household(long id, long areaId, long branchId, String name) {}

    /** n households of one area of the branch that have never had an approval case. */
    public List<Household> freshHouseholds(String bankCode, String branchCode, int n) {
        long area = jdbc.sql("""
                select h.area_id from household h join branch b on b.id = h.branch_id join bank k on k.id = b.bank_id
                 where k.code = :k and b.code = :b and h.active and h.representative_id is not null
                   and not exists (select 1 from approval_case c where c.household_id = h.id)
                 group by h.area_id having count(*) >= :n order by count(*) desc, h.area_id limit 1""")
                .param("k", bankCode)
                .param("b", branchCode)
                .param("n", n)
                .query(Long.class)
                .single();
        return jdbc.sql("""
                select h.id, h.area_id, h.branch_id, c.name from household h join customer c on c.id = h.representative_id
                 where h.area_id = :a and h.active
                   and not exists (select 1 from approval_case x where x.household_id = h.id)
                 order by h.id limit :n""")
                .param("a", area)
                .param("n", n)
                .query((rs, i) -> new Household(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4)))
                .list();
    }

    /** Publishes a final list of the households with the amounts (yuan); the case ids, in the same order. */
    public List<Long> fix(List<Household> households, List<String> amounts) {
        long listId = LIST.incrementAndGet();
        long bank = jdbc.sql("select bank_id from household where id = :h")
                .param("h", households.get(0).id())
                .query(Long.class)
                .single();
        List<FinalListFixed.Item> items = new ArrayList<>();
        for (int i = 0; i < households.size(); i++) {
            Household h = households.get(i);
            items.add(new FinalListFixed.Item(h.id(), h.areaId(), new BigDecimal(amounts.get(i)), "AA", 0L));
        }
        FinalListFixed event = new FinalListFixed(
                listId, bank, households.get(0).branchId(), households.get(0).areaId(), null, 0L, Instant.now(), items);
        tx.executeWithoutResult(s -> events.publishEvent(event));
        List<Long> ids = new ArrayList<>();
        for (Household h : households) {
            ids.add(jdbc.sql("select id from approval_case where final_list_id = :l and household_id = :h")
                    .param("l", listId)
                    .param("h", h.id())
                    .query(Long.class)
                    .single());
        }
        return ids;
    }

    public String status(long caseId) {
        return jdbc.sql("select status || '/' || coalesce(stage, '-') || '/' || pass from approval_case where id = :c")
                .param("c", caseId)
                .query(String.class)
                .single();
    }

    public int version(long caseId) {
        return jdbc.sql("select version from approval_case where id = :c")
                .param("c", caseId)
                .query(Integer.class)
                .single();
    }

    /** Sets the bank's notice policy directly (tests put it back afterwards). */
    public void mode(String bankCode, String mode) {
        jdbc.sql("""
                insert into notice_policy (bank_id, mode) select id, :m from bank where code = :k
                on conflict (bank_id) do update set mode = excluded.mode""").param("m", mode).param("k", bankCode).update();
    }

    public String mode(String bankCode) {
        return jdbc.sql("select coalesce((select mode from notice_policy p join bank k on k.id = p.bank_id"
                        + " where k.code = :k), 'INTERNAL')")
                .param("k", bankCode)
                .query(String.class)
                .single();
    }
}
