package sunshine.review.web;

import jakarta.servlet.http.HttpServletResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Headers of a booklet download: a Chinese file name that survives every browser (RFC 6266 and 5987). */
public final class BookletDownloads {

    private BookletDownloads() {}

    public static void headers(HttpServletResponse response, String fileName, String contentType) {
        response.setContentType(contentType);
        response.setHeader("Cache-Control", "no-store");
        String ascii = fileName.replaceAll("[^A-Za-z0-9._-]", "");
        if (ascii.startsWith(".") || ascii.startsWith("-") || ascii.isBlank()) {
            ascii = "booklet" + ascii;
        }
        response.setHeader(
                "Content-Disposition",
                "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''"
                        + URLEncoder.encode(fileName, StandardCharsets.UTF_8)
                                .replace("+", "%20")
                                .replace("*", "%2A"));
    }
}
