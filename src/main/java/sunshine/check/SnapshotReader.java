package sunshine.check;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import sunshine.shared.BusinessException;

/**
 * Reads a core-system file (xlsx or UTF-8 CSV) as a stream of rows of text cells; the header row must be the
 * template's. Formula cells are never evaluated: they are passed on marked, and refused by the row check.
 */
final class SnapshotReader {

    /** Marks a cell that held a formula (the row check refuses it). */
    static final String FORMULA = "\u0000formula";

    /** One data row: its number in the file (1 = header) and its cells. */
    record Line(int rowNo, String[] cells) {}

    private SnapshotReader() {}

    static void read(Path file, boolean xlsx, SnapshotKind kind, Consumer<Line> sink) throws IOException {
        if (xlsx) {
            readXlsx(file, kind, sink);
        } else {
            try (Reader r = new BufferedReader(
                    new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8), 1 << 16)) {
                readCsv(r, kind, sink);
            }
        }
    }

    private static void readXlsx(Path file, SnapshotKind kind, Consumer<Line> sink) throws IOException {
        int width = kind.fields().size();
        // from the file, not a stream: given a stream, fastexcel-reader holds the whole zip in memory
        try (ReadableWorkbook wb = new ReadableWorkbook(file.toFile(), new ReadingOptions(true, false));
                Stream<org.dhatim.fastexcel.reader.Row> rows =
                        wb.getFirstSheet().openStream()) {
            Iterator<org.dhatim.fastexcel.reader.Row> it = rows.iterator();
            if (!it.hasNext()) {
                throw new BusinessException("check.error.empty");
            }
            org.dhatim.fastexcel.reader.Row header = it.next();
            String[] h = new String[width];
            for (int i = 0; i < width; i++) {
                h[i] = header.getCellAsString(i).orElse(null);
            }
            checkHeader(h, kind);
            while (it.hasNext()) {
                org.dhatim.fastexcel.reader.Row row = it.next();
                String[] cells = new String[width];
                boolean empty = true;
                for (int i = 0; i < width; i++) {
                    cells[i] = i < row.getCellCount() ? cell(row.getCell(i)) : null;
                    empty &= cells[i] == null || cells[i].isBlank();
                }
                if (!empty) {
                    sink.accept(new Line(row.getRowNum(), cells));
                }
            }
        }
    }

    private static String cell(Cell c) {
        if (c == null) {
            return null;
        }
        if (c.getType() == CellType.FORMULA) {
            return FORMULA;
        }
        if (c.getType() == CellType.NUMBER) {
            return new BigDecimal(c.getRawValue()).stripTrailingZeros().toPlainString();
        }
        String t = c.getText();
        return t == null ? null : t.strip();
    }

    /** RFC 4180 CSV: quoted fields may hold commas, quotes (doubled) and line breaks; a BOM is skipped. */
    static void readCsv(Reader r, SnapshotKind kind, Consumer<Line> out) throws IOException {
        int[] count = {0};
        Consumer<Line> sink = l -> {
            count[0]++;
            out.accept(l);
        };
        int width = kind.fields().size();
        List<String> fields = new ArrayList<>(width + 2);
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        boolean header = true;
        int line = 1;
        int startLine = 1;
        int ch = r.read();
        if (ch == '\uFEFF') {
            ch = r.read();
        }
        boolean any = false;
        for (; ch != -1; ch = r.read()) {
            any = true;
            if (quoted) {
                if (ch == '"') {
                    r.mark(1);
                    int next = r.read();
                    if (next == '"') {
                        field.append('"');
                    } else {
                        quoted = false;
                        if (next == -1) {
                            break;
                        }
                        r.reset();
                    }
                } else {
                    if (ch == '\n') {
                        line++;
                    }
                    field.append((char) ch);
                }
            } else if (ch == '"' && field.isEmpty() && !wasQuoted) {
                quoted = true;
                wasQuoted = true;
            } else if (ch == ',') {
                fields.add(value(field, wasQuoted));
                field.setLength(0);
                wasQuoted = false;
            } else if (ch == '\n') {
                fields.add(value(field, wasQuoted));
                field.setLength(0);
                wasQuoted = false;
                header = emit(fields, header, startLine, kind, sink);
                fields.clear();
                line++;
                startLine = line;
            } else if (ch != '\r') {
                field.append((char) ch);
            }
        }
        if (!field.isEmpty() || !fields.isEmpty() || wasQuoted) {
            fields.add(value(field, wasQuoted));
            header = emit(fields, header, startLine, kind, sink);
        }
        if (!any || header || count[0] == 0) {
            throw new BusinessException("check.error.empty");
        }
    }

    private static String value(StringBuilder field, boolean quoted) {
        String s = quoted ? field.toString() : field.toString().strip();
        return s.isEmpty() ? null : s;
    }

    private static boolean emit(
            List<String> fields, boolean header, int rowNo, SnapshotKind kind, Consumer<Line> sink) {
        String[] cells = new String[kind.fields().size()];
        boolean empty = true;
        for (int i = 0; i < cells.length && i < fields.size(); i++) {
            cells[i] = fields.get(i);
            empty &= cells[i] == null || cells[i].isBlank();
        }
        if (header) {
            checkHeader(cells, kind);
            return false;
        }
        if (!empty) {
            sink.accept(new Line(rowNo, cells));
        }
        return false;
    }

    /** The header row must be the template's, so that no column is read as another. */
    private static void checkHeader(String[] cells, SnapshotKind kind) {
        for (int i = 0; i < kind.fields().size(); i++) {
            String expected = kind.fields().get(i).header();
            String actual = cells[i] == null ? "" : cells[i].strip();
            if (!actual.equals(expected)) {
                throw new BusinessException("check.error.header", i + 1, expected, actual);
            }
        }
    }
}
