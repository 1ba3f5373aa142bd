package sunshine.dashboard.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import sunshine.dashboard.CoverageBoard;
import sunshine.dashboard.CoverageLine;
import sunshine.dashboard.DashboardSettings;
import sunshine.dashboard.FigureCache;
import sunshine.dashboard.Funnel;
import sunshine.dashboard.Roles;
import sunshine.dashboard.TableFile;
import sunshine.dashboard.Targets;
import sunshine.panel.BranchProgress;
import sunshine.panel.PlanRow;
import sunshine.panel.Plans;
import sunshine.shared.CurrentUser;
import sunshine.shared.PageResult;
import sunshine.shared.PublicityReach;
import sunshine.shared.Today;
import sunshine.shared.web.FragmentHtml;
import tools.jackson.databind.json.JsonMapper;

/**
 * The dashboard pages (issue 8 points 1-4): coverage from the bank down to an area's missing households, the funnel,
 * plan against actual; each with its chart and an xlsx of its table. Pages read precomputed figures, a page of areas
 * at a time.
 */
@Controller
@PreAuthorize(Roles.READ)
class CoveragePages {

    /** The levels of the coverage table. */
    enum By {
        BRANCH,
        MANAGER,
        AREA
    }

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    private final CoverageBoard board;
    private final Funnel funnel;
    private final Plans plans;
    private final DashboardSettings settings;
    private final FigureCache cache;
    private final JsonMapper json;
    private final MessageSource messages;
    private final FragmentHtml html;

    CoveragePages(
            CoverageBoard board,
            Funnel funnel,
            Plans plans,
            DashboardSettings settings,
            FigureCache cache,
            JsonMapper json,
            MessageSource messages,
            FragmentHtml html) {
        this.board = board;
        this.funnel = funnel;
        this.plans = plans;
        this.settings = settings;
        this.cache = cache;
        this.json = json;
        this.messages = messages;
        this.html = html;
    }

    @GetMapping("/dashboard")
    String home() {
        return "redirect:/dashboard/coverage";
    }

    @GetMapping("/dashboard/coverage")
    String coverage(
            @RequestParam(required = false) Long branchId,
            @RequestParam(required = false) By by,
            @RequestParam(required = false) Long managerId,
            @RequestParam(defaultValue = "FILING") CoverageBoard.Order order,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        List<CoverageLine> branches = branches(branchId);
        By level = by != null ? by : (branchId == null && branches.size() > 1 ? By.BRANCH : By.AREA);
        model.addAttribute("branchId", branchId);
        model.addAttribute(
                "branchName",
                branchId == null
                        ? null
                        : branches.isEmpty() ? null : branches.get(0).name());
        model.addAttribute("by", level);
        model.addAttribute("refreshedAt", refreshedAt());
        model.addAttribute(
                "figuresHtml",
                figuresHtml(
                        "dashboard/coverage",
                        () -> coverageFigures(branchId, level, managerId, order, page, branches),
                        branchId,
                        level,
                        managerId,
                        order,
                        page));
        return "dashboard/coverage";
    }

    /** What the coverage page's figures fragment shows. */
    private Map<String, Object> coverageFigures(
            Long branchId, By level, Long managerId, CoverageBoard.Order order, int page, List<CoverageLine> branches) {
        Targets targets = targets();
        String totalName = text("dashboard.total");
        Map<String, Object> m = new HashMap<>();
        m.put("targets", targets);
        m.put("branchId", branchId);
        m.put("managerId", managerId);
        m.put("by", level);
        m.put("order", order);
        m.put("total", cache.get("total", () -> board.total(branchId, totalName), branchId, totalName));
        // the enums' values from here, not T(...) in the template: a type reference is a class lookup per render
        m.put("levels", By.values());
        m.put("orders", CoverageBoard.Order.values());
        m.put("publicityGoal", PublicityReach.GOAL_PERCENT);
        List<CoverageLine> lines;
        if (level == By.AREA) {
            PageResult.Request request = new PageResult.Request(page, 50);
            PageResult<CoverageLine> areas = cache.get(
                    "areas",
                    () -> board.areas(branchId, managerId, order, request),
                    branchId,
                    managerId,
                    order,
                    request);
            m.put("areas", areas);
            lines = areas.items();
        } else {
            m.put("areas", null);
            lines = level == By.BRANCH ? branches : cache.get("managers", () -> board.managers(branchId), branchId);
        }
        m.put("lines", lines);
        Map<String, long[]> bands = cache.get("bands", () -> board.bands(branchId), branchId);
        m.put("chartJson", safeJson(chart(lines, bands, targets)));
        return m;
    }

    @GetMapping("/dashboard/coverage/areas/{areaId}")
    String area(@PathVariable long areaId, Model model) {
        CoverageLine line = area(areaId);
        Long branchId = cache.get("branchOf", () -> board.branchOf(areaId), areaId);
        model.addAttribute("line", line);
        model.addAttribute("branchId", branchId);
        model.addAttribute(
                "figuresHtml",
                figuresHtml(
                        "dashboard/area",
                        () -> {
                            Map<String, Object> m = new HashMap<>();
                            m.put("line", line);
                            m.put("targets", targets());
                            m.put("publicityGoal", PublicityReach.GOAL_PERCENT);
                            m.put("steps", steps(null, areaId));
                            // as of the same refresh as the figures above it (docs/decisions.md)
                            m.put("missing", board.missing(areaId));
                            return m;
                        },
                        areaId));
        model.addAttribute("refreshedAt", refreshedAt());
        return "dashboard/area";
    }

    /** The coverage table as xlsx (or CSV): every line of the level, not only the page shown. */
    @GetMapping("/dashboard/coverage/export")
    void coverageExport(
            @RequestParam(required = false) Long branchId,
            @RequestParam(defaultValue = "AREA") By by,
            @RequestParam(required = false) String format,
            HttpServletResponse response)
            throws IOException {
        Targets t = targets();
        List<CoverageLine> lines = switch (by) {
            case BRANCH -> board.branches(branchId);
            case MANAGER -> board.managers(branchId);
            case AREA ->
                board.areas(branchId, null, CoverageBoard.Order.NAME, new PageResult.Request(0, 100_000))
                        .items();
        };
        List<String> headers = List.of(
                text("dashboard.by." + by),
                text("dashboard.col.parent"),
                text("dashboard.col.toFile"),
                text("dashboard.col.filed"),
                text("dashboard.col.filingPercent"),
                text("dashboard.col.filingShortfall"),
                text("dashboard.col.eligible"),
                text("dashboard.col.preCredited"),
                text("dashboard.col.preCreditPercent"),
                text("dashboard.col.preCreditShortfall"),
                text("dashboard.col.amount"),
                text("dashboard.col.publicityHouseholds"),
                text("dashboard.col.publicityReached"),
                text("dashboard.col.publicityPercent"),
                text("dashboard.col.publicityShortfall"));
        Downloads.table(
                response, TableFile.Format.of(format), "coverage", text("dashboard.coverage.title"), headers, file -> {
                    for (CoverageLine l : lines) {
                        file.row(
                                l.name(),
                                l.parentName(),
                                l.toFile(),
                                l.filed(),
                                l.filingPercent(),
                                l.filingShortfall(t.filing()),
                                l.eligible(),
                                l.preCredited(),
                                l.preCreditPercent(),
                                l.preCreditShortfall(t.preCredit()),
                                l.preCreditAmount(),
                                l.publicityHouseholds(),
                                l.publicityReached(),
                                l.publicityPercent(),
                                l.publicityShortfall());
                    }
                });
    }

    /** An area's households missing from the pre-credit list (masked), as xlsx. */
    @GetMapping("/dashboard/coverage/areas/{areaId}/export")
    void missingExport(
            @PathVariable long areaId, @RequestParam(required = false) String format, HttpServletResponse response)
            throws IOException {
        List<CoverageBoard.MissingHousehold> missing = board.missing(areaId);
        List<String> headers = List.of(
                text("dashboard.col.household"),
                text("dashboard.col.representative"),
                text("dashboard.col.residentId"),
                text("dashboard.col.address"),
                text("dashboard.col.members"),
                text("dashboard.col.gap"));
        Downloads.table(
                response, TableFile.Format.of(format), "missing", text("dashboard.missing.title"), headers, file -> {
                    for (CoverageBoard.MissingHousehold m : missing) {
                        file.row(
                                Long.toString(m.householdId()),
                                m.representative(),
                                m.residentIdMasked(),
                                m.address(),
                                m.members(),
                                text("dashboard.gap." + m.gap()));
                    }
                });
    }

    @GetMapping("/dashboard/funnel")
    String funnel(
            @RequestParam(required = false) Long branchId, @RequestParam(required = false) Long areaId, Model model) {
        CoverageLine area = areaId == null ? null : area(areaId);
        model.addAttribute("branchId", branchId);
        model.addAttribute("areaId", areaId);
        model.addAttribute("area", area);
        model.addAttribute("refreshedAt", refreshedAt());
        model.addAttribute(
                "figuresHtml",
                figuresHtml("dashboard/funnel", () -> funnelFigures(branchId, areaId, area), branchId, areaId));
        return "dashboard/funnel";
    }

    @GetMapping("/dashboard/funnel/export")
    void funnelExport(
            @RequestParam(required = false) Long branchId,
            @RequestParam(required = false) Long areaId,
            @RequestParam(required = false) String format,
            HttpServletResponse response)
            throws IOException {
        List<Funnel.Step> steps = funnel.steps(branchId, areaId);
        List<String> headers = List.of(
                text("dashboard.col.step"),
                text("dashboard.col.households"),
                text("dashboard.col.amount"),
                text("dashboard.col.kept"),
                text("dashboard.col.lost"),
                text("dashboard.col.leak"));
        Downloads.table(
                response, TableFile.Format.of(format), "funnel", text("dashboard.funnel.title"), headers, file -> {
                    for (Funnel.Step s : steps) {
                        file.row(
                                text(s.messageKey()),
                                s.households(),
                                s.amount(),
                                s.keptPercent(),
                                s.lost(),
                                s.leak() ? text("dashboard.funnel.leak") : null);
                    }
                });
    }

    @GetMapping("/dashboard/progress")
    String progress(@RequestParam(required = false) Long branchId, Model model) {
        LocalDate today = Today.date();
        model.addAttribute("branchId", branchId);
        model.addAttribute(
                "figuresHtml",
                figuresHtml("dashboard/progress", () -> progressFigures(branchId, today), branchId, today));
        return "dashboard/progress";
    }

    /** Plan against actual: the late areas first (the most days late first), then every other area. */
    @GetMapping("/dashboard/progress/export")
    void progressExport(
            @RequestParam(required = false) Long branchId,
            @RequestParam(required = false) String format,
            HttpServletResponse response)
            throws IOException {
        LocalDate today = Today.date();
        List<PlanRow> late = plans.late(branchId, today);
        List<PlanRow> rows = new ArrayList<>(late);
        plans.list(branchId, today).stream().filter(r -> !r.late()).forEach(rows::add);
        List<String> headers = List.of(
                text("dashboard.col.area"),
                text("dashboard.col.parent"),
                text("dashboard.col.manager"),
                text("dashboard.col.daysLate"),
                text("dashboard.col.plannedRating"),
                text("dashboard.col.actualRating"),
                text("dashboard.col.plannedGranting"),
                text("dashboard.col.actualGranting"),
                text("dashboard.col.plannedCertificates"),
                text("dashboard.col.actualCertificates"));
        Downloads.table(
                response, TableFile.Format.of(format), "progress", text("dashboard.progress.title"), headers, file -> {
                    for (PlanRow r : rows) {
                        file.row(
                                r.areaName(),
                                r.branchName(),
                                r.managerName(),
                                r.daysLate(),
                                day(r.plannedRating()),
                                day(r.actualRating()),
                                day(r.plannedGranting()),
                                day(r.actualGranting()),
                                day(r.plannedCertificates()),
                                day(r.actualCertificates()));
                    }
                });
    }

    private static String day(LocalDate d) {
        return d == null ? null : d.toString();
    }

    /**
     * The HTML of {@code template}'s figures fragment, kept in the cache with the figures it is made of (per scope,
     * page, arguments and language) and dropped with them at the next refresh.
     */
    private String figuresHtml(String template, Supplier<Map<String, Object>> figures, Object... args) {
        Object[] key = Arrays.copyOf(args, args.length + 1);
        key[args.length] = LocaleContextHolder.getLocale();
        return cache.get(template, () -> html.render(template, "figures", figures.get()), key);
    }

    /** What the funnel page's figures fragment shows. */
    private Map<String, Object> funnelFigures(Long branchId, Long areaId, CoverageLine area) {
        List<Funnel.Step> steps = steps(branchId, areaId);
        Map<String, Object> m = new HashMap<>();
        m.put("branchId", branchId);
        m.put("area", area);
        m.put("steps", steps);
        m.put("rows", areaId == null ? cache.get("byBranch", () -> funnel.byBranch(branchId), branchId) : List.of());
        m.put("branches", branches(null));
        List<Map<String, Object>> chart = new ArrayList<>();
        for (Funnel.Step s : steps) {
            chart.add(Map.of("name", text(s.messageKey()), "value", s.households(), "amount", s.amount()));
        }
        m.put("chartJson", safeJson(chart));
        return m;
    }

    /** What the plan-against-actual page's figures fragment shows. */
    private Map<String, Object> progressFigures(Long branchId, LocalDate today) {
        List<BranchProgress> progress = cache.get("progress", () -> plans.progress(branchId, today), branchId, today);
        Map<String, Object> m = new HashMap<>();
        m.put("branchId", branchId);
        m.put("progress", progress);
        m.put("late", cache.get("late", () -> plans.late(branchId, today), branchId, today));
        m.put("branches", branches(null));
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("branches", progress.stream().map(BranchProgress::branchName).toList());
        chart.put("onTrack", progress.stream().map(BranchProgress::onTrack).toList());
        chart.put("late", progress.stream().map(BranchProgress::late).toList());
        chart.put(
                "unplanned", progress.stream().map(p -> p.areas() - p.planned()).toList());
        chart.put("finished", progress.stream().map(BranchProgress::finished).toList());
        m.put("chartJson", safeJson(chart));
        return m;
    }

    /** When the figures were refreshed, in Beijing time (null before the first refresh). */
    private ZonedDateTime refreshedAt() {
        return cache.get("refreshedAt", board::refreshedAt)
                .map(t -> t.atZone(BEIJING))
                .orElse(null);
    }

    private Targets targets() {
        return cache.get("targets", () -> settings.of(CurrentUser.require().bankId()));
    }

    // The pages' figures through the cache (they change only when the figures are refreshed). A question out of
    // the caller's scope is refused (404, audited) by the board every time: only answers are kept.

    private List<CoverageLine> branches(Long branchId) {
        return cache.get("branches", () -> board.branches(branchId), branchId);
    }

    private CoverageLine area(long areaId) {
        return cache.get("area", () -> board.area(areaId), areaId);
    }

    private List<Funnel.Step> steps(Long branchId, Long areaId) {
        return cache.get("steps", () -> funnel.steps(branchId, areaId), branchId, areaId);
    }

    /** The chart data: villages by coverage band, and the lines' three percentages against the targets (R9, R34). */
    private Map<String, Object> chart(List<CoverageLine> lines, Map<String, long[]> bands, Targets t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("bands", bands);
        m.put("names", lines.stream().map(CoverageLine::name).toList());
        m.put("filing", lines.stream().map(l -> orZero(l.filingPercent())).toList());
        m.put("preCredit", lines.stream().map(l -> orZero(l.preCreditPercent())).toList());
        m.put("filingTarget", t.filing());
        m.put("preCreditTarget", t.preCredit());
        m.put("publicity", lines.stream().map(l -> orZero(l.publicityPercent())).toList());
        m.put("publicityTarget", PublicityReach.GOAL_PERCENT);
        return m;
    }

    private static BigDecimal orZero(BigDecimal v) {
        return v == null ? BigDecimal.ZERO : v;
    }

    private String text(String key) {
        Locale locale = LocaleContextHolder.getLocale();
        return messages.getMessage(key, null, key, locale);
    }

    /** JSON for a script element: "</" is escaped so no name can close the element. */
    private String safeJson(Object value) {
        return json.writeValueAsString(value).replace("</", "<\\/");
    }
}
