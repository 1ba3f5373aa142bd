package sunshine.transfer.pdf;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Calendar;
import java.util.List;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDPageContentStream.AppendMode;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;

/**
 * A printed document of the platform (notices, certificates, summaries, lists): A4, Noto Sans SC embedded as a
 * subset, written top to bottom. Text wraps by measured width (Chinese may break between any two characters);
 * a table continues on the next page with its header repeated; every page is numbered "第 x 页 / 共 y 页" at the
 * end. Bold is the regular face stroked (one font file for every weight), as in the booklets.
 *
 * <pre>{@code
 * try (PdfDoc doc = PdfDoc.portrait("公示", bankName)) {
 *     return doc.title("阳光信贷预授信公示")
 *             .paragraph("……")
 *             .table(List.of(PdfDoc.col("户主", 2), PdfDoc.col("金额（元）", 1).right()), rows)
 *             .toBytes();
 * }
 * }</pre>
 *
 * The font is borrowed from a small pool for the life of the document: always close it (try-with-resources),
 * or an error half-way would keep the font from the next document.
 */
public final class PdfDoc implements AutoCloseable {

    /** A table column: header, relative width, alignment. */
    public record Column(String header, float weight, boolean alignRight) {
        public Column right() {
            return new Column(header, weight, true);
        }
    }

    public static Column col(String header, float weight) {
        return new Column(header, weight, false);
    }

    public static final Color RED = new Color(0.75f, 0.1f, 0.1f);
    public static final Color GREY = new Color(0.35f, 0.35f, 0.35f);
    private static final Color HEADER_FILL = new Color(0.92f, 0.92f, 0.92f);
    private static final float MARGIN = 42;
    private static final float FOOTER = 30;
    private static final float BODY = 10.5f;
    private static final float PAD = 3;

    private final CjkFont cjk = CjkFont.get();
    private final PDRectangle size;
    private final PDDocument doc = new PDDocument();
    private final TrueTypeFont ttf;
    private final PDType0Font font;
    private PDPageContentStream cs;
    private float y;
    private boolean released;
    private boolean pageNumbers = true;

    private PdfDoc(PDRectangle size, String title, String author) {
        this.size = size;
        this.ttf = cjk.borrow();
        try {
            this.font = PDType0Font.load(doc, ttf, true);
        } catch (IOException e) {
            cjk.release(ttf);
            throw new UncheckedIOException(e);
        }
        PDDocumentInformation info = doc.getDocumentInformation();
        info.setTitle(title);
        info.setAuthor(author);
        info.setCreator("Sunshine Credit");
        info.setCreationDate(Calendar.getInstance());
        newPage();
    }

    /** A4 portrait; {@code title} and {@code author} (the bank) go into the document's properties. */
    public static PdfDoc portrait(String title, String author) {
        return new PdfDoc(PDRectangle.A4, title, author);
    }

    /** A4 landscape, for wide tables. */
    public static PdfDoc landscape(String title, String author) {
        return new PdfDoc(new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth()), title, author);
    }

    /** Usable width between the margins, in points. */
    public float width() {
        return size.getWidth() - 2 * MARGIN;
    }

    /** The document's title line: large, bold, centred, red as bank notices are. */
    public PdfDoc title(String text) {
        return centered(text, 18, true, RED);
    }

    /** A centred line. */
    public PdfDoc centered(String text, float fontSize, boolean bold, Color color) {
        for (String line : wrap(text, width(), fontSize)) {
            room(fontSize * 1.5f);
            y -= fontSize * 1.4f;
            draw(line, fontSize, size.getWidth() / 2 - cjk.width(line, fontSize) / 2, y, bold, color);
        }
        y -= fontSize * 0.4f;
        return this;
    }

    /** A section heading. */
    public PdfDoc heading(String text) {
        room(BODY * 5);
        y -= 6;
        return paragraph(text, 13, true, Color.BLACK);
    }

    /** Body text, wrapped. */
    public PdfDoc paragraph(String text) {
        return paragraph(text, BODY, false, Color.BLACK);
    }

    /** Small grey text, wrapped (notes, sources, "printed on"). */
    public PdfDoc note(String text) {
        return paragraph(text, 8.5f, false, GREY);
    }

    public PdfDoc paragraph(String text, float fontSize, boolean bold, Color color) {
        for (String line : wrap(text, width(), fontSize)) {
            room(fontSize * 1.5f);
            y -= fontSize * 1.5f;
            draw(line, fontSize, MARGIN, y, bold, color);
        }
        y -= fontSize * 0.3f;
        return this;
    }

    /** Label and value pairs, two to a line: "户主：张三    额度：50,000 元". */
    public PdfDoc fields(List<String[]> labelValue) {
        float half = width() / 2;
        for (int i = 0; i < labelValue.size(); i += 2) {
            room(BODY * 1.8f);
            y -= BODY * 1.8f;
            for (int j = i; j < Math.min(i + 2, labelValue.size()); j++) {
                String[] lv = labelValue.get(j);
                float x = MARGIN + (j - i) * half;
                String label = lv[0] + "：";
                draw(label, BODY, x, y, true, Color.BLACK);
                String value = fit(lv[1], half - cjk.width(label, BODY) - 8, BODY);
                draw(value, BODY, x + cjk.width(label, BODY), y, false, Color.BLACK);
            }
        }
        y -= BODY * 0.5f;
        return this;
    }

    /** Blank lines to sign on, side by side: "客户经理签字：________  日期：________". */
    public PdfDoc signatures(String... labels) {
        room(BODY * 5);
        y -= BODY * 4;
        float each = width() / labels.length;
        for (int i = 0; i < labels.length; i++) {
            float x = MARGIN + i * each;
            String label = labels[i] + "：";
            draw(label, BODY, x, y, false, Color.BLACK);
            float from = x + cjk.width(label, BODY);
            line(from, y - 2, x + each - 12, y - 2, 0.6f);
        }
        y -= BODY;
        return this;
    }

    public PdfDoc space(float points) {
        y -= points;
        if (y < MARGIN + FOOTER) {
            newPage();
        }
        return this;
    }

    /**
     * A table with ruled cells; rows taller than one line wrap inside their cell; on a page break the header is
     * drawn again. Each row has one value per column (null prints empty).
     */
    public PdfDoc table(List<Column> columns, List<List<String>> rows) {
        float total = 0;
        for (Column c : columns) {
            total += c.weight();
        }
        float[] w = new float[columns.size()];
        for (int i = 0; i < w.length; i++) {
            w[i] = width() * columns.get(i).weight() / total;
        }
        List<String> header = columns.stream().map(Column::header).toList();
        room(rowHeight(header, w, 9.5f) + rowHeight(rows.isEmpty() ? header : rows.get(0), w, BODY));
        row(header, w, columns, 9.5f, true);
        for (List<String> r : rows) {
            float h = rowHeight(r, w, BODY);
            if (y - h < MARGIN + FOOTER) {
                newPage();
                row(header, w, columns, 9.5f, true);
            }
            row(r, w, columns, BODY, false);
        }
        y -= 8;
        return this;
    }

    public PdfDoc newPage() {
        try {
            if (cs != null) {
                cs.close();
            }
            PDPage page = new PDPage(size);
            doc.addPage(page);
            cs = new PDPageContentStream(doc, page);
            y = size.getHeight() - MARGIN;
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Numbers the pages and returns the document; the writer cannot be used afterwards. */
    public byte[] toBytes() {
        try {
            cs.close();
            int pages = pageNumbers ? doc.getNumberOfPages() : 0;
            for (int i = 0; i < pages; i++) {
                try (PDPageContentStream footer =
                        new PDPageContentStream(doc, doc.getPage(i), AppendMode.APPEND, true, true)) {
                    String text = "第 " + (i + 1) + " 页 / 共 " + pages + " 页";
                    float fw = cjk.width(text, 8.5f);
                    footer.beginText();
                    footer.setFont(font, 8.5f);
                    footer.setNonStrokingColor(GREY);
                    footer.newLineAtOffset(size.getWidth() / 2 - fw / 2, MARGIN / 2 + 4);
                    footer.showText(text);
                    footer.endText();
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            close();
        }
    }

    /** Gives the font back; {@link #toBytes} does it too. */
    @Override
    public void close() {
        if (released) {
            return;
        }
        released = true;
        try {
            doc.close();
        } catch (IOException ignored) {
            // nothing was written to disk; the bytes are already out or the caller's error says why
        }
        cjk.release(ttf);
    }

    /** Breaks text into lines no wider than {@code maxWidth}; closing punctuation never starts a line. */
    public List<String> wrap(String text, float maxWidth, float fontSize) {
        return cjk.wrap(text, maxWidth, fontSize);
    }

    private String fit(String text, float maxWidth, float fontSize) {
        List<String> lines = wrap(text == null ? "" : text, maxWidth, fontSize);
        return lines.size() == 1 ? lines.get(0) : lines.get(0) + "…";
    }

    private float rowHeight(List<String> cells, float[] w, float fontSize) {
        int most = 1;
        for (int i = 0; i < w.length; i++) {
            most = Math.max(most, wrap(cell(cells, i), w[i] - 2 * PAD, fontSize).size());
        }
        return most * fontSize * 1.3f + 2 * PAD;
    }

    private void row(List<String> cells, float[] w, List<Column> columns, float fontSize, boolean header) {
        float h = rowHeight(cells, w, fontSize);
        float top = y;
        try {
            if (header) {
                cs.setNonStrokingColor(HEADER_FILL);
                cs.addRect(MARGIN, top - h, width(), h);
                cs.fill();
                cs.setNonStrokingColor(Color.BLACK);
            }
            float x = MARGIN;
            for (int i = 0; i < w.length; i++) {
                List<String> lines = wrap(cell(cells, i), w[i] - 2 * PAD, fontSize);
                float ly = top - PAD - fontSize;
                for (String l : lines) {
                    float lx =
                            columns.get(i).alignRight() && !header ? x + w[i] - PAD - cjk.width(l, fontSize) : x + PAD;
                    draw(l, fontSize, lx, ly, header, Color.BLACK);
                    ly -= fontSize * 1.3f;
                }
                cs.setLineWidth(0.5f);
                cs.addRect(x, top - h, w[i], h);
                cs.stroke();
                x += w[i];
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        y = top - h;
    }

    private static String cell(List<String> cells, int i) {
        String s = i < cells.size() ? cells.get(i) : null;
        return s == null ? "" : s;
    }

    private void room(float needed) {
        if (y - needed < MARGIN + FOOTER) {
            newPage();
        }
    }

    private void draw(String text, float fontSize, float x, float at, boolean bold, Color color) {
        String t = cjk.printable(text);
        if (t.isEmpty()) {
            return;
        }
        try {
            cs.beginText();
            cs.setFont(font, fontSize);
            cs.setNonStrokingColor(color);
            cs.setStrokingColor(color);
            cs.setRenderingMode(bold ? RenderingMode.FILL_STROKE : RenderingMode.FILL);
            if (bold) {
                cs.setLineWidth(fontSize * 0.035f);
            }
            cs.newLineAtOffset(x, at);
            cs.showText(t);
            cs.endText();
            cs.setNonStrokingColor(Color.BLACK);
            cs.setStrokingColor(Color.BLACK);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void line(float x1, float y1, float x2, float y2, float lineWidth) {
        try {
            cs.setLineWidth(lineWidth);
            cs.moveTo(x1, y1);
            cs.lineTo(x2, y2);
            cs.stroke();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // Positioned drawing, for one-page prints laid out by hand (posters, letters): the caller places every line in
    // points from the bottom-left corner of the current page; the flowing methods above are not to be mixed in.

    /** No "第 x 页 / 共 y 页" footer: for single-sheet prints that carry their own lines at the bottom. */
    public PdfDoc withoutPageNumbers() {
        pageNumbers = false;
        return this;
    }

    /** The document's subject property (not printed). */
    public PdfDoc subject(String subject) {
        doc.getDocumentInformation().setSubject(subject);
        return this;
    }

    public float pageWidth() {
        return size.getWidth();
    }

    public float pageHeight() {
        return size.getHeight();
    }

    /** Width of the text in points at the given size. */
    public float textWidth(String text, float fontSize) {
        return cjk.width(cjk.printable(text), fontSize);
    }

    /** One line of text whose baseline starts at (x, y). */
    public PdfDoc textAt(String text, float fontSize, float x, float y, boolean bold, Color color) {
        draw(text, fontSize, x, y, bold, color);
        return this;
    }

    /** A ruled rectangle with its lower-left corner at (x, y). */
    public PdfDoc rectAt(float x, float y, float w, float h, float lineWidth) {
        try {
            cs.setLineWidth(lineWidth);
            cs.addRect(x, y, w, h);
            cs.stroke();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** A ruled line. */
    public PdfDoc lineAt(float x1, float y1, float x2, float y2, float lineWidth) {
        line(x1, y1, x2, y2, lineWidth);
        return this;
    }

    /** Black squares of one size with their lower-left corners at the given points (x, y, x, y …), filled at once. */
    public PdfDoc squaresAt(float[] corners, float side) {
        if (corners.length < 2) {
            return this;
        }
        try {
            cs.setNonStrokingColor(Color.BLACK);
            for (int i = 0; i + 1 < corners.length; i += 2) {
                cs.addRect(corners[i], corners[i + 1], side, side);
            }
            cs.fill();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }
}
