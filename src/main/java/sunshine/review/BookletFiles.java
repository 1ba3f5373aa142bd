package sunshine.review;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import sunshine.audit.AuditLog;
import sunshine.review.booklet.BookletContent;
import sunshine.review.booklet.BookletPdf;
import sunshine.review.booklet.BookletXlsx;
import sunshine.shared.NotFoundException;

/**
 * The files of one printed version of a panel's booklet: each member's copy as PDF or xlsx, or all of them in a
 * zip. The PDF table is laid out once and drawn for each copy. Every download is written to the audit log.
 */
public final class BookletFiles {

    private final BookletPrint print;
    private final BookletContent content;
    private final BookletPdf pdf;
    private final BookletXlsx xlsx;
    private final AuditLog audit;
    private BookletPdf.Prepared prepared;

    BookletFiles(BookletPrint print, BookletContent content, BookletPdf pdf, BookletXlsx xlsx, AuditLog audit) {
        this.print = print;
        this.content = content;
        this.pdf = pdf;
        this.xlsx = xlsx;
        this.audit = audit;
    }

    public BookletPrint print() {
        return print;
    }

    /** 东关村评议小组-P42-V3-C2-李桂兰.pdf */
    public String fileName(int copy, Booklets.Format format) {
        return safe(content.panelName()) + "-" + print.label(copy) + "-"
                + safe(content.copy(copy).memberName()) + "." + format.extension();
    }

    /** 东关村评议小组-P42-V3.zip */
    public String zipName() {
        return safe(content.panelName()) + "-" + print.versionLabel() + ".zip";
    }

    /** Writes one copy (404 for a copy the version does not have); the stream is flushed, not closed. */
    public void write(int copy, Booklets.Format format, OutputStream out) throws IOException {
        requireCopy(copy);
        render(copy, format, out);
        record(Map.of("copy", copy, "format", format.extension()));
    }

    /** Every copy, PDF and xlsx, in one zip. */
    public void zip(OutputStream out) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(out);
        // PDFs and workbooks are compressed already
        zip.setLevel(Deflater.NO_COMPRESSION);
        for (Entry e : renderAll(Set.of(Booklets.Format.PDF, Booklets.Format.XLSX), true)) {
            e.writeTo(zip, "");
        }
        zip.finish();
        out.flush();
    }

    /** A file of a zip, rendered. */
    record Entry(String name, byte[] bytes) {
        void writeTo(ZipOutputStream zip, String folder) throws IOException {
            zip.putNextEntry(new ZipEntry(folder + name));
            zip.write(bytes);
            zip.closeEntry();
        }
    }

    /** Every copy in the formats, rendered in memory (a few hundred kB a copy); audited once when asked. */
    List<Entry> renderAll(Set<Booklets.Format> formats, boolean audited) throws IOException {
        List<Entry> entries = new ArrayList<>();
        for (BookletContent.Copy c : content.copies()) {
            for (Booklets.Format f : Booklets.Format.values()) {
                if (formats.contains(f)) {
                    ByteArrayOutputStream bytes =
                            new ByteArrayOutputStream(f == Booklets.Format.PDF ? 256 << 10 : 64 << 10);
                    render(c.number(), f, bytes);
                    entries.add(new Entry(fileName(c.number(), f), bytes.toByteArray()));
                }
            }
        }
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("copies", content.copies().size());
        after.put(
                "format",
                formats.stream().map(Booklets.Format::extension).sorted().toList());
        after.put("zip", true);
        if (audited) {
            record(after);
        }
        return entries;
    }

    private void render(int copy, Booklets.Format format, OutputStream out) throws IOException {
        if (format == Booklets.Format.PDF) {
            if (prepared == null) {
                prepared = pdf.prepare(content);
            }
            pdf.write(prepared, copy, out);
        } else {
            xlsx.write(content, copy, out);
        }
    }

    private void requireCopy(int copy) {
        if (content.copies().stream().noneMatch(c -> c.number() == copy)) {
            throw new NotFoundException("booklet_copy", print.label(copy));
        }
    }

    private void record(Map<String, Object> detail) {
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("panel", print.panelId());
        after.put("version", print.version());
        after.putAll(detail);
        audit.record("BOOKLET_DOWNLOAD", "booklet_print", print.id(), null, after);
    }

    /** A name fit for a file or folder: no path or reserved characters. */
    static String safe(String name) {
        String s = name == null
                ? ""
                : name.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_").strip();
        return s.isEmpty() ? "_" : s;
    }
}
