package sunshine.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import sunshine.Logins;
import sunshine.PlatformTest;
import sunshine.customer.ResidentId;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who sees which snapshot and which of its rows (found by ChecksWalkTest: the checks page listed head office's
 * ledger to a branch, but its link answered 404). A file uploaded by head office covers every branch's loans: a
 * branch opens it and sees the rows of its own branches only; a sibling branch's file stays 404. The evidence row a
 * finding or a removal names opens with all its cells, the IDs masked.
 */
@PlatformTest
class SnapshotScopeTest {

    static final String LEDGER_HEADER = FindingsTest.LEDGER_HEADER;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    MockHttpSession headOffice;
    MockHttpSession b03;
    MockHttpSession b02;
    String run;

    @BeforeEach
    void setUp() throws Exception {
        headOffice = Logins.as(mvc, "ho_credit");
        b03 = Logins.as(mvc, "b03_head");
        b02 = Logins.as(mvc, "b02_head");
        run = String.valueOf(System.nanoTime() % 1_000_000_000L);
    }

    /** A valid resident ID no demo customer has (region 370125, born 1958-07-0n). */
    static String id(int n) {
        return ResidentId.complete("3701251958070" + n + "123");
    }

    String loan(String no, int borrower, String branch, String amount) {
        return no + "," + id(borrower) + "," + branch + ",,农户小额信用贷款," + amount + ",1000.00,2025-01-01,2027-01-01,正常,"
                + id(9) + "\n";
    }

    long upload(MockHttpSession who, String csv) throws Exception {
        return CheckTestData.upload(mvc, json, jdbc, who, "LEDGER", "scope-" + run + ".csv", csv);
    }

    MockHttpServletResponse page(MockHttpSession who, String url) throws Exception {
        return mvc.perform(get(url).session(who)).andReturn().getResponse();
    }

    @Test
    void headOfficesFileOpensForABranch_withTheRowsOfItsBranchesOnly() throws Exception {
        String b03Loan = "SS" + run + "-3";
        String b02Loan = "SS" + run + "-2";
        long snapshot = upload(
                headOffice, LEDGER_HEADER + loan(b02Loan, 1, "B02", "12000.00") + loan(b03Loan, 2, "B03", "34000.50"));

        // head office sees both rows
        String all = page(headOffice, "/checks/snapshots/" + snapshot + "?status=VALID")
                .getContentAsString();
        assertThat(all).contains(b02Loan).contains(b03Loan);

        // B03 opens the file (it is listed on its checks page) and sees its own loan only, told why
        MockHttpServletResponse own = page(b03, "/checks/snapshots/" + snapshot + "?status=VALID");
        assertThat(own.getStatus()).isEqualTo(200);
        assertThat(own.getContentAsString())
                .contains(b03Loan)
                .doesNotContain(b02Loan)
                .contains("只显示您辖内机构的行")
                .contains("显示 1 行，共 1 行");
        assertThat(page(b03, "/checks").getContentAsString()).contains("/checks/snapshots/" + snapshot);
        assertThat(json.readTree(page(b03, "/api/v1/checks/snapshots/" + snapshot + "/rows?status=VALID")
                                .getContentAsString())
                        .get("total")
                        .asLong())
                .isEqualTo(1);

        // its row opens with every cell, IDs masked; B02's row is not shown to B03
        String row3 = page(b03, "/checks/snapshots/" + snapshot + "?status=VALID&row=3")
                .getContentAsString();
        assertThat(row3)
                .contains("34000.50")
                .contains("2027-01-01")
                .contains(ResidentId.mask(id(2)))
                .contains(ResidentId.mask(id(9)))
                .doesNotContain(id(2))
                .doesNotContain(id(9));
        String row2 = page(b03, "/checks/snapshots/" + snapshot + "?status=VALID&row=2")
                .getContentAsString();
        assertThat(row2).doesNotContain("12000.00").contains("这一行不属于您辖内的机构");
    }

    @Test
    void aSiblingBranchsFileStaysNotFound() throws Exception {
        long snapshot = upload(b02, LEDGER_HEADER + loan("SS" + run + "-S", 3, "B02", "5000.00"));
        assertThat(page(b02, "/checks/snapshots/" + snapshot).getStatus()).isEqualTo(200);
        assertThat(page(b03, "/checks/snapshots/" + snapshot).getStatus()).isEqualTo(404);
        assertThat(page(b03, "/checks/snapshots/" + snapshot + "?row=2").getStatus())
                .isEqualTo(404);
        assertThat(page(b03, "/api/v1/checks/snapshots/" + snapshot + "/rows").getStatus())
                .isEqualTo(404);
    }
}
