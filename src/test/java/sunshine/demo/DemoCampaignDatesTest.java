package sunshine.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import sunshine.PlatformTest;
import sunshine.shared.Today;

/**
 * The demo bank at every stage of the campaign (issue 9): a village noticed ten days ago whose households signed
 * and draw, a village noticed today with an objection open, and the dates of each step in the order the rules
 * allow (R27: no grant before the notice period has passed; R28: draws inside the term).
 */
@PlatformTest
class DemoCampaignDatesTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void oneVillageIsPastItsNotice_signedAndDrawing_andAnotherIsNoticedToday() {
        LocalDate today = Today.date();
        List<Map<String, Object>> notices = jdbc.sql("""
                        select n.area_id, n.posted_on, n.period_days,
                               count(o.id) filter (where o.status = 'OPEN') as open_objections,
                               count(o.id) filter (where o.status = 'KEPT') as kept
                          from approval_notice n left join approval_objection o on o.notice_id = n.id
                         group by n.id order by n.id""").query().listOfRows();
        assertThat(notices).hasSizeGreaterThanOrEqualTo(2);
        // the demo's first notice with an objection kept (other tests post theirs later, in the same database)
        Map<String, Object> past = notices.stream()
                .filter(n -> ((Number) n.get("kept")).longValue() > 0)
                .findFirst()
                .orElseThrow();
        assertThat(((java.sql.Date) past.get("posted_on")).toLocalDate())
                .as("the first village's notice period is over")
                .isBefore(today.minusDays(((Number) past.get("period_days")).longValue()));
        assertThat(((Number) past.get("kept")).longValue()).isEqualTo(1);
        assertThat(notices)
                .as("a village noticed today with its objection still open")
                .anyMatch(
                        n -> ((java.sql.Date) n.get("posted_on")).toLocalDate().equals(today)
                                && ((Number) n.get("open_objections")).longValue() == 1);

        // the village whose period has passed signed after it, and draws
        List<Map<String, Object>> lines =
                jdbc.sql("""
                        select l.signed_on, l.limit_amount, l.outstanding, h.area_id,
                               coalesce(sum(m.amount) filter (where m.kind = 'DRAW'), 0) as drawn,
                               coalesce(sum(m.amount) filter (where m.kind = 'REPAYMENT'), 0) as repaid,
                               min(m.on_date) as first_movement
                          from credit_line l join household h on h.id = l.household_id
                          left join credit_movement m on m.line_id = l.id
                         where h.area_id = :area
                         group by l.id, h.area_id""").param("area", past.get("area_id")).query().listOfRows();
        assertThat(lines).isNotEmpty();
        LocalDate grantable = ((java.sql.Date) past.get("posted_on"))
                .toLocalDate()
                .plusDays(((Number) past.get("period_days")).longValue());
        long drawing = 0;
        long repaying = 0;
        for (Map<String, Object> l : lines) {
            LocalDate signed = ((java.sql.Date) l.get("signed_on")).toLocalDate();
            assertThat(signed).isAfterOrEqualTo(grantable).isBefore(today);
            BigDecimal drawn = (BigDecimal) l.get("drawn");
            BigDecimal repaid = (BigDecimal) l.get("repaid");
            // outstanding is what was drawn less what came back, never above the limit
            assertThat((BigDecimal) l.get("outstanding")).isEqualByComparingTo(drawn.subtract(repaid));
            assertThat(drawn).isLessThanOrEqualTo((BigDecimal) l.get("limit_amount"));
            if (drawn.signum() > 0) {
                drawing++;
                assertThat(((java.sql.Date) l.get("first_movement")).toLocalDate())
                        .isAfter(signed);
            }
            if (repaid.signum() > 0) {
                repaying++;
            }
        }
        assertThat(drawing).isPositive();
        assertThat(repaying).isPositive().isLessThanOrEqualTo(drawing);
    }
}
