package sunshine.review.booklet;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class BookletPdfTest {

    final BookletPdf pdf = new BookletPdf(CjkFont.get());

    @Test
    void renders() throws Exception {
        BookletContent c = SampleBooklet.of(400);
        BookletPdf.Prepared p = pdf.prepare(c);
        for (int k = 0; k < 15; k++) {
            int copy = k % 5 + 1;
            long t = System.currentTimeMillis();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            pdf.write(p, copy, out);
            System.out.println(
                    "copy " + copy + " " + (System.currentTimeMillis() - t) + " ms " + out.size() + " bytes");
            Files.createDirectories(Path.of("target/booklets"));
            Files.write(Path.of("target/booklets/sample-" + copy + ".pdf"), out.toByteArray());
        }
    }
}
