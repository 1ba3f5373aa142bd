package sunshine.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import sunshine.Fixtures;
import sunshine.PlatformTest;
import sunshine.customer.ResidentId;
import sunshine.review.aggregation.Explanation;
import sunshine.review.batch.AggregationBatch;
import sunshine.shared.Today;

/**
 * The batch on real households (issue 5 points 5-8): estimates streamed from a table, the households' files from
 * the customer base, results with their explanations stored, and read back under the rule set version they name.
 * On 历城农商银行, whose rules no test changes (the defaults: band 1.1-1.5, unit 1,000, maximum 300,000).
 */
@PlatformTest
class AggregationBatchTest {

    @Autowired
    AggregationBatch batch;

    @Autowired
    ReviewRules rules;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MessageSource messages;

    @AfterEach
    void dropTable() {
        jdbc.sql("drop table if exists test_estimate").update();
    }

    @Test
    void aggregatesRatesAndExplainsEveryHousehold() throws Exception {
        Fixtures fx = new Fixtures(jdbc);
        long bank = fx.bank("LCRCB");
        long area = jdbc.sql("select min(id) from area where bank_id = :b")
                .param("b", bank)
                .query(Long.class)
                .single();
        long h1 = fx.householdOf(fx.customerIn(area, ResidentId.complete("37011219800101101"), "甲"));
        long h2 = fx.householdOf(fx.customerIn(area, ResidentId.complete("37011219800101102"), "乙"));
        long h3 = fx.householdOf(fx.customerIn(area, ResidentId.complete("37011219800101103"), "丙"));
        jdbc.sql("""
                create table test_estimate (household_id bigint, seat smallint, member_id bigint, member_household_id bigint,
                       assets numeric(18,2), liabilities numeric(18,2), gross_income numeric(18,2),
                       net_income numeric(18,2), suggested numeric(18,2), do_not_recommend boolean, keyed_by bigint,
                       verified_by bigint)""").update();
        // h1: the example, net 40,000 on every copy
        String[] s1 = {"50000", "60000", "60000", "70000", "90000"};
        for (int i = 0; i < 5; i++) {
            estimate(h1, i + 1, null, "200000", "20000", "100000", "40000", s1[i], false);
        }
        // h2: copy 2 of the member's own household (99,000), copy 4 "do not recommend" (written 50,000);
        // suggested counted: 30,000 (1), 40,000 (3), 0 (4), 45,000 (5) → drop 0 and 45,000, (30,000 + 40,000) / 2 =
        // 35,000; net 30,000 → 33,000 … 45,000: within → 35,000
        estimate(h2, 1, null, "100000", "0", "60000", "30000", "30000", false);
        estimate(h2, 2, h2, "100000", "0", "60000", "30000", "99000", false);
        estimate(h2, 3, null, "100000", "0", "60000", "30000", "40000", false);
        estimate(h2, 4, null, "100000", "0", "60000", "30000", "50000", true);
        estimate(h2, 5, null, "100000", "0", "60000", "30000", "45000", false);
        // h3: two copies → back to the panel
        estimate(h3, 1, null, "1", "1", "1", "1", "1", false);
        estimate(h3, 2, null, "1", "1", "1", "1", "1", false);

        AggregationBatch.Run run = batch.run(bank, new AggregationBatch.Source("""
                        select household_id, seat, member_id, member_household_id, assets, liabilities, gross_income,
                               net_income, suggested, do_not_recommend, keyed_by, verified_by
                          from test_estimate order by household_id, seat""", """
                        select h.id, extract(year from age(c.birth_date))::int, c.customer_type, c.residence,
                               (select count(*) from customer m where m.household_id = h.id)::int
                          from household h join customer c on c.id = h.representative_id
                         where h.id in (select household_id from test_estimate) order by h.id"""), null);

        assertThat(run.households()).isEqualTo(3);
        assertThat(run.estimates()).isEqualTo(12);
        assertThat(run.complete()).isEqualTo(2);
        assertThat(run.backToPanel()).isEqualTo(1);
        assertThat(jdbc.sql("select households from review_aggregation_run where id = :r")
                        .param("r", run.id())
                        .query(Integer.class)
                        .single())
                .isEqualTo(3);

        assertThat(row(run.id(), h1)).isEqualTo(List.of("COMPLETE", "63333.33", "40000.00", "60000.00", "ABOVE"));
        assertThat(row(run.id(), h2)).isEqualTo(List.of("COMPLETE", "35000.00", "30000.00", "35000.00", "WITHIN"));
        assertThat(row(run.id(), h3)).isEqualTo(List.of("BACK_TO_PANEL", "", "", "", ""));

        // the rating of h1 with its file: a farmer born 1980-01-01, one member. Net 40,000 → 40 × 0.3 = 12;
        // net worth 180,000 → 60 × 0.25 = 15; debt 10% → 100 × 0.15 = 15; age 25-55 → 100 × 0.1 = 10;
        // farmer → 80 × 0.1 = 8; nobody said no → 100 × 0.1 = 10: 70.00 → A
        int age = Period.between(LocalDate.of(1980, 1, 1), Today.date()).getYears();
        assertThat(age).as("the worked rating assumes an age of 25 to 55").isBetween(25, 55);
        assertThat(jdbc.sql("select score || ' ' || grade || ' ' || eligible from review_aggregation"
                                + " where run_id = :r and household_id = :h")
                        .param("r", run.id())
                        .param("h", h1)
                        .query(String.class)
                        .single())
                .isEqualTo("70.00 A true");

        // the stored explanation reads back under the version it names and explains itself
        String json = jdbc.sql(
                        "select explanation::text from review_aggregation where run_id = :r and household_id = :h")
                .param("r", run.id())
                .param("h", h2)
                .query(String.class)
                .single();
        Explanation e = Explanation.fromJson(json, rules.version(bank, run.ruleSetVersion()));
        List<String> text = ReviewCalculator.render(e, messages, Locale.CHINA);
        assertThat(text)
                .contains(
                        "第 2 份是成员对本人家庭的估值，无效，不计入（R13）。",
                        "第 4 份“不建议授信”：建议额度按 0 计。",
                        "去掉最低 0.00（第 4 份）和最高 45,000.00（第 5 份），中间 2 份合计 70,000.00 ÷ 2 = 35,000.00（四舍五入到分）",
                        "拟预授信金额：35,000.00");
        assertThat(jdbc.sql(
                                "select explanation::json->>'ruleSet' from review_aggregation where run_id = :r and household_id = :h")
                        .param("r", run.id())
                        .param("h", h2)
                        .query(String.class)
                        .single())
                .isEqualTo(String.valueOf(run.ruleSetVersion()));
    }

    private void estimate(
            long household,
            int seat,
            Long memberHousehold,
            String assets,
            String liabilities,
            String gross,
            String net,
            String suggested,
            boolean doNotRecommend) {
        jdbc.sql("""
                insert into test_estimate values (:h, :seat, :member, :mh, cast(:a as numeric), cast(:l as numeric),
                       cast(:g as numeric), cast(:n as numeric), cast(:s as numeric), :dnr, 7, 8)""")
                .param("h", household)
                .param("seat", seat)
                .param("member", household * 10 + seat)
                .param("mh", memberHousehold)
                .param("a", assets)
                .param("l", liabilities)
                .param("g", gross)
                .param("n", net)
                .param("s", suggested)
                .param("dnr", doNotRecommend)
                .update();
    }

    private List<String> row(long run, long household) {
        return jdbc.sql("""
                select status, coalesce(suggested::text, ''), coalesce(net_income::text, ''),
                       coalesce(proposed_amount::text, ''), coalesce(band, '')
                  from review_aggregation where run_id = :r and household_id = :h""")
                .param("r", run)
                .param("h", household)
                .query((rs, n) ->
                        List.of(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)))
                .single();
    }
}
