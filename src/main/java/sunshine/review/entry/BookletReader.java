package sunshine.review.entry;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import sunshine.review.BookletLabel;
import sunshine.review.EntryLine;
import sunshine.review.Figures;
import sunshine.review.booklet.BookletColumn;
import sunshine.review.booklet.BookletText;
import sunshine.review.booklet.BookletXlsx;
import sunshine.shared.BusinessException;

/**
 * Reads a filled-in booklet workbook (the xlsx the booklets print, R16) back: the version label from its hidden
 * cell, then each household row found by the hidden household-id column (not by row order). Amounts are in 万元 on
 * the sheet and come back in yuan. Every cell that cannot be taken is reported with its row and column; the
 * caller has checked the file with XlsxGuard first. The file is opened through ZipFile (random access), not
 * streamed.
 */
public final class BookletReader {

    /** A cell that could not be taken: Excel row (1-based), column letter and header, what is wrong, the value. */
    public record CellError(int row, String column, String header, String messageKey, String value) {}

    /** One household row of the sheet. */
    public record Line(int row, EntryLine entry) {}

    /** What the workbook holds. */
    public record Read(BookletLabel label, List<Line> lines, List<CellError> errors) {}

    /** Numbers above this many 万元 are refused, as the workbook's own validation does. */
    static final BigDecimal MAX_WAN = new BigDecimal("100000");

    private static final BigDecimal WAN = new BigDecimal("10000");
    private static final Pattern LABEL = Pattern.compile("P\\d{1,18}-V\\d{1,9}-C\\d{1,3}");
    private static final Pattern PHONE = Pattern.compile("(?<!\\d)(1[3-9]\\d{9})(?!\\d)");
    private static final Pattern ADDRESS = Pattern.compile("(?:住址|地址)\\s*[:：]?\\s*([^;；\\n]+)");
    private static final int ID_COLUMN = BookletXlsx.HOUSEHOLD_ID_COLUMN;

    private BookletReader() {}

    /**
     * Reads the table sheet. The member's own household (R13) carries a notice in place of its figures, which are
     * not read; its correction is. ownHouseholdId: that household as printed on the copy, when known.
     */
    public static Read read(Path file, Long ownHouseholdId) {
        try (ReadableWorkbook wb = new ReadableWorkbook(file.toFile(), new ReadingOptions(false, false))) {
            Optional<Sheet> sheet = wb.findSheet(BookletXlsx.TABLE_SHEET);
            if (sheet.isEmpty()) {
                throw new BusinessException("estimate.upload.noTable", BookletXlsx.TABLE_SHEET);
            }
            BookletLabel label = null;
            List<Line> lines = new ArrayList<>();
            List<CellError> errors = new ArrayList<>();
            try (Stream<Row> rows = sheet.get().openStream()) {
                for (Row row : (Iterable<Row>) rows::iterator) {
                    int r = row.getRowNum(); // 1-based
                    if (r <= BookletXlsx.HEADER_ROW + 1) {
                        if (label == null) {
                            label = label(row);
                        }
                        continue;
                    }
                    line(row, r, ownHouseholdId, errors).ifPresent(lines::add);
                }
            }
            if (label == null) {
                throw new BusinessException("estimate.upload.noVersion");
            }
            return new Read(label, lines, errors);
        } catch (IOException | RuntimeException e) {
            if (e instanceof BusinessException b) {
                throw b;
            }
            throw new BusinessException("xlsx.error.notXlsx");
        }
    }

    private static BookletLabel label(Row row) {
        String hidden = text(row, ID_COLUMN);
        Optional<BookletLabel> l = BookletLabel.parse(hidden);
        if (l.isPresent()) {
            return l.get();
        }
        for (Cell c : row) {
            if (c != null && c.getType() == CellType.STRING) {
                Matcher m = LABEL.matcher(c.asString());
                if (m.find()) {
                    return BookletLabel.parse(m.group()).orElse(null);
                }
            }
        }
        return null;
    }

    private static Optional<Line> line(Row row, int r, Long ownHouseholdId, List<CellError> errors) {
        Cell idCell = cell(row, ID_COLUMN);
        boolean filled = false;
        for (int c = BookletColumn.ASSETS.ordinal(); c <= BookletColumn.CORRECTIONS.ordinal(); c++) {
            if (!text(row, c).isEmpty()) {
                filled = true;
            }
        }
        Long household = null;
        if (idCell != null && idCell.getType() == CellType.NUMBER) {
            household = idCell.asNumber().longValue();
        }
        if (household == null) {
            if (filled) {
                errors.add(new CellError(r, column(ID_COLUMN), "household_id", "estimate.cell.noHousehold", ""));
            }
            return Optional.empty();
        }
        boolean own = household.equals(ownHouseholdId)
                || text(row, BookletColumn.ASSETS.ordinal()).equals(BookletText.OWN_HOUSEHOLD);
        int before = errors.size();
        Figures f = own
                ? Figures.BLANK
                : new Figures(
                        amount(row, r, BookletColumn.ASSETS, errors),
                        amount(row, r, BookletColumn.LIABILITIES, errors),
                        amount(row, r, BookletColumn.GROSS_INCOME, errors),
                        amount(row, r, BookletColumn.NET_INCOME, errors),
                        amount(row, r, BookletColumn.SUGGESTED_CREDIT, errors),
                        tick(row, r, errors));
        String remarks = own ? null : limit(text(row, BookletColumn.REMARKS.ordinal()), 500);
        String correction = limit(text(row, BookletColumn.CORRECTIONS.ordinal()), 500);
        if (errors.size() > before) {
            return Optional.empty();
        }
        return Optional.of(
                new Line(r, new EntryLine(household, f, remarks, correction, phone(correction), address(correction))));
    }

    private static BigDecimal amount(Row row, int r, BookletColumn col, List<CellError> errors) {
        Cell c = cell(row, col.ordinal());
        if (c == null || c.getType() == CellType.EMPTY) {
            return null;
        }
        BigDecimal wan;
        if (c.getType() == CellType.NUMBER) {
            wan = c.asNumber();
        } else {
            String s = c.getText() == null ? "" : c.getText().strip();
            if (s.isEmpty()) {
                return null;
            }
            try {
                wan = new BigDecimal(s.replace("，", "").replace(",", ""));
            } catch (NumberFormatException e) {
                errors.add(error(r, col, "estimate.cell.notNumber", s));
                return null;
            }
        }
        if (wan.signum() < 0) {
            errors.add(error(r, col, "estimate.cell.negative", wan.toPlainString()));
            return null;
        }
        if (wan.compareTo(MAX_WAN) >= 0) {
            errors.add(error(r, col, "estimate.cell.tooLarge", wan.toPlainString()));
            return null;
        }
        return wan.multiply(WAN);
    }

    private static boolean tick(Row row, int r, List<CellError> errors) {
        String s = text(row, BookletColumn.NOT_RECOMMENDED.ordinal());
        if (s.isEmpty()) {
            return false;
        }
        if (List.of("√", "✓", "✔", "v", "V", "是", "1").contains(s)) {
            return true;
        }
        errors.add(error(r, BookletColumn.NOT_RECOMMENDED, "estimate.cell.tick", s));
        return false;
    }

    private static CellError error(int r, BookletColumn col, String key, String value) {
        return new CellError(r, column(col.ordinal()), col.header(), key, limit(value, 40));
    }

    private static Cell cell(Row row, int col) {
        return col < row.getCellCount() ? row.getCell(col) : null;
    }

    private static String text(Row row, int col) {
        Cell c = cell(row, col);
        if (c == null || c.getType() == CellType.EMPTY) {
            return "";
        }
        String t = c.getText();
        return t == null ? "" : t.strip();
    }

    static String phone(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = PHONE.matcher(text);
        return m.find() ? m.group(1) : null;
    }

    static String address(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = ADDRESS.matcher(text);
        return m.find() ? m.group(1).strip() : null;
    }

    private static String limit(String s, int n) {
        if (s == null || s.isEmpty()) {
            return s == null || s.isEmpty() ? null : s;
        }
        return s.length() <= n ? s : s.substring(0, n);
    }

    /** A, B, … Z, AA, … for a 0-based column. */
    public static String column(int col) {
        StringBuilder sb = new StringBuilder();
        int c = col + 1;
        while (c > 0) {
            int rem = (c - 1) % 26;
            sb.insert(0, (char) ('A' + rem));
            c = (c - 1) / 26;
        }
        return sb.toString();
    }
}
