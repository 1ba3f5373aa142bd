package sunshine.shared.web;

import jakarta.servlet.http.HttpServletResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Headers of a workbook download whose Chinese file name survives every browser (RFC 6266 and 5987). */
public final class Downloads {

    private Downloads() {}

    public static void xlsx(HttpServletResponse response, String fileName) {
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader("Cache-Control", "no-store");
        response.setHeader(
                "Content-Disposition",
                "attachment; filename=\"download.xlsx\"; filename*=UTF-8''"
                        + URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20"));
    }
}
