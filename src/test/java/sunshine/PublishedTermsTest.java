package sunshine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import sunshine.publicity.PublishedTerms;
import sunshine.shared.Today;
import tools.jackson.databind.json.JsonMapper;

/** Published terms (R35): versions, what was in force on a day, the rate by grade and day, no back-dating. */
@PlatformTest
class PublishedTermsTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    @Autowired
    PublishedTerms terms;

    long bank;
    JsonCalls admin;

    @BeforeEach
    void clean() throws Exception {
        // the second demo bank starts without terms; this test owns them
        bank = new Fixtures(jdbc).bank("LCRCB");
        jdbc.sql("delete from terms_rate where terms_id in (select id from published_terms where bank_id = :b)")
                .param("b", bank)
                .update();
        jdbc.sql("delete from published_terms where bank_id = :b")
                .param("b", bank)
                .update();
        admin = new JsonCalls(mvc, json, Logins.as(mvc, "lc_admin"));
    }

    static String body(LocalDate from, String aa, String b) {
        return """
                {"effectiveFrom":"%s","conditions":"本地常住居民\\n信用良好","process":"建档\\n评议\\n审批",
                 "commitments":"不收额外费用","supervisionPhone":"0530-1111111","complaintPhone":"0530-2222222",
                 "rates":[{"grade":"AAA","annualRate":4.1},{"grade":"AA","annualRate":%s},{"grade":"B","annualRate":%s}]}""".formatted(from, aa, b);
    }

    @Test
    void aChangeIsANewVersion_andTheOldOneStillAnswersForEarlierDays() throws Exception {
        LocalDate today = Today.date();
        LocalDate start = today.minusDays(100);
        var v1 = admin.post("/api/v1/publicity/terms", body(start, "4.6", "6.0"));
        assertThat(v1.status()).isEqualTo(201);
        assertThat(v1.body().path("version").asInt()).isEqualTo(1);
        var v2 = admin.post("/api/v1/publicity/terms", body(today, "4.9", "6.5"));
        assertThat(v2.status()).isEqualTo(201);
        assertThat(v2.body().path("version").asInt()).isEqualTo(2);
        var v3 = admin.post("/api/v1/publicity/terms", body(today.plusDays(10), "5.0", "7.0"));
        assertThat(v3.body().path("version").asInt()).isEqualTo(3);

        // nothing before the first version took effect
        assertThat(terms.inForce(bank, start.minusDays(1))).isEmpty();
        assertThat(terms.inForce(bank, start).orElseThrow().version()).isEqualTo(1);
        assertThat(terms.inForce(bank, today.minusDays(1)).orElseThrow().version())
                .isEqualTo(1);
        assertThat(terms.inForce(bank, today).orElseThrow().version()).isEqualTo(2);
        assertThat(terms.inForce(bank, today.plusDays(9)).orElseThrow().version())
                .isEqualTo(2);
        assertThat(terms.inForce(bank, today.plusDays(10)).orElseThrow().version())
                .isEqualTo(3);

        // the rate follows grade and day (R35)
        assertThat(terms.rateFor(bank, "AA", today.minusDays(1))).contains(new BigDecimal("4.60"));
        assertThat(terms.rateFor(bank, "AA", today)).contains(new BigDecimal("4.90"));
        assertThat(terms.rateFor(bank, "b", today.plusDays(10))).contains(new BigDecimal("7.00"));
        assertThat(terms.rateFor(bank, "C", today)).isEmpty();
        assertThat(terms.rateFor(bank, "AAA", start.minusDays(1))).isEmpty();
        var rate = admin.get("/api/v1/publicity/rates/AA?date=" + today.minusDays(1));
        assertThat(rate.status()).isEqualTo(200);
        assertThat(rate.body().path("annualRatePercent").decimalValue()).isEqualByComparingTo("4.6");

        // the staff page shows the old version for a day before the change
        var session = Logins.as(mvc, "lc_admin");
        String page = mvc.perform(
                        get("/publicity/terms?date=" + today.minusDays(1)).session(session))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("第 1 版").contains("4.60%").doesNotContain("4.90%");

        // the other bank's terms are untouched and unseen
        long zq = new Fixtures(jdbc).bank("ZQRCB");
        assertThat(terms.rateFor(zq, "AA", today)).contains(new BigDecimal("4.85"));
    }

    @Test
    void publishedTermsCannotBeBackdated_andRatesMustBeSane() throws Exception {
        LocalDate today = Today.date();
        assertThat(admin.post("/api/v1/publicity/terms", body(today.minusDays(30), "4.6", "6.0"))
                        .status())
                .isEqualTo(201);
        var back = admin.post("/api/v1/publicity/terms", body(today.minusDays(1), "4.6", "6.0"));
        assertThat(back.status()).isEqualTo(400);
        assertThat(back.detail()).contains("R35");
        assertThat(admin.post("/api/v1/publicity/terms", body(today, "0", "6.0"))
                        .status())
                .isEqualTo(400);
        assertThat(terms.versions(bank)).hasSize(1);
        // a branch head may not publish
        JsonCalls head = new JsonCalls(mvc, json, Logins.as(mvc, "lc_head"));
        assertThat(head.post("/api/v1/publicity/terms", body(today, "4.6", "6.0"))
                        .status())
                .isEqualTo(403);
    }
}
