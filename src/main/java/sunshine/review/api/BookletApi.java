package sunshine.review.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import sunshine.review.BookletFiles;
import sunshine.review.BookletPrint;
import sunshine.review.BookletRoles;
import sunshine.review.Booklets;
import sunshine.review.web.BookletDownloads;

/** Booklets through the API: print (records a version), list versions, download copies as PDF, xlsx or zip. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "booklets", description = "评议册 Review booklets")
@PreAuthorize(BookletRoles.VIEW)
class BookletApi {

    /** A printed version with where to download each copy. */
    record Version(
            long panelId,
            int version,
            String label,
            String printedBy,
            Instant printedAt,
            int households,
            String contentHash,
            List<CopyLinks> copies,
            String zip) {}

    record CopyLinks(
            int copy, String label, String member, String role, Long ownHouseholdId, String pdf, String xlsx) {}

    record Listing(
            long panelId,
            String panel,
            String status,
            int householdsNow,
            boolean changedSinceLatest,
            List<Version> versions) {}

    private final Booklets booklets;

    BookletApi(Booklets booklets) {
        this.booklets = booklets;
    }

    @GetMapping("/panels/{id}/booklets")
    @Operation(summary = "评议册版本 The printed versions of a panel's booklet, newest first")
    Listing list(@PathVariable long id) {
        Booklets.Overview o = booklets.overview(id);
        return new Listing(
                id,
                o.panel().name(),
                o.panel().status().name(),
                o.householdsNow(),
                o.changedSinceLatest(),
                o.prints().stream().map(BookletApi::version).toList());
    }

    @PostMapping("/panels/{id}/booklets")
    @PreAuthorize(BookletRoles.PRINT)
    @Operation(
            summary = "打印评议册（内容有变化时生成新版本，否则沿用最新版本；记入审计日志）"
                    + " Print: records a new version when the content changed, else reuses the latest; audited")
    Version print(@PathVariable long id) {
        return version(booklets.print(id));
    }

    @GetMapping("/panels/{id}/booklets/{version}")
    @Operation(summary = "某一版本 One printed version")
    Version one(@PathVariable long id, @PathVariable int version) {
        return version(booklets.printed(id, version));
    }

    @GetMapping("/panels/{id}/booklets/{version}/households")
    @Operation(summary = "该版本的家庭（按行号） The households of a version in row order (row 1 first)")
    List<Long> households(@PathVariable long id, @PathVariable int version) {
        return booklets.households(id, version);
    }

    @GetMapping("/panels/{id}/booklets/{version}/{copy}.{format}")
    @Operation(summary = "下载一册（pdf 或 xlsx） Download one member's copy as pdf or xlsx")
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
    @Operation(summary = "下载全部各册（zip） Every copy of a version, pdf and xlsx, as one zip")
    void zip(@PathVariable long id, @PathVariable int version, HttpServletResponse response) throws IOException {
        BookletFiles files = booklets.files(id, version);
        BookletDownloads.headers(response, files.zipName(), "application/zip");
        files.zip(response.getOutputStream());
    }

    @GetMapping("/branches/{id}/booklets.zip")
    @PreAuthorize(BookletRoles.PRINT)
    @Operation(
            summary = "下载支行全部评议册（每个评议小组一个文件夹；沿途打印，内容有变化时生成新版本）"
                    + " All confirmed panels of a branch subtree, one folder per panel; prints each on the way")
    void branch(@PathVariable long id, @RequestParam(required = false) String format, HttpServletResponse response)
            throws IOException {
        var formats = Booklets.Format.set(format);
        String name = booklets.branchName(id);
        BookletDownloads.headers(response, "评议册-" + name + ".zip", "application/zip");
        booklets.branchZip(id, formats, response.getOutputStream());
    }

    private static Version version(BookletPrint p) {
        String base = "/api/v1/panels/" + p.panelId() + "/booklets/" + p.version();
        return new Version(
                p.panelId(),
                p.version(),
                p.versionLabel(),
                p.printedBy(),
                p.printedAt(),
                p.households(),
                p.contentHash(),
                p.copies().stream()
                        .map(c -> new CopyLinks(
                                c.number(),
                                p.label(c.number()),
                                c.memberName(),
                                c.role(),
                                c.ownHouseholdId(),
                                base + "/" + c.number() + ".pdf",
                                base + "/" + c.number() + ".xlsx"))
                        .toList(),
                base + ".zip");
    }
}
