package sunshine.credit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import sunshine.audit.AuditLog;
import sunshine.shared.BusinessException;
import sunshine.shared.CurrentUser;
import sunshine.shared.DataScope;

/**
 * Each customer's archive against the bank's catalogue (档案目录, issue 7 point 6, R29): which items are in the file.
 * The catalogue is the bank's own when it has one (credit_archive_item), otherwise the documents of 000 §4.5.1(2)
 * (R11) and the credit papers of R28.
 */
@Service
public class ArchiveChecklist {

    /** The default catalogue: codes whose names are message keys credit.archive.{code}. */
    static final List<String> DEFAULT = List.of(
            "ID_COPY",
            "HOUSEHOLD_REGISTER",
            "SURVEY_FORM",
            "RATING_APPLICATION",
            "CREDIT_QUERY_AUTH",
            "CREDIT_REPORT",
            "APPROVAL_RECORD",
            "CONTRACT",
            "GUARANTEE",
            "CERTIFICATE_COPY");

    /** One catalogue item and whether the line's file holds it. messageKey is null for a bank's own item. */
    public record Item(
            String code, String messageKey, String name, Boolean present, String note, String staffName, Instant at) {}

    private final JdbcClient jdbc;
    private final DataScope scope;
    private final AuditLog audit;
    private final CreditLines lines;

    ArchiveChecklist(JdbcClient jdbc, DataScope scope, AuditLog audit, CreditLines lines) {
        this.jdbc = jdbc;
        this.scope = scope;
        this.audit = audit;
        this.lines = lines;
    }

    /** The line's checklist (in scope), in catalogue order. */
    @Transactional(readOnly = true)
    public List<Item> of(long lineId) {
        CreditLine line = lines.get(lineId);
        Map<String, Item> marks = new HashMap<>();
        jdbc.sql("select code, present, note, staff_name, at from credit_archive_check where line_id = :l")
                .param("l", lineId)
                .query((rs, n) -> new Item(
                        rs.getString(1),
                        null,
                        null,
                        rs.getBoolean(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getTimestamp(5).toInstant()))
                .list()
                .forEach(i -> marks.put(i.code(), i));
        List<Item> items = new ArrayList<>();
        for (String[] c : catalogue(line.bankId())) {
            Item m = marks.get(c[0]);
            items.add(new Item(
                    c[0],
                    c[1],
                    c[2],
                    m == null ? null : m.present(),
                    m == null ? null : m.note(),
                    m == null ? null : m.staffName(),
                    m == null ? null : m.at()));
        }
        return items;
    }

    /** Marks an item of the catalogue as in the file or missing (audited). */
    @Transactional
    public List<Item> mark(long lineId, String code, boolean present, String note) {
        CreditLine line = lines.get(lineId);
        if (catalogue(line.bankId()).stream().noneMatch(c -> c[0].equals(code))) {
            throw new BusinessException("credit.error.archiveItem", code);
        }
        CurrentUser u = scope.user();
        String shown = note == null || note.isBlank() ? null : note.strip();
        if (shown != null && shown.length() > 200) {
            shown = shown.substring(0, 200);
        }
        jdbc.sql("""
                insert into credit_archive_check (line_id, code, present, note, staff_id, staff_name)
                values (:l, :c, :p, :note, :s, :name)
                on conflict (line_id, code) do update set present = excluded.present, note = excluded.note,
                       staff_id = excluded.staff_id, staff_name = excluded.staff_name, at = now()""")
                .param("l", lineId)
                .param("c", code)
                .param("p", present)
                .param("note", shown)
                .param("s", u.staffId() > 0 ? u.staffId() : null)
                .param("name", u.name())
                .update();
        audit.record("CREDIT_ARCHIVE", "credit_line", lineId, null, Map.of("item", code, "present", present));
        return of(lineId);
    }

    /** {code, message key or null, name or null} per item. */
    private List<String[]> catalogue(long bankId) {
        List<String[]> own = jdbc.sql("select code, name from credit_archive_item where bank_id = :b order by position")
                .param("b", bankId)
                .query((rs, n) -> new String[] {rs.getString(1), null, rs.getString(2)})
                .list();
        if (!own.isEmpty()) {
            return own;
        }
        return DEFAULT.stream()
                .map(c -> new String[] {c, "credit.archive." + c, null})
                .toList();
    }
}
