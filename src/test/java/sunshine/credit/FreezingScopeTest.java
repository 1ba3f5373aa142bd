package sunshine.credit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import sunshine.JsonCalls;
import sunshine.Logins;
import sunshine.PlatformTest;
import sunshine.check.SnapshotKind;
import sunshine.check.Snapshots;
import sunshine.shared.Today;
import tools.jackson.databind.json.JsonMapper;

/**
 * Which lines a new snapshot freezes (R24, R28): the lines of the households its own rows name, wherever in the bank
 * they are filed (a bad record belongs to the person, not to the branch that reports the loan), and nothing when the
 * snapshot is back-dated behind the bank's current one of its kind and scope (the checks do not count it either).
 */
@PlatformTest
class FreezingScopeTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    Snapshots snapshots;

    CreditFixture fx;

    @BeforeEach
    void setUp() {
        fx = new CreditFixture(jdbc, events, tx);
    }

    private long line(CreditFixture.Household h, String user) throws Exception {
        fx.approve(h, "9000", "A", Today.date().minusYears(1));
        var signed = new JsonCalls(mvc, json, Logins.as(mvc, user))
                .post("/api/v1/credit/contracts", CreditFixture.contract(h, null, null));
        assertThat(signed.status()).isEqualTo(201);
        return signed.body().path("id").asLong();
    }

    private String status(long lineId) {
        return jdbc.sql("select status || '/' || coalesce(status_reason, '-') from credit_line where id = :id")
                .param("id", lineId)
                .query(String.class)
                .single();
    }

    private void litigationOfB01(CreditFixture.Household named, java.time.LocalDate asOf) {
        sunshine.Fixtures f = new sunshine.Fixtures(jdbc);
        String csv = "贷款账号,借款人身份证号,机构代码,金额,发生日期\n" + "CR-L" + named.id() + "-" + asOf + "," + named.residentId()
                + ",B01,3000,2024-05-05\n";
        snapshots.loadAsBranch(
                f.bank("ZQRCB"),
                f.branch("ZQRCB", "B01"),
                SnapshotKind.LITIGATION,
                asOf,
                "scope-" + named.id() + "-" + asOf + ".csv",
                new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aB01SnapshotFreezesTheLineOfTheB02HouseholdItNames_andOnlyThat() throws Exception {
        CreditFixture.Household inB02 = fx.household("B02");
        CreditFixture.Household otherB02 = fx.household("B02");
        long named = line(inB02, "b02_am1");
        long other = line(otherB02, "b02_am1");

        litigationOfB01(inB02, Today.date());

        assertThat(status(named)).isEqualTo("FROZEN/BAD_RECORD");
        assertThat(status(other)).isEqualTo("ACTIVE/-");
    }

    @Test
    void aBackDatedSnapshotBehindTheCurrentOneFreezesNothing() throws Exception {
        CreditFixture.Household first = fx.household("B02");
        CreditFixture.Household late = fx.household("B02");
        long firstLine = line(first, "b02_am1");
        long lateLine = line(late, "b02_am1");
        litigationOfB01(first, Today.date());
        assertThat(status(firstLine)).isEqualTo("FROZEN/BAD_RECORD");

        // an older file of the same kind and scope arrives afterwards: the current set keeps the newer one
        litigationOfB01(late, Today.date().minusYears(5));
        assertThat(status(lateLine)).isEqualTo("ACTIVE/-");
    }
}
