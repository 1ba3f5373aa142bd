package sunshine.review.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import sunshine.review.Results;
import sunshine.review.aggregation.AggregationResult;
import sunshine.review.aggregation.Estimate;
import sunshine.review.aggregation.Figure;
import sunshine.transfer.SafeCells;
import sunshine.transfer.pdf.PdfDoc;

/**
 * The panel summary (评议汇总表, R22): per household the five copies' suggested amounts, the trimmed results of
 * every figure, the band of R20 (the cap), the grade and the proposed amount; as xlsx (streamed, inline strings,
 * every text neutralised by SafeCells) and as a printable A4 landscape PDF. Resident IDs are masked.
 */
@Component
class PanelSummary {

    static final int COPIES = 5;

    private final MessageSource messages;

    PanelSummary(MessageSource messages) {
        this.messages = messages;
    }

    /** The header row: row, representative, ID, copies 1-5, the five means, band, proposed, grade, status. */
    List<String> header(Locale locale) {
        List<String> h = new ArrayList<>();
        h.add(msg("results.row", locale));
        h.add(msg("results.representative", locale));
        h.add(msg("results.residentId", locale));
        for (int c = 1; c <= COPIES; c++) {
            h.add(msg("summary.copy", locale, c));
        }
        for (Figure f : Figure.values()) {
            h.add(msg("summary.mean", locale, msg("review.figure." + f.name(), locale)));
        }
        h.add(msg("summary.band", locale));
        h.add(msg("review.calculator.proposed", locale));
        h.add(msg("review.calculator.grade", locale));
        h.add(msg("common.status", locale));
        return h;
    }

    /** One household as the table's cells (text; amounts formatted with two decimals). */
    List<String> row(Results.HouseholdResult h, Locale locale) {
        List<String> cells = new ArrayList<>();
        cells.add(String.valueOf(h.rowNo()));
        cells.add(h.representative());
        cells.add(h.residentIdMasked());
        AggregationResult r = h.result();
        for (int c = 1; c <= COPIES; c++) {
            cells.add(r == null ? "" : copyCell(r, c, locale));
        }
        for (Figure f : Figure.values()) {
            cells.add(r == null ? "" : money(r.mean(f)));
        }
        if (r == null || r.cap() == null) {
            cells.add("");
            cells.add("");
            cells.add("");
        } else {
            cells.add(money(r.cap().lowAmount()) + " – " + money(r.cap().highAmount()) + " "
                    + msg("review.band." + r.band().name(), locale));
            cells.add(money(r.proposedAmount()));
            cells.add(r.grade() + (r.eligible() ? "" : " " + msg("review.calculator.ineligible", locale)));
        }
        cells.add(
                r == null
                        ? msg("results.none", locale)
                        : msg("review.status." + r.status().name(), locale));
        return cells;
    }

    byte[] xlsx(Results.PanelResults p, Locale locale) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Workbook wb = new Workbook(out, "Sunshine Credit", "1.0");
        Worksheet ws = wb.newWorksheet(msg("summary.sheet", locale));
        ws.inlineString(0, 0, SafeCells.neutralise(title(p, locale)));
        List<String> header = header(locale);
        for (int i = 0; i < header.size(); i++) {
            ws.inlineString(2, i, header.get(i));
        }
        int r = 3;
        for (Results.HouseholdResult h : p.households()) {
            List<String> cells = row(h, locale);
            for (int i = 0; i < cells.size(); i++) {
                BigDecimal amount = amount(h, i);
                if (amount != null) {
                    ws.value(r, i, amount);
                } else {
                    ws.inlineString(r, i, SafeCells.neutralise(cells.get(i)));
                }
            }
            r++;
        }
        ws.inlineString(r + 1, 0, msg("summary.rules", locale));
        ws.finish();
        wb.finish();
        return out.toByteArray();
    }

    byte[] pdf(Results.PanelResults p, Locale locale) {
        List<String> header = header(locale);
        List<PdfDoc.Column> columns = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            float weight = i == 0 ? 0.4f : i == 2 ? 1.7f : i == 13 ? 1.8f : 1f;
            PdfDoc.Column c = PdfDoc.col(header.get(i), weight);
            columns.add(i >= 3 && i <= 12 || i == 14 ? c.right() : c);
        }
        List<List<String>> rows =
                p.households().stream().map(h -> row(h, locale)).toList();
        try (PdfDoc doc = PdfDoc.landscape(title(p, locale), p.panel().branchName())) {
            return doc.title(title(p, locale))
                    .paragraph(p.panel().branchName() + " · " + p.panel().name())
                    .table(columns, rows)
                    .note(msg("summary.rules", locale))
                    .signatures(msg("summary.signPanel", locale), msg("summary.signHead", locale))
                    .toBytes();
        }
    }

    private String title(Results.PanelResults p, Locale locale) {
        return msg("summary.title", locale, p.panel().name());
    }

    /** The amount behind a numeric cell (copies and means), so that the workbook holds numbers, not text. */
    private static BigDecimal amount(Results.HouseholdResult h, int column) {
        AggregationResult r = h.result();
        if (r == null) {
            return null;
        }
        int mean = column - 3 - COPIES;
        if (mean >= 0 && mean < Figure.values().length) {
            return r.mean(Figure.values()[mean]);
        }
        if (column == 3 + COPIES + Figure.values().length + 1) {
            return r.proposedAmount();
        }
        return null;
    }

    private String copyCell(AggregationResult r, int copy, Locale locale) {
        for (Estimate e : r.estimates()) {
            if (e.seat() == copy) {
                String v = money(e.entered(Figure.SUGGESTED));
                if (e.isOwnHousehold(r.householdId())) {
                    return v + " " + msg("summary.own", locale);
                }
                return e.doNotRecommend() ? msg("summary.notRecommended", locale) : v;
            }
        }
        return "";
    }

    private static String money(BigDecimal v) {
        return v == null ? "—" : String.format(Locale.ROOT, "%,.2f", v);
    }

    private String msg(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
