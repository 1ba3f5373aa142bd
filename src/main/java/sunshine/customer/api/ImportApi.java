package sunshine.customer.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import sunshine.customer.FilingImport;
import sunshine.customer.FilingImports;
import sunshine.customer.FilingTemplate;
import sunshine.customer.ImportResult;
import sunshine.customer.Roles;
import sunshine.shared.PageResult;
import sunshine.shared.web.Downloads;

/** The bulk import for scripts: upload, poll, preview rows, commit, result workbook, template. */
@RestController
@RequestMapping("/api/v1/filing")
@Tag(name = "filing-import", description = "批量建档导入 Bulk filing import")
@PreAuthorize(Roles.FILE)
class ImportApi {

    private final FilingImports imports;
    private final FilingTemplate template;
    private final ImportResult result;

    ImportApi(FilingImports imports, FilingTemplate template, ImportResult result) {
        this.imports = imports;
        this.template = template;
        this.result = result;
    }

    @PostMapping(path = "/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "上传建档工作簿 Upload a filing workbook; it is read in the background (poll GET /imports/{id})")
    FilingImport upload(@RequestPart("file") MultipartFile file) throws IOException {
        try (InputStream in = file.getInputStream()) {
            return imports.upload(file.getOriginalFilename(), in);
        }
    }

    @GetMapping("/imports/{id}")
    FilingImport get(@PathVariable long id) {
        return imports.get(id);
    }

    @GetMapping("/imports/{id}/rows")
    @Operation(summary = "预览行 Rows of one status: NEW, CHANGED, UNCHANGED, INVALID, DUPLICATE, CONFLICT")
    PageResult<FilingImports.Row> rows(
            @PathVariable long id,
            @RequestParam(defaultValue = "INVALID") String status,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "100") int size) {
        return imports.rows(id, status, new PageResult.Request(page, size));
    }

    @PostMapping("/imports/{id}/commit")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "确认导入 Apply all valid rows in one transaction (in the background)")
    FilingImport commit(@PathVariable long id) {
        return imports.commit(id);
    }

    @PostMapping("/imports/{id}/discard")
    FilingImport discard(@PathVariable long id) {
        return imports.discard(id);
    }

    @GetMapping("/imports/{id}/result.xlsx")
    void result(@PathVariable long id, Locale locale, HttpServletResponse response) throws IOException {
        Downloads.xlsx(response, "导入结果-" + id + ".xlsx");
        result.write(id, locale, response.getOutputStream());
    }

    @GetMapping("/template.xlsx")
    void template(HttpServletResponse response) throws IOException {
        Downloads.xlsx(response, "客户建档模板.xlsx");
        template.write(response.getOutputStream());
    }
}
