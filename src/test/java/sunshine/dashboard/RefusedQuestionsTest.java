package sunshine.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import sunshine.ActingAs;
import sunshine.Fixtures;
import sunshine.Logins;
import sunshine.PlatformTest;
import sunshine.shared.NotFoundException;
import sunshine.shared.PageResult;

/**
 * A question outside the caller's scope is answered 404 and written to the audit log (DataScope) with the one
 * connection the pool has left. The audit entry is written in its own transaction after the question's: when the
 * question ran in a transaction, that write needed a second connection while the first was still held, and fifty
 * such questions at once held every connection of the pool, each waiting 30 s for one more (the 1M benchmark's
 * failure). Here all connections but one are taken: each refused question must still be audited, at once.
 */
@PlatformTest
class RefusedQuestionsTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    CoverageBoard board;

    @Autowired
    Funnel funnel;

    @Test
    void aRefusedQuestionIsAudited_withOneConnectionLeftInThePool() throws Exception {
        Assumptions.assumeTrue(dataSource.isWrapperFor(HikariDataSource.class), "a Hikari pool");
        HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
        Fixtures fx = new Fixtures(jdbc);
        long bank = fx.bank("ZQRCB");
        long b02 = fx.branch("ZQRCB", "B02");
        long b02Area = fx.firstArea(b02);
        long audited = fx.outOfScopeEntries(bank);
        ActingAs.call(mvc, "b01_head", () -> {
            withOneConnectionLeft(pool, () -> {
                assertThatThrownBy(() -> board.area(b02Area)).isInstanceOf(NotFoundException.class);
                assertThatThrownBy(() -> board.missing(b02Area)).isInstanceOf(NotFoundException.class);
                assertThatThrownBy(() -> board.branchOf(b02Area)).isInstanceOf(NotFoundException.class);
                assertThatThrownBy(() -> funnel.steps(null, b02Area)).isInstanceOf(NotFoundException.class);
                assertThatThrownBy(() -> board.total(b02, "x")).isInstanceOf(NotFoundException.class);
                assertThatThrownBy(
                                () -> board.areas(b02, null, CoverageBoard.Order.NAME, new PageResult.Request(0, 50)))
                        .isInstanceOf(NotFoundException.class);
            });
            return null;
        });
        // six questions, six entries: none was lost waiting for a connection
        assertThat(fx.outOfScopeEntries(bank)).isEqualTo(audited + 6);
    }
    /**
     * The same through a page whose service reads in a transaction (a customer's file): the refusal is written when
     * the request is done, with the connection the transaction gave back, not with a second one.
     */
    @Test
    void aRefusedPageInATransactionIsAudited_withOneConnectionLeftInThePool() throws Exception {
        Assumptions.assumeTrue(dataSource.isWrapperFor(HikariDataSource.class), "a Hikari pool");
        HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
        Fixtures fx = new Fixtures(jdbc);
        long bank = fx.bank("ZQRCB");
        long b02 = fx.branch("ZQRCB", "B02");
        long b02Customer = jdbc.sql("""
                        select c.id from customer c join household h on h.id = c.household_id
                         where h.branch_id = :b order by c.id limit 1""").param("b", b02).query(Long.class).single();
        MockHttpSession head = Logins.as(mvc, "b01_head");
        long audited = fx.outOfScopeEntries(bank);
        withOneConnectionLeft(pool, () -> {
            for (int i = 0; i < 3; i++) {
                assertThat(mvc.perform(get("/customers/" + b02Customer).session(head))
                                .andReturn()
                                .getResponse()
                                .getStatus())
                        .isEqualTo(404);
            }
        });
        assertThat(fx.outOfScopeEntries(bank)).isEqualTo(audited + 3);
    }

    interface Work {
        void run() throws Exception;
    }

    /**
     * Runs {@code work} with every connection of the pool but one taken, a wait for a connection failing after 5 s
     * instead of 30; the scheduled refresh skips a bank whose refresh lock is taken, so it cannot hold the last one.
     */
    static void withOneConnectionLeft(HikariDataSource pool, Work work) throws Exception {
        long timeout = pool.getConnectionTimeout();
        List<Connection> held = new ArrayList<>();
        pool.getHikariConfigMXBean().setConnectionTimeout(5_000);
        try {
            while (held.size() < pool.getMaximumPoolSize() - 1) {
                held.add(pool.getConnection());
            }
            try (var lock = held.get(0).createStatement()) {
                lock.execute("select pg_advisory_lock(" + FiguresRefresh.LOCK + ", id::int) from bank");
            }
            work.run();
        } finally {
            if (!held.isEmpty()) {
                try (var unlock = held.get(0).createStatement()) {
                    unlock.execute("select pg_advisory_unlock_all()");
                }
            }
            for (Connection c : held) {
                c.close();
            }
            pool.getHikariConfigMXBean().setConnectionTimeout(timeout);
        }
    }
}
