package sunshine.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import sunshine.PlatformTest;
import sunshine.shared.Today;

/**
 * Issue 9 point 1: the demo bank holds real numbers at every stage of the campaign, counted in the database the
 * pages read (not taken from the demo's code). Other tests add their own rows to the shared database, so the counts
 * are lower bounds; the demo alone must reach them.
 */
@PlatformTest
class DemoStagesTest {

    @Autowired
    JdbcClient jdbc;

    private long count(String sql) {
        return jdbc.sql(sql).param("d", Today.date()).query(Long.class).single();
    }

    @Test
    void filedAndReviewed_severalPanelsKeyedTwiceAndVerified_someWithDifferencesResolved_andOneStillInEntry() {
        assertThat(count("select count(*) from customer c join bank k on k.id = c.bank_id where k.code = 'ZQRCB'"))
                .isGreaterThanOrEqualTo(2000);
        assertThat(count("select count(*) from household h join bank k on k.id = h.bank_id where k.code = 'ZQRCB'"))
                .isGreaterThanOrEqualTo(600);
        // panels of two or three branches with five copies verified each, by someone other than the keyer (R18)
        assertThat(count("""
                        select count(distinct p.branch_id) from panel p
                         where (select count(*) from estimate_copy c where c.panel_id = p.id and c.status = 'VERIFIED'
                                   and c.verified_by <> c.keyed_by) = 5""")).isGreaterThanOrEqualTo(2);
        assertThat(count("""
                        select count(*) from panel p
                         where (select count(*) from estimate_copy c where c.panel_id = p.id and c.status = 'VERIFIED'
                                   and c.verified_by <> c.keyed_by) = 5""")).isGreaterThanOrEqualTo(5);
        // a verified copy whose two keyings differed somewhere: the verifier settled it by the paper
        assertThat(count("""
                        select count(distinct c.id) from estimate_copy c join estimate e on e.copy_id = c.id
                         where c.status = 'VERIFIED' and not e.own_household
                           and e.k1_suggested is distinct from e.k2_suggested""")).isGreaterThanOrEqualTo(3);
        // a panel part-way through entry: copies keyed, waiting for the verifier or for a resolution
        assertThat(count("select count(*) from estimate_copy where status in ('KEYED', 'VERIFYING')"))
                .isGreaterThanOrEqualTo(1);
        // R19-R21: hundreds of households aggregated, most of them with a proposed amount
        assertThat(count("select count(distinct household_id) from review_aggregation"))
                .isGreaterThanOrEqualTo(300);
        assertThat(count("""
                        select count(*) from review_pre_credit where status = 'COMPLETE' and eligible and amount > 0""")).isGreaterThanOrEqualTo(250);
    }

    @Test
    void theLedgerSnapshotFindsBothKindsOfR23_andTheFinalListsLeaveHouseholdsOffForEveryR24Kind() {
        List<String> kinds = jdbc.sql("select distinct kind from check_finding")
                .query(String.class)
                .list();
        assertThat(kinds).contains("NOT_ON_LIST", "ABOVE_PRE_CREDIT");
        List<String> statuses = jdbc.sql("select distinct status from check_finding")
                .query(String.class)
                .list();
        assertThat(statuses).contains("OPEN", "EXPLAINED", "ACCEPTED", "REFERRED");
        List<String> reasons = jdbc.sql("select distinct reason from check_final_list_left_off")
                .query(String.class)
                .list();
        assertThat(reasons)
                .contains("NON_PERFORMING", "GUARANTOR_REPAID", "WRITTEN_OFF", "GUARANTEE_DEFAULT", "LITIGATION")
                .contains("AUDIT_OPEN");
        assertThat(count("select count(*) from check_final_list_item")).isGreaterThanOrEqualTo(200);
        assertThat(count("select count(distinct branch_id) from check_final_list"))
                .isGreaterThanOrEqualTo(3);
    }

    @Test
    void hundredsApproved_mostNoticed_aGoodShareSignedAndDrawing_aFewRepaid_andOneFrozen() {
        // passed the whole chain (R26): approved, objected or waiting for the notice
        assertThat(count("select count(*) from approval_case where status in ('APPROVED', 'OBJECTED')"))
                .isGreaterThanOrEqualTo(100);
        assertThat(count("select count(*) from approval_case where status = 'REJECTED'"))
                .isGreaterThanOrEqualTo(1);
        assertThat(count("select count(*) from approval_case where status = 'IN_CHAIN'"))
                .isGreaterThanOrEqualTo(1);
        // R27: notices past their period and notices still in it
        assertThat(count("select count(*) from approval_notice_line")).isGreaterThanOrEqualTo(100);
        assertThat(count("select count(*) from approval_notice where posted_on + period_days <= :d"))
                .isGreaterThanOrEqualTo(5);
        assertThat(count("select count(*) from approval_notice where posted_on <= :d and posted_on + period_days > :d"))
                .isGreaterThanOrEqualTo(2);
        // R28: signed, drawing, repaid in full, and still to sign
        assertThat(count("select count(*) from credit_line")).isGreaterThanOrEqualTo(50);
        assertThat(count("select count(*) from credit_line where outstanding > 0"))
                .isGreaterThanOrEqualTo(20);
        assertThat(count("""
                        select count(*) from credit_line l where l.outstanding = 0
                           and exists (select 1 from credit_movement m where m.line_id = l.id and m.kind = 'DRAW')""")).isGreaterThanOrEqualTo(2);
        assertThat(count("""
                        select count(*) from credit_grantable g where not g.withdrawn and g.grantable_from <= :d
                           and not exists (select 1 from credit_line l where l.household_id = g.household_id)""")).isGreaterThanOrEqualTo(5);
        // R27: nobody signed before their notice period had passed
        assertThat(count("""
                        select count(*) from credit_line l join approval_case c on c.id = l.approval_case_id
                         where c.household_id = l.household_id and l.signed_on < c.grantable_from""")).isZero();
        // R7: an excluded member's household's line is frozen
        assertThat(count("select count(*) from credit_line where status = 'FROZEN'"))
                .isGreaterThanOrEqualTo(1);
    }
}
