package sunshine.review.booklet;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import sunshine.transfer.pdf.CjkFont;

/** Writes the sample booklet's copies to target/booklets, to open and look at (not a test). */
public final class SampleFiles {

    private SampleFiles() {}

    public static void main(String[] args) throws Exception {
        BookletContent c = SampleBooklet.of(args.length > 0 ? Integer.parseInt(args[0]) : 40);
        Path dir = Files.createDirectories(Path.of("target/booklets"));
        BookletPdf pdf = new BookletPdf(CjkFont.get());
        BookletPdf.Prepared p = pdf.prepare(c);
        BookletXlsx xlsx = new BookletXlsx("sample");
        for (int copy = 1; copy <= 5; copy++) {
            try (OutputStream out = Files.newOutputStream(dir.resolve("sample-" + copy + ".pdf"))) {
                pdf.write(p, copy, out);
            }
            try (OutputStream out = Files.newOutputStream(dir.resolve("sample-" + copy + ".xlsx"))) {
                xlsx.write(c, copy, out);
            }
        }
    }
}
