package sunshine.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import sunshine.shared.Today;
import tools.jackson.databind.json.JsonMapper;

/** What the checks' tests set up the same way: a review result inserted directly, a CSV uploaded through the API. */
final class CheckTestData {

    private CheckTestData() {}

    /** A review result for the household, as the review's batch leaves it (the latest one is its current one). */
    static long result(JdbcClient jdbc, long bank, long household, String amount, boolean eligible) {
        return jdbc.sql("""
                insert into review_aggregation (bank_id, household_id, rule_set_version, status, proposed_amount,
                                                eligible, grade, explanation)
                values (:b, :h, 1, 'COMPLETE', :a, :e, 'AA', cast('{}' as json)) returning id""")
                .param("b", bank)
                .param("h", household)
                .param("a", new BigDecimal(amount))
                .param("e", eligible)
                .query(Long.class)
                .single();
    }

    /** Uploads a CSV of today's date through the API and waits until it is LOADED; the snapshot's id. */
    static long upload(
            MockMvc mvc, JsonMapper json, JdbcClient jdbc, MockHttpSession who, String kind, String name, String csv)
            throws Exception {
        MockHttpServletResponse res = mvc.perform(multipart("/api/v1/checks/snapshots")
                        .file(new MockMultipartFile("file", name, "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
                        .param("kind", kind)
                        .param("asOf", Today.date().toString())
                        .session(who)
                        .with(csrf()))
                .andReturn()
                .getResponse();
        assertThat(res.getStatus()).as(res.getContentAsString()).isIn(200, 202);
        long id = json.readTree(res.getContentAsString())
                .get("snapshot")
                .get("id")
                .asLong();
        // loaded in the background; the checks it triggers commit with it
        long end = System.currentTimeMillis() + 60_000;
        String status;
        do {
            Thread.sleep(50);
            status = jdbc.sql("select status from check_snapshot where id = :s")
                    .param("s", id)
                    .query(String.class)
                    .single();
        } while ("LOADING".equals(status) && System.currentTimeMillis() < end);
        assertThat(status).isEqualTo("LOADED");
        return id;
    }
}
