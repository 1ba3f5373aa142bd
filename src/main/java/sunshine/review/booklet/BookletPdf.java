package sunshine.review.booklet;

import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;
import org.apache.pdfbox.util.Matrix;
import sunshine.review.booklet.BookletContent.Copy;
import sunshine.review.booklet.BookletContent.Row;
import sunshine.transfer.pdf.CjkFont;

/**
 * A member's copy of a booklet as a PDF for printing (R16): A4 landscape, Noto Sans SC embedded (subset), a cover
 * with the instructions, then the households in a table whose header repeats on every page, each page numbered
 * "第 x 页 / 共 y 页" and stamped with the version. Drawn directly with PDFBox: the layout of a table is simple, and
 * drawing it is many times faster than laying out HTML (docs/decisions.md). The table is laid out once per
 * booklet ({@link #prepare}) and drawn for each copy.
 */
public final class BookletPdf {

    static final PDRectangle PAGE = new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth());
    static final float MARGIN_X = 19;
    static final float TOP = PAGE.getHeight() - 18;
    static final float RUNNING_HEAD = 22;
    static final float FOOTER = 26;
    static final float BODY = 11;
    static final float BODY_LEADING = 14;
    static final float HEAD = 9.5f;
    static final float HEAD_LEADING = 12;
    static final float PAD = 3;
    /** Room to write figures by hand, about 14 mm. */
    static final float MIN_ROW = 40;

    private static final BookletColumn[] COLUMNS = BookletColumn.values();
    private static final Color SHADE = new Color(0.82f, 0.82f, 0.82f);
    private static final Color HEADER_FILL = new Color(0.92f, 0.92f, 0.92f);
    private static final Color GREY_TEXT = new Color(0.35f, 0.35f, 0.35f);

    private final CjkFont cjk;

    public BookletPdf(CjkFont cjk) {
        this.cjk = cjk;
    }

    /** The table of a booklet broken into lines and pages, the same for every copy. */
    public final class Prepared {
        final BookletContent content;
        final List<String[]> headerLines = new ArrayList<>();
        final float headerHeight;
        final List<List<List<String>>> cells = new ArrayList<>();
        final List<Float> heights = new ArrayList<>();
        /** For each table page, the index of its first row; a last entry = the number of rows. */
        final List<Integer> pageStarts = new ArrayList<>();

        final String addressPrefix;

        Prepared(BookletContent content) {
            this.content = content;
            this.addressPrefix = content.addressPrefix();
            int maxHeaderLines = 1;
            for (BookletColumn c : COLUMNS) {
                List<String> lines = wrap(c.header(), c.pdfWidth() - 2 * PAD, HEAD);
                headerLines.add(lines.toArray(String[]::new));
                maxHeaderLines = Math.max(maxHeaderLines, lines.size());
            }
            headerHeight = maxHeaderLines * HEAD_LEADING + 2 * PAD + 2;
            for (Row r : content.rows()) {
                List<List<String>> row = new ArrayList<>(COLUMNS.length);
                int lines = 1;
                for (BookletColumn c : COLUMNS) {
                    List<String> l = c.blank() ? List.of() : cellLines(c, r);
                    row.add(l);
                    lines = Math.max(lines, l.size());
                }
                cells.add(row);
                heights.add(Math.max(MIN_ROW, lines * BODY_LEADING + 2 * PAD + 2));
            }
            float room = TOP - RUNNING_HEAD - headerHeight - FOOTER;
            pageStarts.add(0);
            float used = 0;
            for (int i = 0; i < heights.size(); i++) {
                float h = Math.min(heights.get(i), room);
                if (used + h > room && used > 0) {
                    pageStarts.add(i);
                    used = 0;
                }
                used += h;
            }
            pageStarts.add(heights.size());
        }

        /** Pages of each copy: the cover and the table pages. */
        public int pages() {
            return 1 + tablePages();
        }

        int tablePages() {
            return pageStarts.size() - 1;
        }

        private List<String> cellLines(BookletColumn c, Row r) {
            float w = c.pdfWidth() - 2 * PAD;
            return switch (c) {
                case NO -> List.of(Integer.toString(r.no()));
                case REPRESENTATIVE -> wrap(r.representative(), w, BODY);
                case MEMBERS -> {
                    List<String> all = new ArrayList<>();
                    r.members().forEach(m -> all.addAll(wrap(m, w, BODY)));
                    yield all;
                }
                case RESIDENT_ID -> wrap(r.residentIdMasked(), w, BODY);
                case ADDRESS -> wrap(r.address() == null ? "" : r.address().substring(addressPrefix.length()), w, BODY);
                case PHONE -> wrap(r.phone(), w, BODY);
                default -> List.of();
            };
        }
    }

    /** Lays the booklet's table out once; {@link #write} then draws any copy of it. */
    public Prepared prepare(BookletContent content) {
        return new Prepared(content);
    }

    /** Writes the copy (the member's seat number) as a PDF; the stream is flushed, not closed. */
    public void write(Prepared p, int copyNumber, OutputStream out) throws IOException {
        Copy copy = p.content.copy(copyNumber);
        TrueTypeFont ttf = cjk.borrow();
        try (PDDocument doc = new PDDocument()) {
            PDType0Font font = PDType0Font.load(doc, ttf, true);
            describe(doc, p.content, copy);
            int pages = p.pages();
            cover(doc, font, p, copy, pages);
            for (int page = 0; page < p.tablePages(); page++) {
                tablePage(doc, font, p, copy, page, pages);
            }
            doc.save(out, CompressParameters.NO_COMPRESSION);
            out.flush();
        } finally {
            cjk.release(ttf);
        }
    }

    private static void describe(PDDocument doc, BookletContent c, Copy copy) {
        PDDocumentInformation info = doc.getDocumentInformation();
        info.setTitle(BookletText.TITLE + " · " + c.panelName() + " · " + copy.number());
        info.setSubject(c.label(copy.number()));
        info.setKeywords("BookletVersion=" + c.label(copy.number()));
        info.setAuthor(c.bankName());
        info.setCreator("Sunshine Credit");
        info.setCreationDate(Calendar.getInstance());
    }

    private void cover(PDDocument doc, PDType0Font font, Prepared p, Copy copy, int pages) throws IOException {
        BookletContent c = p.content;
        PDPage page = new PDPage(PAGE);
        doc.addPage(page);
        float w = PAGE.getWidth();
        try (Pen pen = new Pen(doc, page, font)) {
            pen.centered(c.bankName(), 18, w / 2, TOP - 34, false);
            pen.centered(BookletText.TITLE, 32, w / 2, TOP - 84, true);
            pen.centered(BookletText.SUBTITLE, 11, w / 2, TOP - 104, false, GREY_TEXT);

            float boxW = 150;
            float boxH = 74;
            float boxX = w - MARGIN_X - 24 - boxW;
            float boxY = TOP - 20 - boxH;
            pen.box(boxX, boxY, boxW, boxH, 2f);
            pen.centered("第 " + copy.number() + " 册", 28, boxX + boxW / 2, boxY + boxH - 38, true);
            pen.centered("共 " + c.copies().size() + " 册", 12, boxX + boxW / 2, boxY + 12, false);

            float x = MARGIN_X + 40;
            float y = TOP - 146;
            float size = 15;
            float leading = 24;
            pen.text("支行（信用社）：" + c.branchName(), size, x, y, false);
            pen.text("评议小组：" + c.panelName(), size, x, y -= leading, false);
            pen.text(
                    "评议人：" + copy.memberName() + (copy.role() == null ? "" : "（" + copy.role() + "）"),
                    size,
                    x,
                    y -= leading,
                    true);
            pen.text(
                    "本册共 " + c.rows().size() + " 户　　版本号：" + c.label(copy.number()) + "　　打印日期：" + c.printedOn(),
                    size,
                    x,
                    y -= leading,
                    false);

            y -= 34;
            pen.text(BookletText.INSTRUCTIONS_TITLE, 15, x, y, true);
            y -= 8;
            float itemSize = 13;
            float itemLeading = 18.5f;
            float indent = cjk.width("8. ", itemSize);
            float textWidth = w - x - MARGIN_X - 40 - indent;
            int n = 1;
            for (String item : BookletText.INSTRUCTIONS) {
                List<String> lines = wrap(item, textWidth, itemSize);
                y -= itemLeading;
                pen.text(n++ + ".", itemSize, x, y, false);
                for (int i = 0; i < lines.size(); i++) {
                    if (i > 0) {
                        y -= itemLeading;
                    }
                    pen.text(lines.get(i), itemSize, x + indent, y, false);
                }
            }
            float signY = Math.min(y - 34, 64);
            pen.text(BookletText.SIGNATURE + "＿＿＿＿＿＿＿＿＿＿　　　" + BookletText.DATE_LINE, 14, x, signY, false);
            footer(pen, c, copy, 1, pages);
        }
    }

    private void tablePage(PDDocument doc, PDType0Font font, Prepared p, Copy copy, int index, int pages)
            throws IOException {
        BookletContent c = p.content;
        PDPage page = new PDPage(PAGE);
        doc.addPage(page);
        float top = TOP - RUNNING_HEAD;
        int from = p.pageStarts.get(index);
        int to = p.pageStarts.get(index + 1);
        float room = top - p.headerHeight - FOOTER;
        try (Pen pen = new Pen(doc, page, font)) {
            // shading first, then every line in one path, then all the text in one text object
            pen.fill(MARGIN_X, top - p.headerHeight, tableWidth(), p.headerHeight, HEADER_FILL);
            float y = top - p.headerHeight;
            for (int i = from; i < to; i++) {
                float h = Math.min(p.heights.get(i), room);
                if (BookletContent.ownHousehold(copy, c.rows().get(i))) {
                    pen.fill(MARGIN_X, y - h, tableWidth(), h, SHADE);
                }
                y -= h;
            }
            pen.cs.setLineWidth(0.7f);
            pen.grid(top, p.headerHeight, false);
            y = top - p.headerHeight;
            for (int i = from; i < to; i++) {
                float h = Math.min(p.heights.get(i), room);
                pen.grid(y, h, BookletContent.ownHousehold(copy, c.rows().get(i)));
                y -= h;
            }
            pen.cs.stroke();

            pen.text(
                    BookletText.TITLE + " · " + c.branchName() + " · 评议小组：" + c.panelName()
                            + (p.addressPrefix.isEmpty() ? "" : " · 住址前面都是“" + p.addressPrefix + "”"),
                    10.5f,
                    MARGIN_X,
                    TOP - 12,
                    false);
            pen.right(
                    BookletText.copyOf(copy.number(), c.copies().size()) + "　评议人：" + copy.memberName(),
                    10.5f,
                    PAGE.getWidth() - MARGIN_X,
                    TOP - 12,
                    true);
            headerText(pen, p, top);
            y = top - p.headerHeight;
            for (int i = from; i < to; i++) {
                float h = Math.min(p.heights.get(i), room);
                rowText(
                        pen,
                        p.cells.get(i),
                        y,
                        h,
                        BookletContent.ownHousehold(copy, c.rows().get(i)));
                y -= h;
            }
            if (c.rows().isEmpty()) {
                pen.text("本评议小组的区域内还没有已建档的家庭。", 14, MARGIN_X + 10, y - 30, false);
            }
            footer(pen, c, copy, index + 2, pages);
        }
    }

    private void headerText(Pen pen, Prepared p, float top) throws IOException {
        float x = MARGIN_X;
        float h = p.headerHeight;
        for (int i = 0; i < COLUMNS.length; i++) {
            float cw = COLUMNS[i].pdfWidth();
            String[] lines = p.headerLines.get(i);
            float textTop = top - (h - lines.length * HEAD_LEADING) / 2;
            for (int l = 0; l < lines.length; l++) {
                pen.centered(lines[l], HEAD, x + cw / 2, textTop - HEAD * 0.95f - l * HEAD_LEADING, true);
            }
            x += cw;
        }
    }

    private void rowText(Pen pen, List<List<String>> cells, float top, float h, boolean own) throws IOException {
        float x = MARGIN_X;
        float baseline = top - PAD - BODY * 0.95f;
        for (int i = 0; i < COLUMNS.length; i++) {
            List<String> lines = cells.get(i);
            for (int l = 0; l < lines.size(); l++) {
                if (COLUMNS[i] == BookletColumn.NO) {
                    pen.centered(lines.get(l), BODY, x + COLUMNS[i].pdfWidth() / 2, baseline, false);
                } else {
                    pen.text(lines.get(l), BODY, x + PAD, baseline - l * BODY_LEADING, false);
                }
            }
            x += COLUMNS[i].pdfWidth();
        }
        if (own) {
            float blankX = MARGIN_X + widthBefore(BookletColumn.ASSETS);
            float blankW = tableWidth() - widthBefore(BookletColumn.ASSETS) - BookletColumn.CORRECTIONS.pdfWidth();
            pen.centered(BookletText.OWN_HOUSEHOLD, 16, blankX + blankW / 2, top - h / 2 - 6, true);
        }
    }

    private void footer(Pen pen, BookletContent c, Copy copy, int page, int pages) throws IOException {
        float y = 10;
        pen.text("版本号 " + c.label(copy.number()), 10, MARGIN_X, y, false, GREY_TEXT);
        pen.centered(BookletText.pageOf(page, pages), 12, PAGE.getWidth() / 2, y, false);
        pen.right(BookletText.SIGNATURE + "＿＿＿＿＿＿＿＿＿＿", 11, PAGE.getWidth() - MARGIN_X, y, false);
    }

    static float tableWidth() {
        return widthBefore(null);
    }

    /** The width of the columns before {@code column} (all of them for null). */
    static float widthBefore(BookletColumn column) {
        float w = 0;
        for (BookletColumn c : COLUMNS) {
            if (c == column) {
                break;
            }
            w += c.pdfWidth();
        }
        return w;
    }

    /** Breaks text into lines no wider than {@code width}: Chinese may break between any two characters. */
    List<String> wrap(String text, float width, float size) {
        return cjk.wrap(text, width, size);
    }

    /**
     * Draws on one page. Text runs share one text object until a graphics operation ends it (fewer operators:
     * the font, colour and weight are set only when they change); text is made printable first.
     */
    private final class Pen implements AutoCloseable {
        final PDPageContentStream cs;
        final PDType0Font font;
        private boolean inText;
        private float size = -1;
        private Color color = Color.BLACK;
        private boolean bold;

        Pen(PDDocument doc, PDPage page, PDType0Font font) throws IOException {
            this.cs = new PDPageContentStream(doc, page);
            this.font = font;
        }

        void text(String s, float size, float x, float y, boolean bold) throws IOException {
            text(s, size, x, y, bold, Color.BLACK);
        }

        void text(String s, float size, float x, float y, boolean bold, Color color) throws IOException {
            String t = cjk.printable(s);
            if (t.isEmpty()) {
                return;
            }
            if (!inText) {
                cs.beginText();
                inText = true;
                this.size = -1;
            }
            if (size != this.size) {
                cs.setFont(font, size);
                this.size = size;
                if (this.bold) {
                    cs.setLineWidth(size * 0.035f);
                }
            }
            if (!color.equals(this.color)) {
                cs.setNonStrokingColor(color);
                cs.setStrokingColor(color);
                this.color = color;
            }
            if (bold != this.bold) {
                // a stroked outline thickens the regular face: one font file for every weight
                cs.setRenderingMode(bold ? RenderingMode.FILL_STROKE : RenderingMode.FILL);
                if (bold) {
                    cs.setLineWidth(size * 0.035f);
                }
                this.bold = bold;
            }
            cs.setTextMatrix(Matrix.getTranslateInstance(x, y));
            cs.showText(t);
        }

        void centered(String s, float size, float cx, float y, boolean bold) throws IOException {
            centered(s, size, cx, y, bold, Color.BLACK);
        }

        void centered(String s, float size, float cx, float y, boolean bold, Color color) throws IOException {
            text(s, size, cx - cjk.width(cjk.printable(s), size) / 2, y, bold, color);
        }

        void right(String s, float size, float rx, float y, boolean bold) throws IOException {
            text(s, size, rx - cjk.width(cjk.printable(s), size), y, bold);
        }

        /** Ends the text object, back to black, regular: for drawing lines and shapes. */
        void graphics() throws IOException {
            if (inText) {
                cs.endText();
                inText = false;
            }
            if (bold) {
                cs.setRenderingMode(RenderingMode.FILL);
                bold = false;
            }
            if (!Color.BLACK.equals(color)) {
                cs.setNonStrokingColor(Color.BLACK);
                cs.setStrokingColor(Color.BLACK);
                color = Color.BLACK;
            }
        }

        void fill(float x, float y, float w, float h, Color fill) throws IOException {
            graphics();
            cs.setNonStrokingColor(fill);
            cs.addRect(x, y, w, h);
            cs.fill();
            cs.setNonStrokingColor(Color.BLACK);
        }

        void box(float x, float y, float w, float h, float lineWidth) throws IOException {
            graphics();
            cs.setLineWidth(lineWidth);
            cs.addRect(x, y, w, h);
            cs.stroke();
        }

        /**
         * Adds the cell borders of one table row to the current path (stroke it after the last row); an own
         * household's blank columns but the corrections form one cell.
         */
        void grid(float top, float h, boolean ownHousehold) throws IOException {
            graphics();
            float left = MARGIN_X;
            float right = MARGIN_X + tableWidth();
            cs.moveTo(left, top);
            cs.lineTo(right, top);
            cs.moveTo(left, top - h);
            cs.lineTo(right, top - h);
            float x = left;
            cs.moveTo(x, top);
            cs.lineTo(x, top - h);
            for (BookletColumn c : COLUMNS) {
                x += c.pdfWidth();
                boolean inside = ownHousehold && c.blank() && c != BookletColumn.CORRECTIONS;
                if (!inside) {
                    cs.moveTo(x, top);
                    cs.lineTo(x, top - h);
                }
            }
        }

        @Override
        public void close() throws IOException {
            if (inText) {
                cs.endText();
            }
            cs.close();
        }
    }
}
