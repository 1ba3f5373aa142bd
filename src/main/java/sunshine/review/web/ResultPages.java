package sunshine.review.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import sunshine.review.Aggregations;
import sunshine.review.ResultRoles;
import sunshine.review.Results;
import sunshine.review.batch.AggregationBatch;
import sunshine.shared.BusinessException;
import sunshine.shared.NotFoundException;

/**
 * Results pages (R19-R21): aggregate a panel, its results per household, one household's explanation, and the
 * bank-wide run of head-office credit with its progress (polled by htmx).
 */
@Controller
@PreAuthorize(ResultRoles.VIEW)
class ResultPages {

    private final Aggregations aggregations;
    private final Results results;
    private final PanelSummary summary;

    ResultPages(Aggregations aggregations, Results results, PanelSummary summary) {
        this.aggregations = aggregations;
        this.results = results;
        this.summary = summary;
    }

    /** The panel summary (R22) as a workbook. */
    @GetMapping("/panels/{id}/summary.xlsx")
    void summaryXlsx(@PathVariable long id, Locale locale, HttpServletResponse response) throws java.io.IOException {
        Results.PanelResults r = results.ofPanel(id);
        byte[] bytes = summary.xlsx(r, locale);
        BookletDownloads.headers(
                response,
                "评议汇总表-" + r.panel().name() + ".xlsx",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.getOutputStream().write(bytes);
    }

    /** The panel summary (R22) to print. */
    @GetMapping("/panels/{id}/summary.pdf")
    void summaryPdf(@PathVariable long id, Locale locale, HttpServletResponse response) throws java.io.IOException {
        Results.PanelResults r = results.ofPanel(id);
        byte[] bytes = summary.pdf(r, locale);
        BookletDownloads.headers(response, "评议汇总表-" + r.panel().name() + ".pdf", "application/pdf");
        response.getOutputStream().write(bytes);
    }

    @PostMapping("/panels/{id}/aggregate")
    String aggregate(@PathVariable long id, RedirectAttributes flash) {
        try {
            AggregationBatch.Run run = aggregations.aggregatePanel(id);
            flash.addFlashAttribute("run", run);
        } catch (BusinessException e) {
            if (e instanceof NotFoundException) {
                throw e;
            }
            flash.addFlashAttribute("errorKey", e.messageKey());
        }
        return "redirect:/panels/" + id + "/results";
    }

    @GetMapping("/panels/{id}/results")
    String results(@PathVariable long id, Model model) {
        Results.PanelResults r = results.ofPanel(id);
        model.addAttribute("r", r);
        model.addAttribute("panel", r.panel());
        return "review/results";
    }

    @GetMapping("/review/households/{householdId}/explanation")
    String explanation(@PathVariable long householdId, Model model, Locale locale) {
        Results.HouseholdExplanation e = results.explanation(householdId);
        model.addAttribute("e", e);
        model.addAttribute("r", e.result());
        if (e.result() != null) {
            model.addAttribute("lines", results.text(e.result(), locale));
        }
        return "review/explanation";
    }

    @GetMapping("/review/aggregation")
    @PreAuthorize(ResultRoles.BANK_RUN)
    String bankRun(Model model) {
        model.addAttribute("progress", aggregations.bankRun().orElse(null));
        return "review/aggregation";
    }

    @PostMapping("/review/aggregation")
    @PreAuthorize(ResultRoles.BANK_RUN)
    String startBankRun() {
        aggregations.startBankRun();
        return "redirect:/review/aggregation";
    }

    /** The progress panel alone, polled by htmx while the run goes on. */
    @GetMapping("/review/aggregation/progress")
    @PreAuthorize(ResultRoles.BANK_RUN)
    String progress(Model model, HttpServletResponse response) {
        model.addAttribute("progress", aggregations.bankRun().orElse(null));
        response.setHeader("Cache-Control", "no-store");
        return "review/aggregation :: progress";
    }
}
