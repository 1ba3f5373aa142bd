package sunshine.dashboard;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import sunshine.shared.BusinessException;
import sunshine.transfer.SafeCells;

/**
 * A table written as it is produced, row by row, to an xlsx workbook (streaming: fastexcel, inline strings, flushed
 * every thousand rows) or a UTF-8 CSV file with a byte order mark. Every text goes through {@link SafeCells}, so
 * no cell runs as a formula; numbers stay numbers in the workbook.
 */
public abstract sealed class TableFile {

    /** The two formats offered. */
    public enum Format {
        XLSX("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        CSV("csv", "text/csv;charset=UTF-8");

        public final String extension;
        public final String contentType;

        Format(String extension, String contentType) {
            this.extension = extension;
            this.contentType = contentType;
        }

        /** {@code xlsx} (also when not given) or {@code csv}; anything else is refused in the user's language. */
        public static Format of(String name) {
            if (name == null || name.isBlank()) {
                return XLSX;
            }
            for (Format f : values()) {
                if (f.extension.equalsIgnoreCase(name.strip())) {
                    return f;
                }
            }
            throw new BusinessException("dashboard.error.format", name);
        }
    }

    /** Opens a file on the stream (not closed by {@link #finish()}) with a header row. */
    public static TableFile open(Format format, OutputStream out, String sheet, List<String> headers)
            throws IOException {
        TableFile f = format == Format.XLSX ? new Xlsx(out, sheet) : new Csv(out);
        f.row(headers.toArray());
        return f;
    }

    /** An attachment header with an ASCII name and the UTF-8 name beside it (RFC 6266). */
    public static String disposition(String asciiName, String name) {
        String encoded = URLEncoder.encode(name, StandardCharsets.UTF_8)
                .replace("+", "%20")
                .replace("*", "%2A");
        return "attachment; filename=\"" + asciiName + "\"; filename*=UTF-8''" + encoded;
    }

    /** One row: numbers as numbers (in xlsx), everything else as neutralised text, null as an empty cell. */
    public abstract void row(Object... values) throws IOException;

    /** Ends the file and flushes it. */
    public abstract void finish() throws IOException;

    private static final class Xlsx extends TableFile {
        private final Workbook workbook;
        private final Worksheet sheet;
        private int row;

        Xlsx(OutputStream out, String name) {
            workbook = new Workbook(out, "Sunshine Credit", "1.0");
            sheet = workbook.newWorksheet(name);
        }

        @Override
        public void row(Object... values) throws IOException {
            for (int c = 0; c < values.length; c++) {
                Object v = values[c];
                if (v instanceof Number n) {
                    sheet.value(row, c, n);
                } else if (v != null && !v.toString().isEmpty()) {
                    sheet.inlineString(row, c, SafeCells.neutralise(v.toString()));
                }
            }
            if (row == 0) {
                sheet.range(0, 0, 0, Math.max(0, values.length - 1))
                        .style()
                        .bold()
                        .set();
                sheet.freezePane(0, 1);
                for (int c = 0; c < values.length; c++) {
                    sheet.width(c, 16);
                }
            }
            row++;
            if (row % 1000 == 0) {
                sheet.flush();
            }
        }

        @Override
        public void finish() throws IOException {
            sheet.finish();
            workbook.finish();
        }
    }

    private static final class Csv extends TableFile {
        private final Writer writer;

        Csv(OutputStream out) throws IOException {
            writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
            writer.write('\uFEFF');
        }

        @Override
        public void row(Object... values) throws IOException {
            for (int c = 0; c < values.length; c++) {
                if (c > 0) {
                    writer.write(',');
                }
                Object v = values[c];
                writer.write(
                        v instanceof Number n ? n.toString() : SafeCells.csvField(v == null ? null : v.toString()));
            }
            writer.write("\r\n");
        }

        @Override
        public void finish() throws IOException {
            writer.flush();
        }
    }
}
