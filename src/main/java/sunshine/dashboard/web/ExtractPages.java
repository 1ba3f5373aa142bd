package sunshine.dashboard.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Validator;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.function.Supplier;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import sunshine.customer.CustomerType;
import sunshine.dashboard.BatchTemplate;
import sunshine.dashboard.CrmExtract;
import sunshine.dashboard.DashboardSettings;
import sunshine.dashboard.FiguresRefresh;
import sunshine.dashboard.Roles;
import sunshine.dashboard.Segment;
import sunshine.dashboard.Segments;
import sunshine.dashboard.TableFile;
import sunshine.dashboard.Targets;
import sunshine.shared.CurrentUser;

/** The extracts (R30: platform batch template, CRM extract with saved segments) and the bank's dashboard settings. */
@Controller
@PreAuthorize(Roles.READ)
class ExtractPages {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final BatchTemplate batch;
    private final CrmExtract crm;
    private final Segments segments;
    private final DashboardSettings settings;
    private final FiguresRefresh refresh;
    private final Validator validator;

    ExtractPages(
            BatchTemplate batch,
            CrmExtract crm,
            Segments segments,
            DashboardSettings settings,
            FiguresRefresh refresh,
            Validator validator) {
        this.batch = batch;
        this.crm = crm;
        this.segments = segments;
        this.settings = settings;
        this.refresh = refresh;
        this.validator = validator;
    }

    @GetMapping("/dashboard/extracts")
    String extracts(Model model) {
        model.addAttribute("segments", segments.list());
        model.addAttribute("types", CustomerType.values());
        model.addAttribute("targets", settings.of(CurrentUser.require().bankId()));
        return "dashboard/extracts";
    }

    @GetMapping("/dashboard/batch-template")
    void batchTemplate(
            @RequestParam(required = false) String format,
            @RequestParam(defaultValue = "false") boolean unmasked,
            HttpServletResponse response)
            throws IOException {
        BatchTemplate.Export export = batch.prepare(TableFile.Format.of(format), unmasked);
        Downloads.file(response, export.format(), "pre-credit-batch", "预授信批量导入数据模板", export::writeTo);
    }

    @GetMapping("/dashboard/crm-extract")
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
                since == null ? null : since.atStartOfDay(ZONE).toInstant(),
                unmasked);
        Downloads.file(response, export.format(), "crm-customers", "CRM客户", export::writeTo);
    }

    @PostMapping("/dashboard/segments")
    @PreAuthorize(Roles.SETTINGS)
    String saveSegment(
            @RequestParam String name,
            @RequestParam(required = false) CustomerType customerType,
            @RequestParam(required = false) Long areaId,
            @RequestParam(required = false) String grade,
            @RequestParam(required = false) Boolean hasLimit,
            @RequestParam(required = false) Boolean excluded,
            @RequestParam(required = false) Boolean hasLine,
            @RequestParam(required = false) Integer noDrawMonths,
            RedirectAttributes flash) {
        Segment s = new Segment(null, name, customerType, areaId, grade, hasLimit, excluded, hasLine, noDrawMonths);
        run(flash, s, () -> segments.save(s).name());
        return "redirect:/dashboard/extracts";
    }

    @PostMapping("/dashboard/segments/{id}/delete")
    @PreAuthorize(Roles.SETTINGS)
    String deleteSegment(@PathVariable long id, RedirectAttributes flash) {
        run(flash, null, () -> {
            String name = segments.get(id).name();
            segments.delete(id);
            return name;
        });
        return "redirect:/dashboard/extracts";
    }

    @GetMapping("/dashboard/settings")
    @PreAuthorize(Roles.SETTINGS)
    String settings(Model model) {
        model.addAttribute("targets", settings.of(CurrentUser.require().bankId()));
        return "dashboard/settings";
    }

    @PostMapping("/dashboard/settings")
    @PreAuthorize(Roles.SETTINGS)
    String saveSettings(
            @RequestParam BigDecimal filing,
            @RequestParam BigDecimal preCredit,
            @RequestParam Integer termMonths,
            @RequestParam(required = false) Integer version,
            RedirectAttributes flash) {
        Targets t = new Targets(filing, preCredit, termMonths, version);
        boolean ok = run(flash, t, () -> {
            settings.save(t);
            return "";
        });
        return ok ? "redirect:/dashboard/coverage" : "redirect:/dashboard/settings";
    }

    /** Refreshes the caller's bank's figures now (they refresh on a schedule anyway). */
    @PostMapping("/dashboard/refresh")
    @PreAuthorize(Roles.SETTINGS + " or hasRole('BRANCH_HEAD')")
    String refresh(RedirectAttributes flash) {
        refresh.refresh(CurrentUser.require().bankId());
        flash.addFlashAttribute("saved", "");
        return "redirect:/dashboard/coverage";
    }

    /** Validates, acts, and tells the outcome on the next page (a refused rule's message in the user's language). */
    private boolean run(RedirectAttributes flash, Object command, Supplier<String> action) {
        return sunshine.shared.web.PageActions.run(flash, validator, "dashboard.error.invalid", command, action);
    }
}
