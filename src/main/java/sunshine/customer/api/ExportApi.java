package sunshine.customer.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import sunshine.customer.CustomerExport;
import sunshine.customer.CustomerSearch;
import sunshine.customer.Roles;

/** Export of customers through the API: the same filter as the customer search, as xlsx or CSV. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "filing", description = "客户建档 Customer filing")
@PreAuthorize(Roles.READ)
class ExportApi {

    private final CustomerExport export;

    ExportApi(CustomerExport export) {
        this.export = export;
    }

    @GetMapping("/customers/export")
    @Operation(
            summary = "导出客户档案（xlsx 或 csv；完整信息需总行权限并记入审计日志）"
                    + " Export customers as xlsx or CSV; unmasked needs a head-office role and is audited")
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
        response.setContentType(download.format().contentType());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, download.contentDisposition());
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        download.writeTo(response.getOutputStream());
    }
}
