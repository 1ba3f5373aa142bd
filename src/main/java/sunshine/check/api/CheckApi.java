package sunshine.check.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import sunshine.check.CheckList;
import sunshine.check.CheckRoles;
import sunshine.check.CheckedHousehold;
import sunshine.check.Snapshot;
import sunshine.check.SnapshotKind;
import sunshine.check.SnapshotTemplate;
import sunshine.check.Snapshots;
import sunshine.shared.PageResult;
import sunshine.shared.web.Downloads;

/** The core system's inputs for scripts (§4), and the households the checks flag (R24, R25, R7). */
@RestController
@RequestMapping("/api/v1/checks")
@Tag(name = "checks", description = "核查 Checks: core-system snapshots, bad records, older certificates")
@PreAuthorize(CheckRoles.READ)
class CheckApi {

    private final Snapshots snapshots;
    private final SnapshotTemplate template;
    private final CheckList list;

    CheckApi(Snapshots snapshots, SnapshotTemplate template, CheckList list) {
        this.snapshots = snapshots;
        this.template = template;
        this.list = list;
    }

    @PostMapping(path = "/snapshots", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize(CheckRoles.UPLOAD)
    @Operation(
            summary = "上传核心系统数据 Upload a core-system file (xlsx or UTF-8 CSV) as a dated snapshot;"
                    + " 202 with the snapshot LOADING: it is read and checked row by row in the background (follow"
                    + " GET /snapshots/{id} or /snapshots/{id}/progress until LOADED or FAILED with errorKey); 200 with"
                    + " alreadyLoaded=true when the same file was already loaded (or is loading) for that date")
    ResponseEntity<Snapshots.Upload> upload(
            @RequestParam SnapshotKind kind,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
            @RequestPart("file") MultipartFile file)
            throws IOException {
        try (InputStream in = file.getInputStream()) {
            Snapshots.Upload u = snapshots.upload(kind, asOf, file.getOriginalFilename(), in);
            return ResponseEntity.status(u.alreadyLoaded() ? 200 : 202)
                    .location(java.net.URI.create(
                            "/api/v1/checks/snapshots/" + u.snapshot().id()))
                    .body(u);
        }
    }

    @GetMapping("/snapshots")
    @Operation(summary = "快照列表 Snapshots the caller sees, newest first")
    List<Snapshot> snapshots(@RequestParam(required = false) SnapshotKind kind) {
        return snapshots.list(kind);
    }

    @GetMapping("/snapshots/current")
    @Operation(summary = "当前快照集 The snapshot ids the checks read now (latest per kind and uploader's subtree)")
    List<Long> current() {
        return snapshots.current().ids();
    }

    @GetMapping("/snapshots/{id}")
    Snapshot snapshot(@PathVariable long id) {
        return snapshots.get(id);
    }

    /** Where a background load is: its status and the rows read so far. */
    record Progress(long id, Snapshot.Status status, long rowsRead, String errorKey, List<String> errorArgs) {}

    @GetMapping("/snapshots/{id}/progress")
    @Operation(summary = "加载进度 Status of a snapshot's background load and the rows read so far")
    Progress progress(@PathVariable long id) {
        // the counter first: it goes away only after the status has left LOADING, so read in this order the rows
        // read never go back (read after the status, a load that committed in between showed 0 once)
        long counted = snapshots.progress(id);
        Snapshot s = snapshots.get(id);
        long read = s.status() == Snapshot.Status.LOADING ? counted : s.rowsTotal();
        return new Progress(id, s.status(), read, s.errorKey(), s.errorArgs());
    }

    @GetMapping("/snapshots/{id}/rows")
    @Operation(summary = "快照行 Rows of a snapshot: INVALID (refused, with reasons FIELD:key|arg;...) or VALID")
    PageResult<Snapshots.Row> rows(
            @PathVariable long id,
            @RequestParam(defaultValue = "INVALID") String status,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "100") int size) {
        return snapshots.rows(id, status, new PageResult.Request(page, size));
    }

    @GetMapping("/templates/{kind}.xlsx")
    @Operation(summary = "模板 Empty xlsx template of a kind")
    void templateXlsx(@PathVariable SnapshotKind kind, HttpServletResponse response) throws IOException {
        Downloads.xlsx(response, kind.title() + "模板.xlsx");
        template.xlsx(kind, response.getOutputStream());
    }

    @GetMapping("/templates/{kind}.csv")
    @Operation(summary = "模板 Empty CSV template of a kind (UTF-8 with BOM)")
    void templateCsv(@PathVariable SnapshotKind kind, HttpServletResponse response) throws IOException {
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(
                "Content-Disposition",
                "attachment; filename=\"template.csv\"; filename*=UTF-8''"
                        + URLEncoder.encode(kind.title() + "模板.csv", StandardCharsets.UTF_8)
                                .replace("+", "%20"));
        template.csv(kind, response.getOutputStream());
    }

    @GetMapping("/households")
    @Operation(
            summary = "核查标记的家庭 Households removed by bad records (R24, R7) or holding an older certificate (R25),"
                    + " with the snapshot rows that caused it; IDs masked")
    PageResult<CheckedHousehold> households(
            @RequestParam(defaultValue = "ALL") CheckList.Filter filter,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "100") int size) {
        return list.households(filter, new PageResult.Request(page, size));
    }
}
