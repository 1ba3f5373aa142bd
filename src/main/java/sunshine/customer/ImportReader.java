package sunshine.customer;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
                    + " customer_type, relationship, residence, name_keys";

    /** What the reader needs to know: the areas in scope by code, the bank's template fields. */
    record Context(Map<String, long[]> areasByCode, List<FilingField> fields) {}

    /** Rows read and checked so far, for the progress on the page. */
    record Progress(AtomicLong read, AtomicLong checked) {
        Progress() {
            this(new AtomicLong(), new AtomicLong());
        }
    }

    private static final LocalDate EXCEL_EPOCH = LocalDate.of(1899, 12, 30);
    private static final DateTimeFormatter[] DATES = {
        DateTimeFormatter.ISO_LOCAL_DATE,
        DateTimeFormatter.ofPattern("yyyy/M/d"),
        DateTimeFormatter.ofPattern("yyyy.M.d"),
        DateTimeFormatter.ofPattern("yyyyMMdd"),
        DateTimeFormatter.ofPattern("yyyy-M-d")
    };

    private ImportReader() {}

    /** What reading found: the number of data rows, and the resident IDs the file has more than once. */
    record Outcome(long rows, java.util.Set<String> duplicateIds) {}

    /** Reads the workbook into the staging table. */
    static Outcome read(Path file, long importId, Context ctx, Connection connection, Progress progress)
            throws IOException, SQLException {
        PGConnection pg = connection.unwrap(PGConnection.class);
        try (InputStream in = Files.newInputStream(file);
                ReadableWorkbook wb = new ReadableWorkbook(in, new ReadingOptions(true, false));
                Stream<Row> rows = wb.getFirstSheet().openStream();
                PGCopyOutputStream copy = new PGCopyOutputStream(
                        pg, "COPY filing_import_row (" + COPY_COLUMNS + ") FROM STDIN WITH (FORMAT csv)", 1 << 16);
                Writer out = new BufferedWriter(new OutputStreamWriter(copy, StandardCharsets.UTF_8), 1 << 16)) {
            Iterator<Row> it = rows.iterator();
            if (!it.hasNext()) {
                throw new BusinessException("import.error.empty");
            }
            checkHeader(it.next(), ctx.fields());
            int width = FilingColumns.FIXED.size() + ctx.fields().size();
            LocalDate today = LocalDate.now();
            IdSet seen = new IdSet();
            java.util.Set<String> duplicates = new java.util.HashSet<>();
            long count = 0;
            while (it.hasNext()) {
                Row row = it.next();
                progress.read().incrementAndGet();
                String[] cells = new String[width];
                List<FieldProblem> problems = new ArrayList<>();
                boolean empty = true;
                for (int i = 0; i < width; i++) {
                    cells[i] = cell(row, i, problems, i == 4);
                    empty &= cells[i] == null || cells[i].isBlank();
                }
                if (empty) {
                    continue;
                }
                count++;
                String id = writeRow(out, importId, row.getRowNum(), cells, ctx, problems, today);
                if (id != null && !seen.add(id)) {
                    duplicates.add(id);
                }
                progress.checked().incrementAndGet();
            }
            return new Outcome(count, duplicates);
        }
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

    /** Writes one staged row; returns its resident ID when it is valid, for finding duplicates. */
    private static String writeRow(
            Writer out,
            long importId,
            int rowNo,
            String[] cells,
            Context ctx,
            List<FieldProblem> problems,
            LocalDate today)
            throws IOException {
        String areaCell = cells[0];
        long[] area = areaCell == null ? null : ctx.areasByCode().get(areaToken(areaCell));
        if (blank(areaCell)) {
            problems.add(new FieldProblem("area", "customer.field.required"));
        } else if (area == null) {
            problems.add(new FieldProblem("area", "import.area.unknown"));
        }
        if (blank(cells[1])) {
            problems.add(new FieldProblem("household", "customer.field.required"));
        }
        Relationship relationship = FilingColumns.relationship(cells[2]);
        if (relationship == null) {
            problems.add(new FieldProblem(
                    "relationship", blank(cells[2]) ? "customer.field.required" : "import.choice.unknown"));
        }
        Character gender = null;
        if (!blank(cells[5])) {
            int g = FilingColumns.GENDERS.indexOf(cells[5]);
            if (g < 0) {
                problems.add(new FieldProblem("gender", "import.choice.unknown"));
            } else {
                gender = g == 0 ? 'M' : 'F';
            }
        }
        LocalDate birth = null;
        if (!blank(cells[6])) {
            birth = date(cells[6]);
            if (birth == null) {
                problems.add(new FieldProblem("birthDate", "import.date.format"));
            }
        }
        CustomerType type = FilingColumns.type(cells[9]);
        if (type == null && !blank(cells[9])) {
            problems.add(new FieldProblem("customerType", "import.choice.unknown"));
        }
        Residence residence = FilingColumns.residence(cells[12]);
        if (residence == null) {
            problems.add(new FieldProblem("residence", "import.choice.unknown"));
        }
        Map<String, String> extra = new LinkedHashMap<>();
        for (int f = 0; f < ctx.fields().size(); f++) {
            String v = cells[FilingColumns.FIXED.size() + f];
            if (!blank(v)) {
                extra.put(ctx.fields().get(f).key(), v);
            }
        }
        FilingCommand cmd = new FilingCommand(
                area == null ? -1L : area[0],
                cells[3],
                cells[4],
                gender,
                birth,
                cells[7],
                cells[8],
                type,
                cells[10],
                cells[11],
                residence,
                cells[13],
                null,
                relationship,
                extra);
        // a cell already refused (formula, ID stored as a number, unknown choice) is not judged again
        java.util.Set<String> said = new java.util.HashSet<>();
        problems.forEach(p -> said.add(p.field()));
        for (FieldProblem p : FilingRules.check(cmd, ctx.fields())) {
            if (!said.contains(p.field())) {
                problems.add(p);
            }
        }
        // an ID with any problem of its own is not used, not even to find duplicates
        boolean idProblem = problems.stream().anyMatch(p -> p.field().equals("residentId"));
        ResidentId.Parsed id = idProblem ? new ResidentId.Parsed(null, null) : ResidentId.parse(cells[4], today);
        boolean valid = problems.isEmpty();
        StringBuilder line = new StringBuilder(256);
        line.append(importId);
        csv(line, String.valueOf(rowNo), true);
        csv(line, valid ? "NEW" : "INVALID", true);
        csv(line, valid ? null : reasons(problems), true);
        for (String cell : java.util.Arrays.copyOf(cells, FilingColumns.FIXED.size())) {
            csv(line, cell, true);
        }
        csv(line, extra.isEmpty() ? null : json(extra), true);
        csv(line, area == null ? null : String.valueOf(area[0]), true);
        csv(line, area == null ? null : String.valueOf(area[1]), true);
        csv(line, id.valid() ? id.id().value() : null, true);
        csv(line, id.valid() ? String.valueOf(id.id().gender()) : null, true);
        csv(line, id.valid() ? id.id().birthDate().toString() : null, true);
        csv(line, type == null ? null : type.name(), true);
        csv(line, relationship == null ? null : relationship.name(), true);
        csv(line, residence == null ? null : residence.name(), true);
        csv(line, valid ? PinyinKeys.of(cells[3]) : null, true);
        line.append('\n');
        out.append(line);
        return valid && id.valid() ? id.id().value() : null;
    }

    /** The area cell holds a 12-digit division code or #id, optionally followed by the name. */
    static String areaToken(String cell) {
        String s = cell.strip();
        int space = s.indexOf(' ');
        return space < 0 ? s : s.substring(0, space);
    }

    static LocalDate date(String s) {
        if (s.matches("\\d{5}(\\.0+)?")) {
            return EXCEL_EPOCH.plusDays(Long.parseLong(s.replaceAll("\\..*", "")));
        }
        for (DateTimeFormatter f : DATES) {
            try {
                return LocalDate.parse(s, f);
            } catch (DateTimeParseException e) {
                // try the next form
            }
        }
        return null;
    }

    /** field:key|arg;field:key ... (rendered in the reader's language when shown). */
    static String reasons(List<FieldProblem> problems) {
        StringBuilder sb = new StringBuilder();
        for (FieldProblem p : problems) {
            if (!sb.isEmpty()) {
                sb.append(';');
            }
            sb.append(p.field()).append(':').append(p.messageKey());
            for (Object a : p.args()) {
                sb.append('|').append(a);
            }
        }
        return sb.toString();
    }

    private static String json(Map<String, String> m) {
        StringBuilder sb = new StringBuilder("{");
        for (var e : m.entrySet()) {
            if (sb.length() > 1) {
                sb.append(',');
            }
            sb.append(quote(e.getKey())).append(':').append(quote(e.getValue()));
        }
        return sb.append('}').toString();
    }

    private static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                default -> {
                    if (ch < 0x20) {
                        sb.append(String.format("\\u%04x", (int) ch));
                    } else {
                        sb.append(ch);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }

    private static void csv(StringBuilder out, String value, boolean comma) {
        if (comma) {
            out.append(',');
        }
        if (value == null) {
            return;
        }
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            if (ch == '"') {
                out.append('"');
            }
            if (ch != 0) {
                out.append(ch);
            }
        }
        out.append('"');
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** The key of the n-th column, for messages about a cell. */
    static final class FilingColumnsKeys {
        private FilingColumnsKeys() {}

        static String key(int i) {
            return i < FilingColumns.FIXED.size() ? FilingColumns.FIXED.get(i).key() : "extra." + i;
        }
    }
}
