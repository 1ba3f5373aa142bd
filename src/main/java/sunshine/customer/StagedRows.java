package sunshine.customer;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One workbook row checked with the filing rules and encoded as a staged row (CSV for PostgreSQL COPY). */
final class StagedRows {

    private static final LocalDate EXCEL_EPOCH = LocalDate.of(1899, 12, 30);
    private static final DateTimeFormatter[] DATES = {
        DateTimeFormatter.ISO_LOCAL_DATE,
        DateTimeFormatter.ofPattern("yyyy/M/d"),
        DateTimeFormatter.ofPattern("yyyy.M.d"),
        DateTimeFormatter.ofPattern("yyyyMMdd"),
        DateTimeFormatter.ofPattern("yyyy-M-d")
    };

    private StagedRows() {}

    /**
     * Checks one row with the filing rules and appends it to {@code line} as a CSV line of
     * {@link ImportReader#COPY_COLUMNS}; returns its resident ID when the row is valid, for finding duplicates.
     */
    static String encode(
            StringBuilder line,
            long importId,
            int rowNo,
            String[] cells,
            ImportReader.Context ctx,
            List<FieldProblem> problems,
            LocalDate today) {
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
        // a filed person whose row changes nothing is known at once (KnownPeople); every other valid row is NEW
        // and classified in the database
        long unchanged = valid && id.valid() && ctx.known() != null
                ? ctx.known()
                        .unchanged(
                                id.id().value(),
                                new KnownPeople.Filed(
                                        // the cells exactly as staged below
                                        cells[3],
                                        cells[7],
                                        cells[8],
                                        type,
                                        cells[10],
                                        cells[11],
                                        residence,
                                        cells[13],
                                        area[0],
                                        extra,
                                        cells[1],
                                        relationship))
                : 0;
        line.append(importId);
        sunshine.transfer.CopyCsv.next(line, String.valueOf(rowNo));
        sunshine.transfer.CopyCsv.next(line, !valid ? "INVALID" : unchanged != 0 ? "UNCHANGED" : "NEW");
        sunshine.transfer.CopyCsv.next(line, valid ? null : reasons(problems));
        for (String cell : java.util.Arrays.copyOf(cells, FilingColumns.FIXED.size())) {
            sunshine.transfer.CopyCsv.next(line, cell);
        }
        sunshine.transfer.CopyCsv.next(line, extra.isEmpty() ? null : KnownPeople.jsonbText(extra));
        sunshine.transfer.CopyCsv.next(line, area == null ? null : String.valueOf(area[0]));
        sunshine.transfer.CopyCsv.next(line, area == null ? null : String.valueOf(area[1]));
        sunshine.transfer.CopyCsv.next(line, id.valid() ? id.id().value() : null);
        sunshine.transfer.CopyCsv.next(line, id.valid() ? String.valueOf(id.id().gender()) : null);
        sunshine.transfer.CopyCsv.next(line, id.valid() ? id.id().birthDate().toString() : null);
        sunshine.transfer.CopyCsv.next(line, type == null ? null : type.name());
        sunshine.transfer.CopyCsv.next(line, relationship == null ? null : relationship.name());
        sunshine.transfer.CopyCsv.next(line, residence == null ? null : residence.name());
        sunshine.transfer.CopyCsv.next(line, valid ? PinyinKeys.of(cells[3]) : null);
        sunshine.transfer.CopyCsv.next(line, unchanged == 0 ? null : String.valueOf(unchanged));
        line.append('\n');
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

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
