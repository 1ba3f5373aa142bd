package sunshine.review.booklet;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.List;
import org.dhatim.fastexcel.BorderStyle;
import org.dhatim.fastexcel.DataValidationErrorStyle;
import org.dhatim.fastexcel.PaperSize;
import org.dhatim.fastexcel.Position;
import org.dhatim.fastexcel.ProtectionOption;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import sunshine.review.booklet.BookletContent.Copy;
import sunshine.review.booklet.BookletContent.Row;
import sunshine.transfer.SafeCells;

/**
 * A member's copy of a booklet as an xlsx workbook, laid out like the paper (R16): a cover sheet with the
 * instructions, then the table sheet. Both sheets are protected; only the blank cells a member fills in are
 * unlocked, the amount columns accept only numbers. The version (P{panel}-V{version}-C{copy}) is kept where an
 * upload can find it (issue 5): a hidden, locked cell named {@value #VERSION_NAME}, and the custom document
 * property of the same name.
 */
public final class BookletXlsx {

    public static final String TABLE_SHEET = "评议表";
    public static final String COVER_SHEET = "封面";
    public static final String VERSION_NAME = "BookletVersion";
    /** Header row of the table sheet (0-based); households follow from the next row on. */
    public static final int HEADER_ROW = 2;
    /** The hidden column with the household's id, for matching an upload without trusting the row order. */
    public static final int HOUSEHOLD_ID_COLUMN = BookletColumn.values().length;

    private static final BookletColumn[] COLUMNS = BookletColumn.values();
    private static final String FONT = "宋体";
    private static final String SHADE = "D0D0D0";
    private static final String HEADER_FILL = "EAEAEA";
    private static final double[] WIDTHS = {5, 9, 14, 19, 18, 12.5, 8.5, 8.5, 8.5, 8.5, 9, 7, 10, 16};

    private final String password;

    /** @param password guards the protected sheets against slips; it is not a secret */
    public BookletXlsx(String password) {
        this.password = password;
    }

    /** Writes the copy (the member's seat number) as a workbook; the stream is flushed, not closed. */
    public void write(BookletContent content, int copyNumber, OutputStream out) throws IOException {
        Copy copy = content.copy(copyNumber);
        String label = content.label(copyNumber);
        Workbook wb = new Workbook(out, "Sunshine Credit", "1.0");
        wb.setGlobalDefaultFont(FONT, 12);
        wb.setCompressionLevel(1);
        wb.properties()
                .setTitle(BookletText.TITLE + " · " + content.panelName() + " · " + copyNumber)
                .setSubject(label)
                .setCompany(content.bankName())
                .setTextProperty(VERSION_NAME, label)
                .setNumberProperty("BookletPanelId", BigDecimal.valueOf(content.panelId()))
                .setNumberProperty("BookletVersionNo", BigDecimal.valueOf(content.version()))
                .setNumberProperty("BookletCopy", BigDecimal.valueOf(copyNumber));
        cover(wb.newWorksheet(COVER_SHEET), content, copy, label);
        table(wb.newWorksheet(TABLE_SHEET), content, copy, label);
        wb.setActiveTab(1);
        wb.finish();
        out.flush();
    }

    private void cover(Worksheet ws, BookletContent c, Copy copy, String label) {
        ws.width(0, 6);
        ws.width(1, 120);
        int r = 0;
        ws.inlineString(r, 0, c.bankName());
        ws.range(r, 0, r, 1).merge();
        ws.range(r, 0, r, 1).style().fontSize(14).horizontalAlignment("center").set();
        r++;
        ws.inlineString(
                r,
                0,
                BookletText.TITLE + "　"
                        + BookletText.copyOf(copy.number(), c.copies().size()));
        ws.range(r, 0, r, 1).merge();
        ws.range(r, 0, r, 1)
                .style()
                .fontSize(22)
                .bold()
                .horizontalAlignment("center")
                .set();
        ws.rowHeight(r, 36);
        r += 2;
        for (String line : List.of(
                "支行（信用社）：" + c.branchName(),
                "评议小组：" + c.panelName(),
                "评议人：" + copy.memberName() + (copy.role() == null ? "" : "（" + copy.role() + "）"),
                "本册共 " + c.rows().size() + " 户　　版本号：" + label + "　　打印日期：" + c.printedOn())) {
            ws.inlineString(r, 1, SafeCells.neutralise(line));
            ws.style(r, 1).fontSize(14).set();
            ws.rowHeight(r++, 22);
        }
        r++;
        ws.inlineString(r, 1, BookletText.INSTRUCTIONS_TITLE);
        ws.style(r, 1).fontSize(14).bold().set();
        r++;
        int n = 1;
        for (String item : BookletText.INSTRUCTIONS) {
            ws.value(r, 0, n++);
            ws.inlineString(r, 1, item);
            ws.range(r, 0, r, 1)
                    .style()
                    .fontSize(13)
                    .wrapText(true)
                    .verticalAlignment("top")
                    .set();
            ws.rowHeight(r++, item.length() > 60 ? 38 : 20);
        }
        r++;
        ws.inlineString(r, 1, BookletText.SIGNATURE + "＿＿＿＿＿＿＿＿　　" + BookletText.DATE_LINE);
        ws.style(r, 1).fontSize(14).set();
        pageSetup(ws, label);
        ws.protect(password);
    }

    private void table(Worksheet ws, BookletContent c, Copy copy, String label) {
        int last = COLUMNS.length - 1;
        for (int i = 0; i < COLUMNS.length; i++) {
            ws.width(i, WIDTHS[i]);
        }
        ws.inlineString(
                0,
                0,
                SafeCells.neutralise(
                        BookletText.TITLE + " · " + c.bankName() + c.branchName() + " · 评议小组：" + c.panelName()));
        ws.range(0, 0, 0, last).merge();
        ws.range(0, 0, 0, last).style().fontSize(14).bold().set();
        ws.rowHeight(0, 24);
        ws.inlineString(
                1,
                0,
                SafeCells.neutralise(BookletText.copyOf(
                                copy.number(), c.copies().size()) + "　评议人：" + copy.memberName() + "　版本号：" + label));
        ws.range(1, 0, 1, last).merge();
        ws.range(1, 0, 1, last).style().fontSize(12).set();
        // the version, hidden and locked, named so an upload finds it wherever the sheet's layout goes
        ws.inlineString(1, HOUSEHOLD_ID_COLUMN, label);
        ws.range(1, HOUSEHOLD_ID_COLUMN, 1, HOUSEHOLD_ID_COLUMN).setName(VERSION_NAME);
        for (int i = 0; i < COLUMNS.length; i++) {
            ws.inlineString(HEADER_ROW, i, COLUMNS[i].header());
        }
        ws.inlineString(HEADER_ROW, HOUSEHOLD_ID_COLUMN, "household_id");
        ws.range(HEADER_ROW, 0, HEADER_ROW, last)
                .style()
                .bold()
                .fontSize(11)
                .wrapText(true)
                .horizontalAlignment("center")
                .verticalAlignment("center")
                .fillColor(HEADER_FILL)
                .borderStyle(BorderStyle.THIN)
                .set();
        ws.rowHeight(HEADER_ROW, 58);
        ws.hideColumn(HOUSEHOLD_ID_COLUMN);

        int first = HEADER_ROW + 1;
        int r = first;
        for (Row row : c.rows()) {
            ws.value(r, 0, row.no());
            ws.inlineString(r, 1, SafeCells.neutralise(row.representative()));
            ws.inlineString(r, 2, SafeCells.neutralise(String.join("\n", row.members())));
            ws.inlineString(r, 3, row.residentIdMasked());
            ws.inlineString(r, 4, SafeCells.neutralise(row.address()));
            ws.inlineString(r, 5, SafeCells.neutralise(row.phone()));
            ws.value(r, HOUSEHOLD_ID_COLUMN, row.householdId());
            ws.rowHeight(r, Math.max(34, 15.5 * lines(row) + 3));
            r++;
        }
        int end = Math.max(first, r - 1);
        int firstBlank = BookletColumn.ASSETS.ordinal();
        ws.range(first, 0, end, 0)
                .style()
                .horizontalAlignment("center")
                .verticalAlignment("top")
                .borderStyle(BorderStyle.THIN)
                .set();
        ws.range(first, 1, end, firstBlank - 1)
                .style()
                .wrapText(true)
                .verticalAlignment("top")
                .borderStyle(BorderStyle.THIN)
                .set();
        ws.range(first, firstBlank, end, last)
                .style()
                .wrapText(true)
                .verticalAlignment("top")
                .borderStyle(BorderStyle.THIN)
                .protectionOption(ProtectionOption.LOCKED, false)
                .set();
        for (int i = 0; i < c.rows().size(); i++) {
            if (BookletContent.ownHousehold(copy, c.rows().get(i))) {
                ownHousehold(ws, first + i);
            }
        }
        if (r > first) {
            validations(ws, first, end);
        }
        ws.freezePane(2, first);
        ws.repeatRows(0, HEADER_ROW);
        pageSetup(ws, label);
        ws.protect(password);
    }

    /** R13: the member's own household is shaded, its blank cells locked but for the contact corrections. */
    private static void ownHousehold(Worksheet ws, int r) {
        int from = BookletColumn.ASSETS.ordinal();
        int to = BookletColumn.REMARKS.ordinal();
        ws.inlineString(r, from, BookletText.OWN_HOUSEHOLD);
        ws.range(r, from, r, to).merge();
        ws.range(r, 0, r, from - 1).style().fillColor(SHADE).set();
        ws.range(r, from, r, to)
                .style()
                .fillColor(SHADE)
                .bold()
                .fontSize(14)
                .horizontalAlignment("center")
                .verticalAlignment("center")
                .protectionOption(ProtectionOption.LOCKED, true)
                .set();
    }

    private static void validations(Worksheet ws, int first, int end) {
        for (BookletColumn c : COLUMNS) {
            if (c.amount()) {
                String cell = cellName(c.ordinal(), first);
                ws.range(first, c.ordinal(), end, c.ordinal())
                        // fastexcel writes the formula unescaped: no "<" in it
                        .validateWithFormula("AND(ISNUMBER(" + cell + ")," + cell + ">=0,100000>" + cell + ")")
                        .allowBlank(true)
                        .errorStyle(DataValidationErrorStyle.STOP)
                        .showErrorMessage(true)
                        .errorTitle("请填数字")
                        .error("请填写数字，单位是万元（如 8 或 0.5），不能是负数。");
            }
        }
        int nr = BookletColumn.NOT_RECOMMENDED.ordinal();
        ws.range(first, nr, end, nr)
                .validateWithListByFormula("\"√\"")
                .allowBlank(true)
                .showDropdown(true)
                .errorStyle(DataValidationErrorStyle.STOP)
                .showErrorMessage(true)
                .errorTitle("不建议授信")
                .error("不建议授信的，请选“√”；建议授信的，留空。");
    }

    private static void pageSetup(Worksheet ws, String label) {
        ws.pageOrientation("landscape");
        ws.paperSize(PaperSize.A4_PAPER);
        ws.setFitToPage(true);
        ws.fitToWidth((short) 1);
        ws.fitToHeight((short) 0);
        ws.leftMargin(0.4f);
        ws.rightMargin(0.4f);
        ws.topMargin(0.5f);
        ws.bottomMargin(0.6f);
        ws.footer("版本号 " + label, Position.LEFT, 9);
        ws.footer("第 &P 页 / 共 &N 页", Position.CENTER, 11);
        ws.footer(BookletText.SIGNATURE + "＿＿＿＿＿＿", Position.RIGHT, 10);
    }

    /** Rows of text the household's tallest cell needs at the sheet's column widths (a Chinese character is 2). */
    private static int lines(Row row) {
        int members = 0;
        for (String m : row.members()) {
            members += Math.max(1, (int) Math.ceil(units(m) / WIDTHS[2]));
        }
        int address = (int) Math.ceil(units(row.address()) / WIDTHS[4]);
        int name = (int) Math.ceil(units(row.representative()) / WIDTHS[1]);
        return Math.max(1, Math.max(members, Math.max(address, name)));
    }

    private static double units(String s) {
        if (s == null) {
            return 0;
        }
        double u = 0;
        for (int i = 0; i < s.length(); i++) {
            u += s.charAt(i) < 0x2E80 ? 1 : 2;
        }
        return u;
    }

    static String cellName(int col, int row) {
        StringBuilder sb = new StringBuilder();
        int c = col + 1;
        while (c > 0) {
            int rem = (c - 1) % 26;
            sb.insert(0, (char) ('A' + rem));
            c = (c - 1) / 26;
        }
        return sb.append(row + 1).toString();
    }
}
