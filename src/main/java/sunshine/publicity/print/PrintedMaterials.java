package sunshine.publicity.print;

import com.google.zxing.common.BitMatrix;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;
import org.springframework.stereotype.Component;
import sunshine.publicity.GradeRate;
import sunshine.publicity.PublicArea;
import sunshine.publicity.TermsVersion;

/**
 * The printed publicity of an area (R34, 000 §4.4): a poster with the terms, the rate table, the account manager
 * and the QR code of the village's public page; an open letter to customers (致客户的公开信); a proposal (倡议书).
 * Drawn directly with PDFBox and Noto Sans SC (embedded subset), as the booklets are (docs/decisions.md): A4
 * portrait, one page each, text wrapped by measured width. The font file is read once; each document parses it.
 */
@Component
public class PrintedMaterials {

    static final String FONT = "/fonts/ttf/NotoSansSC/NotoSansSC-Regular.ttf";
    static final PDRectangle PAGE = PDRectangle.A4;
    static final float MARGIN = 48;
    static final Color RED = new Color(0.75f, 0.1f, 0.1f);
    static final Color GREY = new Color(0.35f, 0.35f, 0.35f);

    private final byte[] font;

    PrintedMaterials() {
        try (InputStream in = PrintedMaterials.class.getResourceAsStream(FONT)) {
            if (in == null) {
                throw new IllegalStateException("font missing from the class path: " + FONT);
            }
            this.font = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The material as PDF bytes; {@code publicUrl} is the area's short link (printed and as a QR code). */
    public byte[] render(PrintKind kind, PublicArea area, TermsVersion terms, String publicUrl, LocalDate day) {
        try (PDDocument doc = new PDDocument();
                TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBuffer(font))) {
            ttf.setEnableGsub(false);
            PDType0Font f = PDType0Font.load(doc, ttf, true);
            PDPage page = new PDPage(PAGE);
            doc.addPage(page);
            try (Pen pen = new Pen(doc, page, f)) {
                switch (kind) {
                    case POSTER -> poster(pen, area, terms, publicUrl);
                    case LETTER -> letter(pen, area, terms, day);
                    case PROPOSAL -> proposal(pen, area, terms, day);
                }
            }
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle(Texts.title(kind) + " · " + area.areaName());
            info.setAuthor(area.bankName());
            info.setSubject("terms v" + terms.version());
            info.setCreator("Sunshine Credit");
            info.setCreationDate(Calendar.getInstance());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void poster(Pen pen, PublicArea area, TermsVersion terms, String url) throws IOException {
        float w = PAGE.getWidth();
        float y = PAGE.getHeight() - MARGIN - 10;
        pen.centered(area.bankName(), 16, w / 2, y, false, Color.BLACK);
        y -= 40;
        pen.centered("“阳光信贷”公示", 30, w / 2, y, true, RED);
        y -= 26;
        pen.centered(place(area) + " · " + area.branchName(), 14, w / 2, y, false, Color.BLACK);
        y -= 14;
        float qrSize = 118;
        float qrX = w - MARGIN - qrSize;
        float qrTop = y - 10;
        pen.qr(QrCode.of(url), qrX, qrTop - qrSize, qrSize);
        pen.centered("扫码查看本村公开信息", 9, qrX + qrSize / 2, qrTop - qrSize - 12, false, GREY);
        pen.centered(url, 6.5f, qrX + qrSize / 2, qrTop - qrSize - 22, false, GREY);
        float textW = qrX - MARGIN - 16;
        y = pen.section("贷款条件", TermsVersion.lines(terms.conditions()), MARGIN, y - 18, textW);
        y = pen.section("办贷流程", numbered(TermsVersion.lines(terms.process())), MARGIN, y, textW);
        y = Math.min(y, qrTop - qrSize - 34);
        y = pen.heading("贷款利率（按信用等级定价，年利率）", MARGIN, y);
        y = pen.rates(terms.rates(), MARGIN, y, w - 2 * MARGIN);
        y = pen.section("服务承诺", TermsVersion.lines(terms.commitments()), MARGIN, y, w - 2 * MARGIN);
        y = pen.heading("包片客户经理", MARGIN, y);
        y = pen.managers(area, MARGIN, y, w - 2 * MARGIN);
        y -= 6;
        pen.text("监督电话：" + terms.supervisionPhone() + "　　投诉电话：" + terms.complaintPhone(), 14, MARGIN, y, true, RED);
        pen.text(
                "以上条款第 " + terms.version() + " 版，自 " + terms.effectiveFrom() + " 起执行。",
                9,
                MARGIN,
                MARGIN - 10,
                false,
                GREY);
    }

    private void letter(Pen pen, PublicArea area, TermsVersion terms, LocalDate day) throws IOException {
        float w = PAGE.getWidth();
        float y = PAGE.getHeight() - MARGIN - 20;
        pen.centered("致客户的公开信", 26, w / 2, y, true, RED);
        y -= 40;
        float textW = w - 2 * MARGIN;
        pen.text("尊敬的" + place(area) + "各位村民朋友：", 13, MARGIN, y, true, Color.BLACK);
        y -= 26;
        for (String p : Texts.letter(area, terms)) {
            y = pen.paragraph(p, MARGIN, y, textW);
        }
        y = pen.heading("贷款利率（按信用等级定价，年利率）", MARGIN, y);
        y = pen.rates(terms.rates(), MARGIN, y, textW);
        y = pen.heading("您的包片客户经理", MARGIN, y);
        y = pen.managers(area, MARGIN, y, textW);
        y -= 6;
        pen.text("监督电话：" + terms.supervisionPhone() + "　　投诉电话：" + terms.complaintPhone(), 13, MARGIN, y, true, RED);
        signature(pen, area, day, y - 40);
    }

    private void proposal(Pen pen, PublicArea area, TermsVersion terms, LocalDate day) throws IOException {
        float w = PAGE.getWidth();
        float y = PAGE.getHeight() - MARGIN - 20;
        pen.centered("倡　议　书", 26, w / 2, y, true, RED);
        y -= 40;
        float textW = w - 2 * MARGIN;
        pen.text(place(area) + "的村民朋友们：", 13, MARGIN, y, true, Color.BLACK);
        y -= 26;
        for (String p : Texts.proposal(area)) {
            y = pen.paragraph(p, MARGIN, y, textW);
        }
        y = pen.heading("包片客户经理", MARGIN, y);
        y = pen.managers(area, MARGIN, y, textW);
        y -= 6;
        pen.text("监督电话：" + terms.supervisionPhone() + "　　投诉电话：" + terms.complaintPhone(), 13, MARGIN, y, true, RED);
        signature(pen, area, day, y - 40);
    }

    private static void signature(Pen pen, PublicArea area, LocalDate day, float y) throws IOException {
        float right = PAGE.getWidth() - MARGIN;
        pen.right(area.bankName() + " " + area.branchName(), 13, right, y);
        pen.right(day.getYear() + " 年 " + day.getMonthValue() + " 月 " + day.getDayOfMonth() + " 日", 13, right, y - 22);
    }

    static String place(PublicArea area) {
        return (area.townshipName() == null ? "" : area.townshipName()) + area.areaName();
    }

    private static List<String> numbered(List<String> lines) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            out.add((i + 1) + ". " + lines.get(i));
        }
        return out;
    }

    /** A page's drawing: text with a measured wrap, headings, the rate table, the manager lines, a QR code. */
    static final class Pen implements AutoCloseable {
        private final PDPageContentStream cs;
        private final PDType0Font font;

        Pen(PDDocument doc, PDPage page, PDType0Font font) throws IOException {
            this.cs = new PDPageContentStream(doc, page);
            this.font = font;
        }

        float width(String s, float size) throws IOException {
            return font.getStringWidth(s) * size / 1000f;
        }

        void text(String s, float size, float x, float y, boolean bold, Color color) throws IOException {
            cs.beginText();
            cs.setNonStrokingColor(color);
            cs.setStrokingColor(color);
            if (bold) {
                cs.setRenderingMode(RenderingMode.FILL_STROKE);
                cs.setLineWidth(size / 30f);
            } else {
                cs.setRenderingMode(RenderingMode.FILL);
            }
            cs.setFont(font, size);
            cs.newLineAtOffset(x, y);
            cs.showText(s);
            cs.endText();
        }

        void centered(String s, float size, float cx, float y, boolean bold, Color color) throws IOException {
            text(s, size, cx - width(s, size) / 2, y, bold, color);
        }

        void right(String s, float size, float right, float y) throws IOException {
            text(s, size, right - width(s, size), y, false, Color.BLACK);
        }

        float heading(String s, float x, float y) throws IOException {
            text(s, 14, x, y, true, RED);
            return y - 20;
        }

        float section(String title, List<String> lines, float x, float y, float w) throws IOException {
            y = heading(title, x, y);
            for (String l : lines) {
                for (String part : wrap(l, 11, w)) {
                    text(part, 11, x, y, false, Color.BLACK);
                    y -= 15;
                }
            }
            return y - 8;
        }

        float paragraph(String p, float x, float y, float w) throws IOException {
            for (String part : wrap("　　" + p, 12, w)) {
                text(part, 12, x, y, false, Color.BLACK);
                y -= 19;
            }
            return y - 4;
        }

        float rates(List<GradeRate> rates, float x, float y, float w) throws IOException {
            float cell = Math.min(90, w / Math.max(1, rates.size()));
            float h = 20;
            for (int i = 0; i < rates.size(); i++) {
                float cx = x + i * cell;
                cs.addRect(cx, y - 2 * h + 14, cell, 2 * h);
                cs.moveTo(cx, y - h + 14);
                cs.lineTo(cx + cell, y - h + 14);
                cs.setLineWidth(0.6f);
                cs.setStrokingColor(Color.BLACK);
                cs.stroke();
                centered(rates.get(i).grade() + " 级", 11, cx + cell / 2, y, true, Color.BLACK);
                centered(rates.get(i).annualRate().toPlainString() + "%", 11, cx + cell / 2, y - h, false, Color.BLACK);
            }
            return y - 2 * h - 8;
        }

        float managers(PublicArea area, float x, float y, float w) throws IOException {
            if (area.managers().isEmpty()) {
                text(
                        "（请向 " + area.branchName() + " 咨询"
                                + (area.branchPhone() == null ? "" : "：" + area.branchPhone()) + "）",
                        12,
                        x,
                        y,
                        false,
                        Color.BLACK);
                return y - 20;
            }
            for (PublicArea.Manager m : area.managers()) {
                text(
                        "姓名：" + m.name() + "　　工号：" + m.staffNo() + "　　电话：" + (m.phone() == null ? "—" : m.phone()),
                        12,
                        x,
                        y,
                        false,
                        Color.BLACK);
                y -= 18;
            }
            return y - 4;
        }

        void qr(BitMatrix m, float x, float y, float size) throws IOException {
            float module = size / m.getWidth();
            cs.setNonStrokingColor(Color.BLACK);
            for (int r = 0; r < m.getHeight(); r++) {
                for (int c = 0; c < m.getWidth(); c++) {
                    if (m.get(c, r)) {
                        cs.addRect(x + c * module, y + size - (r + 1) * module, module, module);
                    }
                }
            }
            cs.fill();
        }

        List<String> wrap(String s, float size, float w) throws IOException {
            List<String> lines = new ArrayList<>();
            StringBuilder line = new StringBuilder();
            float used = 0;
            for (int i = 0; i < s.length(); ) {
                int cp = s.codePointAt(i);
                String ch = new String(Character.toChars(cp));
                float cw;
                try {
                    cw = width(ch, size);
                } catch (IllegalArgumentException e) {
                    ch = "□";
                    cw = width(ch, size);
                }
                if (used + cw > w && line.length() > 0) {
                    lines.add(line.toString());
                    line.setLength(0);
                    used = 0;
                }
                line.append(ch);
                used += cw;
                i += Character.charCount(cp);
            }
            if (line.length() > 0) {
                lines.add(line.toString());
            }
            return lines;
        }

        @Override
        public void close() throws IOException {
            cs.close();
        }
    }
}
