package sunshine.customer;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Locale;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import sunshine.transfer.SafeCells;

/**
 * The result workbook of an import: the uploaded rows as they were, plus the status and the reason of each
 * row in the reader's language. Streams, so a million rows fit in little memory.
 */
@Service
public class ImportResult {

    private final JdbcClient jdbc;
    private final FilingImports imports;
    private final MessageSource messages;

    ImportResult(JdbcClient jdbc, FilingImports imports, MessageSource messages) {
        this.jdbc = jdbc;
        this.imports = imports;
        this.messages = messages;
    }

    @Transactional(readOnly = true)
    public void write(long importId, Locale locale, OutputStream out) throws IOException {
        FilingImport i = imports.get(importId);
        Workbook wb = new Workbook(out, "Sunshine Credit", "1.0");
        Worksheet ws = wb.newWorksheet("导入结果");
        int c = 0;
        ws.inlineString(0, c++, messages.getMessage("import.result.row", null, locale));
        ws.inlineString(0, c++, messages.getMessage("import.result.status", null, locale));
        ws.inlineString(0, c++, messages.getMessage("import.result.reason", null, locale));
        for (FilingColumns.Column col : FilingColumns.FIXED) {
            ws.inlineString(0, c++, col.header());
        }
        ws.style(0, 0).bold().set();
        ws.range(0, 0, 0, c).style().bold().fillColor("EEEEEE").set();
        ws.freezePane(3, 1);
        ws.width(2, 60);
        int[] r = {1};
        jdbc.sql("""
                select row_no, status, reasons, changed_fields, area_cell, household_key, relationship_cell, name,
                       resident_id_cell, gender_cell, birth_cell, phone, address, type_cell, occupation, employer,
                       residence_cell, business_place
                  from filing_import_row where import_id = :i order by row_no""").param("i", i.id()).withFetchSize(5000).query((RowCallbackHandler) rs -> {
            int row = r[0]++;
            ws.value(row, 0, rs.getInt(1));
            String status = rs.getString(2);
            ws.inlineString(row, 1, messages.getMessage("import.status." + status, null, status, locale));
            String reason =
                    "CHANGED".equals(status) ? changed(rs.getString(4), locale) : reasons(rs.getString(3), locale);
            ws.inlineString(row, 2, reason);
            for (int k = 0; k < FilingColumns.FIXED.size(); k++) {
                String v = rs.getString(5 + k);
                if (v != null) {
                    ws.inlineString(row, 3 + k, SafeCells.neutralise(v));
                }
            }
            if (row % 10_000 == 0) {
                try {
                    ws.flush();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
        });
        wb.finish();
    }

    /** "phone:customer.phone.format;..." → "手机号码：电话号码格式不对……；…" */
    public String reasons(String encoded, Locale locale) {
        if (encoded == null || encoded.isBlank()) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        for (String part : encoded.split(";")) {
            int colon = part.indexOf(':');
            String field = part.substring(0, colon);
            String[] keyAndArgs = part.substring(colon + 1).split("\\|");
            Object[] args = java.util.Arrays.copyOfRange(keyAndArgs, 1, keyAndArgs.length);
            if (!sb.isEmpty()) {
                sb.append(locale.getLanguage().equals("en") ? "; " : "；");
            }
            sb.append(fieldLabel(field, locale)).append(locale.getLanguage().equals("en") ? ": " : "：");
            sb.append(messages.getMessage(keyAndArgs[0], args, keyAndArgs[0], locale));
        }
        return sb.toString();
    }

    String changed(String fields, Locale locale) {
        if (fields == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(messages.getMessage("import.result.changed", null, locale));
        for (String f : fields.split(",")) {
            sb.append(' ').append(messages.getMessage("field." + f, null, f, locale));
        }
        return sb.toString();
    }

    private String fieldLabel(String field, Locale locale) {
        for (FilingColumns.Column c : FilingColumns.FIXED) {
            if (c.key().equals(field)) {
                return locale.getLanguage().equals("en")
                        ? messages.getMessage("import.column." + field, null, field, locale)
                        : c.header();
            }
        }
        return field.startsWith("extra.") ? field.substring(6) : field;
    }
}
