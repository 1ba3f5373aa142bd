package sunshine.check;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import sunshine.customer.ResidentId;

/**
 * Checks one row of a core-system file and encodes it as a CSV line for COPY into check_row: every row is
 * kept, a refused one with its reasons as {@code FIELD:message.key;...} (shown in the reader's language).
 */
final class RowCheck {

    static final String COPY = "COPY check_row (snapshot_id, row_no, status, reasons, cells, loan_no, resident_id,"
            + " branch_id, manager_no, product, amount, balance, issue_date, maturity_date, event_date, loan_class,"
            + " guarantor_ids, personal, arrears, interest_paid, raise_wanted) FROM STDIN WITH (FORMAT csv)";

    /** The five-class loan status as the core system writes it. */
    static final Map<String, String> CLASSES =
            Map.of("正常", "NORMAL", "关注", "SPECIAL", "次级", "SUBSTANDARD", "可疑", "DOUBTFUL", "损失", "LOSS");

    static final Map<String, String> ARREARS = Map.of("无", "NONE", "恶意拖欠", "MALICIOUS", "非恶意拖欠", "NON_WILFUL");

    private static final LocalDate EXCEL_EPOCH = LocalDate.of(1899, 12, 30);
    private static final DateTimeFormatter[] DATES = {
        DateTimeFormatter.ISO_LOCAL_DATE,
        DateTimeFormatter.ofPattern("yyyy/M/d"),
        DateTimeFormatter.ofPattern("yyyy.M.d"),
        DateTimeFormatter.ofPattern("yyyyMMdd"),
        DateTimeFormatter.ofPattern("yyyy-M-d")
    };

    /** A branch of the bank: id and path (for the scope). */
    record Branch(long id, String path) {}

    private final SnapshotKind kind;
    private final Map<String, Branch> branches;
    private final String scopePath;

    RowCheck(SnapshotKind kind, Map<String, Branch> branches, String scopePath) {
        this.kind = kind;
        this.branches = branches;
        this.scopePath = scopePath;
    }

    /** Appends the row as one COPY line; returns whether it is valid. */
    boolean encode(StringBuilder out, long snapshotId, SnapshotReader.Line line) {
        List<String> problems = new ArrayList<>(2);
        Map<SnapshotField, String> v = new EnumMap<>(SnapshotField.class);
        String[] cells = line.cells();
        for (int i = 0; i < kind.fields().size(); i++) {
            SnapshotField f = kind.fields().get(i);
            String c = cells[i];
            if (SnapshotReader.FORMULA.equals(c)) {
                problems.add(f.key() + ":check.cell.formula");
                cells[i] = "=?";
            } else if (c == null || c.isBlank()) {
                if (kind.required(f)) {
                    problems.add(f.key() + ":check.field.required");
                }
            } else {
                v.put(f, c.strip());
            }
        }
        String residentId = null;
        String personCell = v.get(kind.person());
        if (personCell != null) {
            ResidentId.Parsed p = ResidentId.parse(personCell);
            if (p.valid()) {
                residentId = p.id().value();
            } else {
                problems.add(kind.person().key() + ":" + p.problem().messageKey);
            }
        }
        String guarantors = null;
        String gCell = v.get(SnapshotField.GUARANTORS) != null
                ? v.get(SnapshotField.GUARANTORS)
                : kind.person() == SnapshotField.GUARANTOR_ID ? null : v.get(SnapshotField.GUARANTOR_ID);
        if (gCell != null) {
            StringBuilder ids = new StringBuilder();
            for (String g : gCell.split("[;；,，、\\s]+")) {
                if (g.isBlank()) {
                    continue;
                }
                ResidentId.Parsed p = ResidentId.parse(g);
                if (!p.valid()) {
                    problems.add(SnapshotField.GUARANTORS.key() + ":" + p.problem().messageKey);
                    break;
                }
                ids.append(ids.isEmpty() ? "" : ";").append(p.id().value());
            }
            guarantors = ids.isEmpty() ? null : ids.toString();
        }
        Long branchId = null;
        String code = v.get(SnapshotField.BRANCH);
        if (code != null) {
            Branch b = branches.get(code);
            if (b == null) {
                problems.add("BRANCH:check.branch.unknown");
            } else if (!b.path().startsWith(scopePath)) {
                // a branch uploads only its own subtree's loans; head office any
                problems.add("BRANCH:check.branch.outOfScope");
            } else {
                branchId = b.id();
            }
        }
        BigDecimal amount = money(v, SnapshotField.AMOUNT, problems);
        BigDecimal balance = money(v, SnapshotField.BALANCE, problems);
        LocalDate issue = date(v, SnapshotField.ISSUE_DATE, problems);
        LocalDate maturity = date(v, SnapshotField.MATURITY_DATE, problems);
        LocalDate event = date(v, SnapshotField.EVENT_DATE, problems);
        if (issue != null && maturity != null && maturity.isBefore(issue)) {
            problems.add("MATURITY_DATE:check.date.beforeIssue");
        }
        String loanClass = choice(v, SnapshotField.CLASS, CLASSES, problems);
        String arrears = choice(v, SnapshotField.ARREARS, ARREARS, problems);
        Boolean personal = yesNo(v, SnapshotField.PERSONAL, problems);
        Boolean interest = yesNo(v, SnapshotField.INTEREST_PAID, problems);
        Boolean raise = yesNo(v, SnapshotField.RAISE, problems);
        String loanNo = v.getOrDefault(SnapshotField.LOAN_NO, v.get(SnapshotField.CERT_NO));
        tooLong(loanNo, 60, kind.fields().contains(SnapshotField.LOAN_NO) ? "LOAN_NO" : "CERT_NO", problems);
        tooLong(v.get(SnapshotField.MANAGER), 30, "MANAGER", problems);
        tooLong(v.get(SnapshotField.PRODUCT), 100, "PRODUCT", problems);
        boolean valid = problems.isEmpty();
        out.append(snapshotId).append(',').append(line.rowNo());
        sunshine.transfer.CopyCsv.next(out, valid ? "VALID" : "INVALID");
        sunshine.transfer.CopyCsv.next(out, valid ? null : String.join(";", problems));
        sunshine.transfer.CopyCsv.next(out, array(cells));
        sunshine.transfer.CopyCsv.next(out, loanNo);
        sunshine.transfer.CopyCsv.next(out, residentId);
        sunshine.transfer.CopyCsv.next(out, branchId == null ? null : branchId.toString());
        sunshine.transfer.CopyCsv.next(out, v.get(SnapshotField.MANAGER));
        sunshine.transfer.CopyCsv.next(out, v.get(SnapshotField.PRODUCT));
        sunshine.transfer.CopyCsv.next(out, amount == null ? null : amount.toPlainString());
        sunshine.transfer.CopyCsv.next(out, balance == null ? null : balance.toPlainString());
        sunshine.transfer.CopyCsv.next(out, issue == null ? null : issue.toString());
        sunshine.transfer.CopyCsv.next(out, maturity == null ? null : maturity.toString());
        sunshine.transfer.CopyCsv.next(out, event == null ? null : event.toString());
        sunshine.transfer.CopyCsv.next(out, loanClass);
        sunshine.transfer.CopyCsv.next(out, guarantors);
        sunshine.transfer.CopyCsv.next(out, personal == null ? null : personal.toString());
        sunshine.transfer.CopyCsv.next(out, arrears);
        sunshine.transfer.CopyCsv.next(out, interest == null ? null : interest.toString());
        sunshine.transfer.CopyCsv.next(out, raise == null ? null : raise.toString());
        out.append('\n');
        return valid;
    }

    private static void tooLong(String s, int max, String field, List<String> problems) {
        if (s != null && s.length() > max) {
            problems.add(field + ":check.field.tooLong|" + max);
        }
    }

    /** Amounts: numeric(18,2), never negative, at most two decimals. */
    private static BigDecimal money(Map<SnapshotField, String> v, SnapshotField f, List<String> problems) {
        String s = v.get(f);
        if (s == null) {
            return null;
        }
        BigDecimal n;
        try {
            n = new BigDecimal(s.replace(",", "").replace("，", ""));
        } catch (NumberFormatException e) {
            problems.add(f.key() + ":check.amount.format");
            return null;
        }
        if (n.signum() < 0) {
            problems.add(f.key() + ":check.amount.negative");
            return null;
        }
        if (n.stripTrailingZeros().scale() > 2 || n.precision() - n.scale() > 16) {
            problems.add(f.key() + ":check.amount.format");
            return null;
        }
        return n.setScale(2);
    }

    private LocalDate date(Map<SnapshotField, String> v, SnapshotField f, List<String> problems) {
        String s = v.get(f);
        if (s == null) {
            return null;
        }
        LocalDate d = parseDate(s);
        if (d == null || d.getYear() < 1950 || d.getYear() > 2100) {
            problems.add(f.key() + ":check.date.format");
            return null;
        }
        return d;
    }

    static LocalDate parseDate(String s) {
        if (s.matches("\\d{5}(\\.0+)?")) {
            return EXCEL_EPOCH.plusDays(Long.parseLong(s.replaceAll("\\..*", "")));
        }
        for (DateTimeFormatter f : DATES) {
            try {
                return LocalDate.parse(s, f);
            } catch (DateTimeParseException e) {
                // the next form
            }
        }
        return null;
    }

    private static String choice(
            Map<SnapshotField, String> v, SnapshotField f, Map<String, String> options, List<String> problems) {
        String s = v.get(f);
        if (s == null) {
            return null;
        }
        String c = options.get(s);
        if (c == null) {
            problems.add(f.key() + ":check.choice.unknown|"
                    + String.join("/", options.keySet().stream().sorted().toList()));
        }
        return c;
    }

    private static Boolean yesNo(Map<SnapshotField, String> v, SnapshotField f, List<String> problems) {
        String s = v.get(f);
        if (s == null) {
            return null;
        }
        return switch (s) {
            case "是", "Y", "y" -> Boolean.TRUE;
            case "否", "N", "n" -> Boolean.FALSE;
            default -> {
                problems.add(f.key() + ":check.choice.unknown|是/否");
                yield null;
            }
        };
    }

    /** A PostgreSQL array literal of the cells. */
    private static String array(String[] cells) {
        StringBuilder sb = new StringBuilder("{");
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                sb.append(',');
            }
            if (cells[i] == null) {
                sb.append("NULL");
            } else {
                sb.append('"');
                for (char ch : cells[i].toCharArray()) {
                    if (ch == '"' || ch == '\\') {
                        sb.append('\\');
                    }
                    if (ch != 0) {
                        sb.append(ch);
                    }
                }
                sb.append('"');
            }
        }
        return sb.append('}').toString();
    }
}
