package sunshine.customer.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import sunshine.customer.FilingImport;
import sunshine.customer.FilingImports;
import sunshine.customer.FilingTemplate;
import sunshine.customer.ImportResult;
import sunshine.customer.Roles;
import sunshine.shared.BusinessException;
import sunshine.shared.NotFoundException;
import sunshine.shared.PageResult;
import sunshine.shared.web.Downloads;
import sunshine.shared.web.Forms;

/** Pages of the bulk import: template, upload, progress, preview, commit, result workbook. */
@Controller
@PreAuthorize(Roles.FILE)
class ImportPages {

    static final List<String> STATUSES = List.of("NEW", "CHANGED", "UNCHANGED", "INVALID", "DUPLICATE", "CONFLICT");

    private final FilingImports imports;
    private final FilingTemplate template;
    private final ImportResult result;

    ImportPages(FilingImports imports, FilingTemplate template, ImportResult result) {
        this.imports = imports;
        this.template = template;
        this.result = result;
    }

    @GetMapping("/filing/import")
    String start(Model model) {
        model.addAttribute("recent", imports.recent());
        return "customer/import";
    }

    @GetMapping("/filing/template.xlsx")
    void template(HttpServletResponse response) throws IOException {
        Downloads.xlsx(response, "客户建档模板.xlsx");
        template.write(response.getOutputStream());
    }

    @PostMapping("/filing/import")
    String upload(@RequestParam("file") MultipartFile file, Model model, RedirectAttributes flash) throws IOException {
        try (InputStream in = file.getInputStream()) {
            FilingImport i = imports.upload(file.getOriginalFilename(), in);
            return "redirect:/filing/import/" + i.id();
        } catch (BusinessException e) {
            if (e instanceof NotFoundException) {
                throw e;
            }
            model.addAttribute("errorKey", e.messageKey());
            model.addAttribute("errorArgs", e.args());
            return start(model);
        }
    }

    @GetMapping("/filing/import/{id}")
    String show(
            @PathVariable long id,
            @RequestParam(defaultValue = "INVALID") String status,
            @RequestParam(defaultValue = "0") int page,
            Locale locale,
            Model model) {
        FilingImport i = imports.get(id);
        model.addAttribute("imp", i);
        model.addAttribute("progress", imports.progress(id));
        model.addAttribute("statuses", STATUSES);
        String shown = STATUSES.contains(status) ? status : "INVALID";
        model.addAttribute("shown", shown);
        if (i.status() == FilingImport.Status.PREVIEW || i.status() == FilingImport.Status.COMMITTED) {
            var rows = imports.rows(id, shown, new PageResult.Request(page, 100));
            java.util.Map<Integer, String> text = new java.util.HashMap<>();
            rows.items().forEach(r -> text.put(r.rowNo(), result.reasons(r.reasons(), locale)));
            model.addAttribute("rows", rows);
            model.addAttribute("reasonText", text);
        }
        return "customer/import-show";
    }

    /** The progress panel alone, polled by htmx while the file is read or committed. */
    @GetMapping("/filing/import/{id}/progress")
    String progress(@PathVariable long id, Model model, HttpServletResponse response) {
        FilingImport i = imports.get(id);
        model.addAttribute("imp", i);
        model.addAttribute("progress", imports.progress(id));
        if (i.status() != FilingImport.Status.READING && i.status() != FilingImport.Status.COMMITTING) {
            response.setHeader("HX-Refresh", "true");
        }
        return "customer/import-show :: progress";
    }

    @PostMapping("/filing/import/{id}/commit")
    String commit(@PathVariable long id, RedirectAttributes flash) {
        try {
            imports.commit(id);
        } catch (BusinessException e) {
            if (e instanceof NotFoundException) {
                throw e;
            }
            flash.addFlashAttribute("errorKey", e.messageKey());
            flash.addFlashAttribute("errorArgs", e.args());
        }
        return "redirect:/filing/import/" + id;
    }

    @PostMapping("/filing/import/{id}/discard")
    String discard(@PathVariable long id, RedirectAttributes flash) {
        Forms.flash(flash, () -> imports.discard(id).fileName());
        return "redirect:/filing/import";
    }

    @GetMapping("/filing/import/{id}/result.xlsx")
    void result(@PathVariable long id, Locale locale, HttpServletResponse response) throws IOException {
        FilingImport i = imports.get(id);
        Downloads.xlsx(response, "导入结果-" + i.id() + ".xlsx");
        result.write(id, locale, response.getOutputStream());
    }
}
