package sunshine.customer;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import sunshine.audit.AuditLog;
import sunshine.shared.BusinessException;
import sunshine.shared.DataScope;
import sunshine.shared.Today;
import tools.jackson.databind.json.JsonMapper;

/**
 * The six documents of R11 per customer, credit-report queries (only with a signed authorisation on file and
 * in date), and the e-banking questionnaire's answers (R10).
 */
@Service
public class Documents {

    /** The questions of the e-banking questionnaire (电子银行业务调查问卷), answered yes or no (R10). */
    public static final List<String> QUESTIONS =
            List.of("mobileBanking", "wechatPay", "alipay", "onlineShopping", "wantsMobileBanking", "wantsTraining");

    public record Document(
            long id, DocumentKind kind, LocalDate receivedOn, LocalDate validUntil, String note, Instant recordedAt) {}

    public record Query(long id, String purpose, String by, Instant at) {}

    private final JdbcClient jdbc;
    private final DataScope scope;
    private final AuditLog audit;
    private final Customers customers;
    private final JsonMapper json;

    Documents(JdbcClient jdbc, DataScope scope, AuditLog audit, Customers customers, JsonMapper json) {
        this.jdbc = jdbc;
        this.scope = scope;
        this.audit = audit;
        this.customers = customers;
        this.json = json;
    }

    @Transactional
    public void record(long customerId, DocumentKind kind, LocalDate receivedOn, LocalDate validUntil, String note) {
        Customer c = customers.get(customerId);
        if (kind == null || receivedOn == null) {
            throw new BusinessException("document.error.required");
        }
        if (receivedOn.isAfter(Today.date())) {
            throw new BusinessException("document.error.future");
        }
        if (validUntil != null && validUntil.isBefore(receivedOn)) {
            throw new BusinessException("document.error.validity");
        }
        if (kind == DocumentKind.CREDIT_QUERY_AUTHORISATION && validUntil == null) {
            throw new BusinessException("document.error.authorisationValidity");
        }
        jdbc.sql("""
                insert into customer_document (bank_id, customer_id, kind, received_on, valid_until, note, recorded_by)
                values (:b, :c, :k, :r, :v, :n, :by)""")
                .param("b", c.bankId())
                .param("c", customerId)
                .param("k", kind.name())
                .param("r", receivedOn)
                .param("v", validUntil)
                .param("n", note)
                .param("by", scope.user().staffId())
                .update();
        audit.record("DOCUMENT", "customer", customerId, null, Map.of("kind", kind.name()));
    }

    @Transactional(readOnly = true)
    public List<Document> of(long customerId) {
        customers.get(customerId);
        return jdbc.sql("select id, kind, received_on, valid_until, note, recorded_at from customer_document"
                        + " where customer_id = :c order by kind, received_on desc")
                .param("c", customerId)
                .query((rs, n) -> new Document(
                        rs.getLong(1),
                        DocumentKind.valueOf(rs.getString(2)),
                        rs.getDate(3).toLocalDate(),
                        rs.getDate(4) == null ? null : rs.getDate(4).toLocalDate(),
                        rs.getString(5),
                        rs.getTimestamp(6).toInstant()))
                .list();
    }

    /** Records a credit-report query; refused unless a signed authorisation is on file and in date (R11). */
    @Transactional
    public void recordCreditQuery(long customerId, String purpose) {
        Customer c = customers.get(customerId);
        if (purpose == null || purpose.isBlank()) {
            throw new BusinessException("document.error.purpose");
        }
        Long authorisation = jdbc.sql("""
                select id from customer_document
                 where customer_id = :c and kind = 'CREDIT_QUERY_AUTHORISATION'
                   and received_on <= :today and valid_until >= :today
                 order by valid_until desc limit 1""")
                .param("c", customerId)
                .param("today", Today.date())
                .query(Long.class)
                .optional()
                .orElseThrow(() -> new BusinessException("document.error.noAuthorisation"));
        jdbc.sql("""
                insert into credit_report_query (bank_id, customer_id, authorisation_id, purpose, queried_by)
                values (:b, :c, :a, :p, :by)""")
                .param("b", c.bankId())
                .param("c", customerId)
                .param("a", authorisation)
                .param("p", purpose.strip())
                .param("by", scope.user().staffId())
                .update();
        audit.record("CREDIT_QUERY", "customer", customerId, null, Map.of("purpose", purpose.strip()));
    }

    @Transactional(readOnly = true)
    public List<Query> queries(long customerId) {
        customers.get(customerId);
        return jdbc.sql("select q.id, q.purpose, s.name, q.queried_at from credit_report_query q"
                        + " join staff s on s.id = q.queried_by where q.customer_id = :c order by q.queried_at desc")
                .param("c", customerId)
                .query((rs, n) -> new Query(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getTimestamp(4).toInstant()))
                .list();
    }

    @Transactional
    public void answerQuestionnaire(long customerId, Map<String, Boolean> answers, LocalDate answeredOn) {
        Customer c = customers.get(customerId);
        if (answers == null || !QUESTIONS.containsAll(answers.keySet())) {
            throw new BusinessException("questionnaire.error.unknownQuestion");
        }
        jdbc.sql("""
                insert into customer_questionnaire (customer_id, bank_id, answers, answered_on, recorded_by)
                values (:c, :b, cast(:a as jsonb), :d, :by)
                on conflict (customer_id) do update set answers = excluded.answers, answered_on = excluded.answered_on,
                       recorded_by = excluded.recorded_by, recorded_at = now()""")
                .param("c", customerId)
                .param("b", c.bankId())
                .param("a", json.writeValueAsString(new java.util.TreeMap<>(answers)))
                .param("d", answeredOn == null ? Today.date() : answeredOn)
                .param("by", scope.user().staffId())
                .update();
        audit.record("QUESTIONNAIRE", "customer", customerId, null, null);
    }

    @Transactional(readOnly = true)
    public Map<String, Boolean> questionnaire(long customerId) {
        customers.get(customerId);
        return jdbc.sql("select answers from customer_questionnaire where customer_id = :c")
                .param("c", customerId)
                .query(String.class)
                .optional()
                .map(s -> json.readValue(s, new tools.jackson.core.type.TypeReference<Map<String, Boolean>>() {}))
                .orElse(Map.of());
    }
}
