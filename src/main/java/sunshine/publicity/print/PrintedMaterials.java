package sunshine.publicity.print;

import com.google.zxing.common.BitMatrix;
import java.awt.Color;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import sunshine.publicity.GradeRate;
import sunshine.publicity.PublicArea;
import sunshine.publicity.TermsVersion;
import sunshine.transfer.pdf.PdfDoc;

/**
 * The printed publicity of an area (R34, 000 §4.4): a poster with the terms, the rate table, the account manager
 * and the QR code of the village's public page; an open letter to customers (致客户的公开信); a proposal (倡议书).
 * Laid out by hand on one A4 portrait page and drawn through the shared {@link PdfDoc} writer (Noto Sans SC, embedded
 * subset; text wrapped by measured width), without its page-number footer: each is a single sheet.
 */
@Component
public class PrintedMaterials {

    static final float MARGIN = 48;
    static final Color RED = PdfDoc.RED;
    static final Color GREY = PdfDoc.GREY;

    /** The material as PDF bytes; {@code publicUrl} is the area's short link (printed and as a QR code). */
    public byte[] render(PrintKind kind, PublicArea area, TermsVersion terms, String publicUrl, LocalDate day) {
        try (PdfDoc doc = PdfDoc.portrait(Texts.title(kind) + " · " + area.areaName(), area.bankName())) {
            Pen pen = new Pen(doc.withoutPageNumbers().subject("terms v" + terms.version()));
            switch (kind) {
                case POSTER -> poster(pen, area, terms, publicUrl);
                case LETTER -> letter(pen, area, terms, day);
                case PROPOSAL -> proposal(pen, area, terms, day);
            }
            return doc.toBytes();
        }
    }

    private void poster(Pen pen, PublicArea area, TermsVersion terms, String url) {
        float w = pen.doc.pageWidth();
        float y = pen.doc.pageHeight() - MARGIN - 10;
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

    private void letter(Pen pen, PublicArea area, TermsVersion terms, LocalDate day) {
        float w = pen.doc.pageWidth();
        float y = pen.doc.pageHeight() - MARGIN - 20;
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

    private void proposal(Pen pen, PublicArea area, TermsVersion terms, LocalDate day) {
        float w = pen.doc.pageWidth();
        float y = pen.doc.pageHeight() - MARGIN - 20;
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

    private static void signature(Pen pen, PublicArea area, LocalDate day, float y) {
        float right = pen.doc.pageWidth() - MARGIN;
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

    /** A page's drawing on the shared writer: text with a measured wrap, headings, the rate table, the managers, a QR. */
    static final class Pen {
        private final PdfDoc doc;

        Pen(PdfDoc doc) {
            this.doc = doc;
        }

        float width(String s, float size) {
            return doc.textWidth(s, size);
        }

        void text(String s, float size, float x, float y, boolean bold, Color color) {
            doc.textAt(s, size, x, y, bold, color);
        }

        void centered(String s, float size, float cx, float y, boolean bold, Color color) {
            text(s, size, cx - width(s, size) / 2, y, bold, color);
        }

        void right(String s, float size, float right, float y) {
            text(s, size, right - width(s, size), y, false, Color.BLACK);
        }

        float heading(String s, float x, float y) {
            text(s, 14, x, y, true, RED);
            return y - 20;
        }

        float section(String title, List<String> lines, float x, float y, float w) {
            y = heading(title, x, y);
            for (String l : lines) {
                for (String part : doc.wrap(l, w, 11)) {
                    text(part, 11, x, y, false, Color.BLACK);
                    y -= 15;
                }
            }
            return y - 8;
        }

        float paragraph(String p, float x, float y, float w) {
            for (String part : doc.wrap("　　" + p, w, 12)) {
                text(part, 12, x, y, false, Color.BLACK);
                y -= 19;
            }
            return y - 4;
        }

        float rates(List<GradeRate> rates, float x, float y, float w) {
            float cell = Math.min(90, w / Math.max(1, rates.size()));
            float h = 20;
            for (int i = 0; i < rates.size(); i++) {
                float cx = x + i * cell;
                doc.rectAt(cx, y - 2 * h + 14, cell, 2 * h, 0.6f);
                doc.lineAt(cx, y - h + 14, cx + cell, y - h + 14, 0.6f);
                centered(rates.get(i).grade() + " 级", 11, cx + cell / 2, y, true, Color.BLACK);
                centered(rates.get(i).annualRate().toPlainString() + "%", 11, cx + cell / 2, y - h, false, Color.BLACK);
            }
            return y - 2 * h - 8;
        }

        float managers(PublicArea area, float x, float y, float w) {
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

        void qr(BitMatrix m, float x, float y, float size) {
            float module = size / m.getWidth();
            float[] corners = new float[2 * m.getWidth() * m.getHeight()];
            int n = 0;
            for (int r = 0; r < m.getHeight(); r++) {
                for (int c = 0; c < m.getWidth(); c++) {
                    if (m.get(c, r)) {
                        corners[n++] = x + c * module;
                        corners[n++] = y + size - (r + 1) * module;
                    }
                }
            }
            doc.squaresAt(java.util.Arrays.copyOf(corners, n), module);
        }
    }
}
