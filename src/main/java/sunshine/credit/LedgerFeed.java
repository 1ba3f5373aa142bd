package sunshine.credit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import sunshine.shared.BusinessException;
import sunshine.shared.DataScope;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Draws and repayments from the core ledger (issue 7 point 4), as JSON lines: one object a line with txnId,
 * certificateNo, kind (DRAW or REPAYMENT), amount and date. Each line is applied in its own transaction through the
 * same rules as the counter; a txnId already applied is reported as a duplicate and changes nothing (idempotent).
 * Lines of certificates outside the caller's scope are refused like unknown ones.
 */
@Service
public class LedgerFeed {

    /** The outcome of one line: APPLIED, DUPLICATE or REFUSED (with a message key and its arguments). */
    public record LineResult(int lineNo, String txnId, String status, String messageKey, List<String> args) {}

    /** The outcome of a feed. */
    public record Result(int applied, int duplicates, int refused, List<LineResult> lines) {}

    static final int MAX_LINES = 100_000;

    private final JdbcClient jdbc;
    private final DataScope scope;
    private final CreditLines lines;
    private final LineMovements movements;
    private final TransactionTemplate tx;
    private final JsonMapper json;

    LedgerFeed(
            JdbcClient jdbc,
            DataScope scope,
            CreditLines lines,
            LineMovements movements,
            TransactionTemplate tx,
            JsonMapper json) {
        this.jdbc = jdbc;
        this.scope = scope;
        this.lines = lines;
        this.movements = movements;
        this.tx = tx;
        this.json = json;
    }

    public Result apply(Reader in) {
        long bank = scope.user().bankId();
        List<LineResult> results = new ArrayList<>();
        int applied = 0;
        int duplicates = 0;
        try (BufferedReader r = new BufferedReader(in)) {
            String text;
            int no = 0;
            while ((text = r.readLine()) != null) {
                no++;
                if (text.isBlank()) {
                    continue;
                }
                if (no > MAX_LINES) {
                    results.add(new LineResult(no, null, "REFUSED", "credit.feed.tooMany", List.of("" + MAX_LINES)));
                    break;
                }
                LineResult res = one(bank, no, text);
                results.add(res);
                applied += "APPLIED".equals(res.status()) ? 1 : 0;
                duplicates += "DUPLICATE".equals(res.status()) ? 1 : 0;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Result(applied, duplicates, results.size() - applied - duplicates, results);
    }

    private LineResult one(long bank, int no, String text) {
        Entry e;
        try {
            e = parse(text);
        } catch (RuntimeException ex) {
            return new LineResult(no, null, "REFUSED", "credit.feed.badLine", List.of());
        }
        if (e.txnId() == null || e.certificateNo() == null || e.kind() == null || e.amount() == null) {
            return new LineResult(no, e.txnId(), "REFUSED", "credit.feed.badLine", List.of());
        }
        if (known(bank, e.txnId())) {
            return new LineResult(no, e.txnId(), "DUPLICATE", null, List.of());
        }
        try {
            tx.executeWithoutResult(s -> {
                CreditLine line = lines.byCertificate(e.certificateNo());
                movements.move(line, e.kind(), e.amount(), e.date(), "LEDGER", e.txnId());
            });
            return new LineResult(no, e.txnId(), "APPLIED", null, List.of());
        } catch (DuplicateKeyException ex) {
            return new LineResult(no, e.txnId(), "DUPLICATE", null, List.of());
        } catch (BusinessException ex) {
            List<String> args = new ArrayList<>();
            for (Object a : ex.args()) {
                args.add(String.valueOf(a));
            }
            return new LineResult(no, e.txnId(), "REFUSED", ex.messageKey(), args);
        }
    }

    private boolean known(long bank, String txnId) {
        return jdbc.sql("select exists(select 1 from credit_movement where bank_id = :b and core_txn_id = :t)")
                .param("b", bank)
                .param("t", txnId)
                .query(Boolean.class)
                .single();
    }

    private record Entry(String txnId, String certificateNo, Movement.Kind kind, BigDecimal amount, LocalDate date) {}

    private Entry parse(String text) {
        JsonNode n = json.readTree(text);
        String txn = n.path("txnId").asText(null);
        if (txn != null && (txn.isBlank() || txn.length() > 64)) {
            throw new IllegalArgumentException("txnId");
        }
        String kind = n.path("kind").asText(null);
        String amount = n.path("amount").asText(null);
        String date = n.path("date").asText(null);
        return new Entry(
                txn,
                n.path("certificateNo").asText(null),
                kind == null ? null : Movement.Kind.valueOf(kind),
                amount == null ? null : new BigDecimal(amount),
                date == null ? null : LocalDate.parse(date));
    }
}
