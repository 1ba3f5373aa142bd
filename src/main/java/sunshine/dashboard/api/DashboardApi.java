package sunshine.dashboard.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import sunshine.dashboard.BatchTemplate;
import sunshine.dashboard.CoverageBoard;
import sunshine.dashboard.CoverageLine;
import sunshine.dashboard.CrmExtract;
import sunshine.dashboard.DashboardSettings;
import sunshine.dashboard.FigureCache;
import sunshine.dashboard.FiguresRefresh;
import sunshine.dashboard.Funnel;
import sunshine.dashboard.Roles;
import sunshine.dashboard.Segment;
import sunshine.dashboard.Segments;
import sunshine.dashboard.TableFile;
import sunshine.dashboard.Targets;
import sunshine.shared.CurrentUser;
import sunshine.shared.PageResult;

/**
 * REST API of the dashboards (issue 8): coverage by level (R9), an area's missing households, the funnel, the
 * settings, the CRM segments, and the two extracts (R30) streamed as files. Plan against actual is the panel
 * module's {@code /api/v1/plans/progress} and {@code /api/v1/plans/late}.
 */
@RestController
@RequestMapping("/api/v1/dashboard")
@Tag(name = "dashboard", description = "看板与数据导出 Dashboards and extracts (issue 8)")
@PreAuthorize(Roles.READ)
class DashboardApi {

    /** The levels of the coverage table. */
    enum By {
        BANK,
        BRANCH,
        MANAGER,
        AREA
    }

    private final CoverageBoard board;
    private final Funnel funnel;
    private final DashboardSettings settings;
    private final Segments segments;
    private final BatchTemplate batch;
    private final CrmExtract crm;
    private final FiguresRefresh refresh;
    private final FigureCache cache;

    DashboardApi(
            CoverageBoard board,
            Funnel funnel,
            DashboardSettings settings,
            Segments segments,
            BatchTemplate batch,
            CrmExtract crm,
            FiguresRefresh refresh,
            FigureCache cache) {
        this.board = board;
        this.funnel = funnel;
        this.settings = settings;
        this.segments = segments;
        this.batch = batch;
        this.crm = crm;
        this.refresh = refresh;
        this.cache = cache;
    }

    @GetMapping("/coverage")
    @Operation(summary = "覆盖率 Filing and pre-credit coverage (R9) by BANK, BRANCH, MANAGER or AREA (areas paged)")
    Map<String, Object> coverage(
            @RequestParam(defaultValue = "BRANCH") By by,
            @RequestParam(required = false) Long branchId,
            @RequestParam(defaultValue = "FILING") CoverageBoard.Order order,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "100") int size) {
        // through the pages' cache: the figures change only when they are refreshed
        List<CoverageLine> lines = switch (by) {
            case BANK -> List.of(cache.get("total", () -> board.total(branchId, "total"), branchId, "total"));
            case BRANCH -> cache.get("branches", () -> board.branches(branchId), branchId);
            case MANAGER -> cache.get("managers", () -> board.managers(branchId), branchId);
            case AREA -> null;
        };
        Targets t = cache.get("targets", () -> settings.of(CurrentUser.require().bankId()));
        Instant at = cache.get("refreshedAt", board::refreshedAt).orElse(null);
        if (lines == null) {
            PageResult.Request request = new PageResult.Request(page, size);
            PageResult<CoverageLine> areas = cache.get(
                    "areas", () -> board.areas(branchId, null, order, request), branchId, null, order, request);
            return Map.of("targets", t, "refreshedAt", String.valueOf(at), "page", areas);
        }
        return Map.of("targets", t, "refreshedAt", String.valueOf(at), "lines", lines);
    }

    @GetMapping("/coverage/areas/{areaId}")
    @Operation(summary = "区域覆盖率 One area's coverage")
    CoverageLine area(@PathVariable long areaId) {
        return board.area(areaId);
    }

    @GetMapping("/coverage/areas/{areaId}/missing")
    @Operation(summary = "未预授信农户 The area's eligible households not on the pre-credit list, masked, with why")
    List<CoverageBoard.MissingHousehold> missing(@PathVariable long areaId) {
        return board.missing(areaId);
    }

    @GetMapping("/funnel")
    @Operation(summary = "漏斗 The funnel of the scope, a branch subtree or an area")
    List<Funnel.Step> funnel(
            @RequestParam(required = false) Long branchId, @RequestParam(required = false) Long areaId) {
        return funnel.steps(branchId, areaId);
    }

    @GetMapping("/settings")
    @Operation(summary = "目标设置 The bank's targets (R9) and the batch template's term")
    Targets settings() {
        return settings.of(CurrentUser.require().bankId());
    }

    @PutMapping("/settings")
    @Operation(summary = "修改目标 Change the targets (head-office business development)")
    Targets saveSettings(@Valid @RequestBody Targets targets) {
        return settings.save(targets);
    }

    @PostMapping("/refresh")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize(Roles.SETTINGS + " or hasRole('BRANCH_HEAD')")
    @Operation(summary = "刷新 Refresh the bank's precomputed figures now")
    void refresh() {
        refresh.refresh(CurrentUser.require().bankId());
    }

    @GetMapping("/segments")
    @Operation(summary = "客户分群 The bank's saved CRM segment rules")
    List<Segment> segments() {
        return segments.list();
    }

    @PostMapping("/segments")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "新建分群 Save a segment rule (head-office business development)")
    Segment saveSegment(@Valid @RequestBody Segment segment) {
        return segments.save(segment);
    }

    @DeleteMapping("/segments/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "删除分群 Remove a segment rule")
    void deleteSegment(@PathVariable long id) {
        segments.delete(id);
    }

    @GetMapping("/batch-template")
    @Operation(
            summary = "预授信批量导入数据模板 The platform batch template (R30), xlsx or csv; full IDs need unmasked=true"
                    + " and head-office business development or credit")
    void batchTemplate(
            @RequestParam(required = false) String format,
            @RequestParam(defaultValue = "false") boolean unmasked,
            HttpServletResponse response)
            throws IOException {
        BatchTemplate.Export export = batch.prepare(TableFile.Format.of(format), unmasked);
        send(response, export.format(), "pre-credit-batch");
        export.writeTo(response.getOutputStream());
    }

    @GetMapping("/crm-extract")
    @Operation(summary = "CRM 客户数据 The CRM extract (R30): full, or changed since a day; optionally one saved segment")
    void crmExtract(
            @RequestParam(required = false) String format,
            @RequestParam(required = false) Long segmentId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate since,
            @RequestParam(defaultValue = "false") boolean unmasked,
            HttpServletResponse response)
            throws IOException {
        Segment segment = segmentId == null ? null : segments.get(segmentId);
        CrmExtract.Export export = crm.prepare(
                TableFile.Format.of(format),
                segment,
                since == null
                        ? null
                        : since.atStartOfDay(ZoneId.of("Asia/Shanghai")).toInstant(),
                unmasked);
        send(response, export.format(), "crm-customers");
        export.writeTo(response.getOutputStream());
    }

    private static void send(HttpServletResponse response, TableFile.Format format, String name) {
        response.setContentType(format.contentType);
        response.setHeader(
                HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "." + format.extension + "\"");
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    }
}
