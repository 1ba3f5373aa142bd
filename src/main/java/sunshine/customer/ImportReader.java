package sunshine.customer;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;
import sunshine.shared.BusinessException;
import sunshine.shared.Today;

/**
 * Reads the filing workbook as a stream, checks every row with the filing rules, and copies every row (good
 * or bad, with its reasons) into the staging table with PostgreSQL COPY. Formula cells are never evaluated:
 * a formula is refused. Memory stays flat whatever the number of rows.
 */
final class ImportReader {

    static final String COPY_COLUMNS =
            "import_id, row_no, status, reasons, area_cell, household_key, relationship_cell,"
                    + " name, resident_id_cell, gender_cell, birth_cell, phone, address, type_cell, occupation, employer,"
                    + " residence_cell, business_place, extra, area_id, branch_id, resident_id, gender, birth_date,"
                    + " customer_type, relationship, residence, name_keys, customer_id";

    /**
     * What the reader needs to know: the areas in scope by code, the bank's template fields, and the people
     * filed in scope (null when the workbook is too small for loading them to pay, {@link KnownPeople}).
     */
    record Context(Map<String, long[]> areasByCode, List<FilingField> fields, KnownPeople known) {
        Context(Map<String, long[]> areasByCode, List<FilingField> fields) {
            this(areasByCode, fields, null);
        }
    }

    /** Rows read and checked so far, for the progress on the page. */
    record Progress(AtomicLong read, AtomicLong checked) {
        Progress() {
            this(new AtomicLong(), new AtomicLong());
        }
    }

    private ImportReader() {}

    /**
     * What reading found: the number of data rows, how many passed every check (staged as NEW, or UNCHANGED when
     * {@link KnownPeople} knew them already), how many of those were UNCHANGED, and the resident IDs the file has
     * more than once.
     */
    record Outcome(long rows, long valid, long unchanged, Set<String> duplicateIds) {}

    /**
     * Reads the workbook into the staging table. Two threads share the work: one parses the sheet's XML into
     * cells, this one checks each row and writes it to COPY (while PostgreSQL, on its own process, stores it).
     */
    /** The import's own partition of the staged rows (V20); the id is a number, never user text. */
    static String partition(long importId) {
        return "filing_import_row_" + importId;
    }

    /**
     * Creates the import's partition. Created apart and then attached: attaching locks the parent only against
     * other schema changes, so imports being classified meanwhile go on.
     */
    static void createPartition(Connection connection, long importId) throws SQLException {
        try (var st = connection.createStatement()) {
            st.execute("create unlogged table if not exists " + partition(importId)
                    + " (like filing_import_row including defaults)");
            st.execute("alter table filing_import_row attach partition " + partition(importId) + " for values in ("
                    + importId + ")");
        }
    }

    static Outcome read(Path file, long importId, Context ctx, Connection connection, Progress progress)
            throws IOException, SQLException {
        createPartition(connection, importId);
        PGConnection pg = connection.unwrap(PGConnection.class);
        // from the file, not a stream: given a stream, fastexcel-reader holds the whole zip in memory
        try (ReadableWorkbook wb = new ReadableWorkbook(file.toFile(), new ReadingOptions(false, false));
                Stream<Row> rows = wb.getFirstSheet().openStream();
                PGCopyOutputStream copy = new PGCopyOutputStream(
                        pg,
                        "COPY " + partition(importId) + " (" + COPY_COLUMNS + ") FROM STDIN WITH (FORMAT csv)",
                        1 << 16);
                Writer out = new BufferedWriter(new OutputStreamWriter(copy, StandardCharsets.UTF_8), 1 << 16)) {
            Iterator<Row> it = rows.iterator();
            if (!it.hasNext()) {
                throw new BusinessException("import.error.empty");
            }
            checkHeader(it.next(), ctx.fields());
            int width = FilingColumns.FIXED.size() + ctx.fields().size();
            try (RowPipe<Cells> pipe = new RowPipe<>(it, row -> cells(row, width, progress), "filing-import-xml")) {
                LocalDate today = Today.date();
                IdSet seen = new IdSet();
                Set<String> duplicates = new HashSet<>();
                StringBuilder line = new StringBuilder(512);
                long count = 0;
                long valid = 0;
                for (List<Cells> batch; (batch = pipe.next()) != null; ) {
                    for (Cells row : batch) {
                        count++;
                        line.setLength(0);
                        String id =
                                StagedRows.encode(line, importId, row.rowNo(), row.cells(), ctx, row.problems(), today);
                        out.append(line);
                        if (id != null) {
                            valid++;
                            if (!seen.add(id)) {
                                duplicates.add(id);
                            }
                        }
                        progress.checked().incrementAndGet();
                    }
                }
                return new Outcome(
                        count, valid, ctx.known() == null ? 0 : ctx.known().matched(), duplicates);
            }
        }
    }

    /** The cells of one row as text, with what is wrong with the cells themselves; null for an empty row. */
    record Cells(int rowNo, String[] cells, List<FieldProblem> problems) {}

    private static Cells cells(Row row, int width, Progress progress) {
        progress.read().incrementAndGet();
        String[] cells = new String[width];
        List<FieldProblem> problems = new ArrayList<>(2);
        boolean empty = true;
        for (int i = 0; i < width; i++) {
            cells[i] = cell(row, i, problems, i == 4);
            empty &= cells[i] == null || cells[i].isBlank();
        }
        return empty ? null : new Cells(row.getRowNum(), cells, problems);
    }

    /** The header row must be the template's, so that no column is read as another. */
    private static void checkHeader(Row header, List<FilingField> fields) {
        List<String> expected = new ArrayList<>();
        FilingColumns.FIXED.forEach(c -> expected.add(c.header()));
        fields.forEach(f -> expected.add(f.labelZh()));
        for (int i = 0; i < expected.size(); i++) {
            String actual = header.getCellAsString(i).map(String::strip).orElse("");
            if (!actual.equals(expected.get(i))) {
                throw new BusinessException("import.error.header", i + 1, expected.get(i), actual);
            }
        }
    }

    /** A cell as text. Formulas are refused; an ID stored as a number is refused when it lost digits. */
    private static String cell(Row row, int i, List<FieldProblem> problems, boolean isResidentId) {
        if (i >= row.getCellCount()) {
            return null;
        }
        Cell c = row.getCell(i);
        if (c == null) {
            return null;
        }
        CellType type = c.getType();
        if (type == CellType.FORMULA) {
            problems.add(new FieldProblem(FilingColumnsKeys.key(i), "import.cell.formula"));
            return c.getFormula() == null ? null : "=" + c.getFormula();
        }
        if (type == CellType.NUMBER) {
            BigDecimal n = new BigDecimal(c.getRawValue());
            String plain = n.stripTrailingZeros().toPlainString();
            if (isResidentId && (n.precision() > 15 || plain.length() > 15)) {
                // Excel keeps 15 significant digits: an 18-digit ID typed as a number has lost its last digits
                problems.add(new FieldProblem("residentId", "import.cell.idAsNumber"));
            }
            return plain;
        }
        if (type == CellType.ERROR) {
            problems.add(new FieldProblem(FilingColumnsKeys.key(i), "import.cell.error"));
            return c.getRawValue();
        }
        String text = c.getText();
        return text == null ? null : text.strip();
    }

    /** The key of the n-th column, for messages about a cell. */
    static final class FilingColumnsKeys {
        private FilingColumnsKeys() {}

        static String key(int i) {
            return i < FilingColumns.FIXED.size() ? FilingColumns.FIXED.get(i).key() : "extra." + i;
        }
    }
}
