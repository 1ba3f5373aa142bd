package sunshine.review.booklet;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class BookletXlsxTest {

    @Test
    void renders() throws Exception {
        BookletXlsx x = new BookletXlsx("test");
        BookletContent c = SampleBooklet.of(400);
        for (int k = 0; k < 10; k++) {
            long t = System.currentTimeMillis();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            x.write(c, k % 5 + 1, out);
            System.out.println("xlsx " + (System.currentTimeMillis() - t) + " ms " + out.size());
            Files.createDirectories(Path.of("target/booklets"));
            Files.write(Path.of("target/booklets/sample-" + (k % 5 + 1) + ".xlsx"), out.toByteArray());
        }
    }
}
