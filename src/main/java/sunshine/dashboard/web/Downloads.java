package sunshine.dashboard.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.springframework.http.HttpHeaders;
import sunshine.dashboard.TableFile;

/** Sends a table or extract as an attachment: headers first, then the rows straight to the response. */
final class Downloads {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmm");

    /** Writes rows to an open table file. */
    interface Body {
        void write(TableFile file) throws IOException;
    }

    /** Writes the whole download to the stream. */
    interface Stream {
        void write(java.io.OutputStream out) throws IOException;
    }

    private Downloads() {}

    static void table(
            HttpServletResponse response,
            TableFile.Format format,
            String ascii,
            String name,
            List<String> headers,
            Body body)
            throws IOException {
        file(response, format, ascii, name, out -> {
            TableFile file = TableFile.open(format, out, name, headers);
            body.write(file);
            file.finish();
        });
    }

    static void file(HttpServletResponse response, TableFile.Format format, String ascii, String name, Stream body)
            throws IOException {
        String stamp = "-" + ZonedDateTime.now(ZoneId.of("Asia/Shanghai")).format(STAMP) + "." + format.extension;
        response.setContentType(format.contentType);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, TableFile.disposition(ascii + stamp, name + stamp));
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        body.write(response.getOutputStream());
        response.getOutputStream().flush();
    }
}
