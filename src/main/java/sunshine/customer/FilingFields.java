package sunshine.customer;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The bank's configuration of the provincial template's other fields (R4). */
@Service
public class FilingFields {

    private final JdbcClient jdbc;
    private final sunshine.audit.AuditLog audit;

    FilingFields(JdbcClient jdbc, sunshine.audit.AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    public List<FilingField> of(long bankId) {
        return jdbc.sql("select key, label_zh, label_en, kind, required, options, position from filing_field"
                        + " where bank_id = :b order by position, key")
                .param("b", bankId)
                .query((rs, n) -> new FilingField(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        FilingField.Kind.valueOf(rs.getString(4)),
                        rs.getBoolean(5),
                        rs.getString(6),
                        rs.getInt(7)))
                .list();
    }

    /** Adds or changes one field of a bank's template; the change is audited. */
    @Transactional
    public void define(long bankId, FilingField f) {
        if (f.key() == null || !f.key().matches("[a-z][a-zA-Z0-9]{1,39}")) {
            throw new sunshine.shared.BusinessException("field.error.key");
        }
        if (f.labelZh() == null
                || f.labelZh().isBlank()
                || f.labelEn() == null
                || f.labelEn().isBlank()) {
            throw new sunshine.shared.BusinessException("field.error.label");
        }
        if (f.kind() == FilingField.Kind.CHOICE
                && (f.options() == null || f.options().isBlank())) {
            throw new sunshine.shared.BusinessException("field.error.options");
        }
        if (FilingColumns.FIXED.stream()
                .anyMatch(c -> c.header().equals(f.labelZh().strip()))) {
            throw new sunshine.shared.BusinessException("field.error.label");
        }
        jdbc.sql("""
                insert into filing_field (bank_id, key, label_zh, label_en, kind, required, options, position)
                values (:b, :k, :zh, :en, :kind, :req, :opt, :pos)
                on conflict (bank_id, key) do update set label_zh = excluded.label_zh, label_en = excluded.label_en,
                       kind = excluded.kind, required = excluded.required, options = excluded.options,
                       position = excluded.position""")
                .param("b", bankId)
                .param("k", f.key())
                .param("zh", f.labelZh())
                .param("en", f.labelEn())
                .param("kind", f.kind().name())
                .param("req", f.required())
                .param("opt", f.options())
                .param("pos", f.position())
                .update();
        audit.record("DEFINE_FIELD", "filing_field", f.key(), null, f);
    }
}
