package sunshine.customer.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import sunshine.customer.CustomerExport;
import sunshine.customer.CustomerSearch;
import sunshine.customer.Roles;

/** The customer list's export links: the list's filter as an xlsx workbook or a CSV file (filing issue point 8). */
@Controller
@PreAuthorize(Roles.READ)
class ExportController {

    private final CustomerExport export;

    ExportController(CustomerExport export) {
        this.export = export;
    }

    @GetMapping("/customers/export")
    void export(
            @RequestParam(required = false) String format,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) Long branchId,
            @RequestParam(required = false) Long areaId,
            @RequestParam(required = false) Long managerId,
            @RequestParam(required = false) Boolean excluded,
            @RequestParam(defaultValue = "false") boolean unmasked,
            HttpServletResponse response)
            throws IOException {
        CustomerExport.Download download = export.prepare(
                new CustomerSearch.Filter(q, branchId, areaId, managerId, excluded),
                CustomerExport.Format.of(format),
                unmasked);
        send(download, response);
    }

    /** Headers first, then the rows straight to the response: nothing is built in memory. */
    static void send(CustomerExport.Download download, HttpServletResponse response) throws IOException {
        response.setContentType(download.format().contentType());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, download.contentDisposition());
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        download.writeTo(response.getOutputStream());
    }
}
