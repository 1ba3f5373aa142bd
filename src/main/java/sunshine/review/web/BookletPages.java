package sunshine.review.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import sunshine.review.BookletFiles;
import sunshine.review.BookletPrint;
import sunshine.review.BookletRoles;
import sunshine.review.Booklets;
import sunshine.shared.BusinessException;
import sunshine.shared.NotFoundException;

/**
 * A panel's booklets (R16): the members' copies, the printed versions with their downloads, and the print
 * button; a branch's booklets of all its confirmed panels as one zip.
 */
@Controller
@PreAuthorize(BookletRoles.VIEW)
class BookletPages {

    private final Booklets booklets;

    BookletPages(Booklets booklets) {
        this.booklets = booklets;
    }

    @GetMapping("/panels/{id}/booklets")
    String show(@PathVariable long id, @RequestParam(required = false) Integer printed, Model model) {
        Booklets.Overview o = booklets.overview(id);
        model.addAttribute("o", o);
        model.addAttribute("panel", o.panel());
        model.addAttribute("printed", printed);
        return "review/booklets";
    }

    /** Prints: records a version (or reuses the latest when nothing changed) and shows it for download. */
    @PostMapping("/panels/{id}/booklets")
    @PreAuthorize(BookletRoles.PRINT)
    String print(@PathVariable long id, Model model, RedirectAttributes flash) {
        try {
            BookletPrint p = booklets.print(id);
            return "redirect:/panels/" + id + "/booklets?printed=" + p.version();
        } catch (BusinessException e) {
            if (e instanceof NotFoundException) {
                throw e;
            }
            model.addAttribute("errorKey", e.messageKey());
            model.addAttribute("errorArgs", e.args());
            return show(id, null, model);
        }
    }

    @GetMapping("/panels/{id}/booklets/{version}/{copy}.{format}")
    void copy(
            @PathVariable long id,
            @PathVariable int version,
            @PathVariable int copy,
            @PathVariable String format,
            HttpServletResponse response)
            throws IOException {
        Booklets.Format f = Booklets.Format.of(format);
        BookletFiles files = booklets.files(id, version);
        BookletDownloads.headers(response, files.fileName(copy, f), f.contentType());
        files.write(copy, f, response.getOutputStream());
    }

    @GetMapping("/panels/{id}/booklets/{version}.zip")
    void zip(@PathVariable long id, @PathVariable int version, HttpServletResponse response) throws IOException {
        BookletFiles files = booklets.files(id, version);
        BookletDownloads.headers(response, files.zipName(), "application/zip");
        files.zip(response.getOutputStream());
    }

    /**
     * All confirmed panels of the branch's subtree, one folder per panel. A GET that records: each panel is
     * printed on the way, which makes a version only when its content changed (docs/decisions.md).
     */
    @GetMapping("/branches/{id}/booklets.zip")
    @PreAuthorize(BookletRoles.PRINT)
    void branch(@PathVariable long id, @RequestParam(required = false) String format, HttpServletResponse response)
            throws IOException {
        var formats = Booklets.Format.set(format);
        String name = booklets.branchName(id);
        BookletDownloads.headers(response, "评议册-" + name + ".zip", "application/zip");
        booklets.branchZip(id, formats, response.getOutputStream());
    }
}
