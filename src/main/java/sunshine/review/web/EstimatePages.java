package sunshine.review.web;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import sunshine.review.EntryLine;
import sunshine.review.EstimateRoles;
import sunshine.review.EstimateSheet;
import sunshine.review.Estimates;
import sunshine.review.Figures;
import sunshine.shared.BusinessException;
import sunshine.shared.NotFoundException;

/**
 * Entry and verification pages (R17, R18): a panel's copies and their status, the keying form of one copy, the
 * verifier's blind second keying, the differences side by side, and the upload of a filled-in workbook.
 */
@Controller
@PreAuthorize(EstimateRoles.VIEW)
class EstimatePages {

    private final Estimates estimates;

    EstimatePages(Estimates estimates) {
        this.estimates = estimates;
    }

    @GetMapping("/panels/{id}/entry")
    String entry(@PathVariable long id, Model model) {
        Estimates.Overview o = estimates.overview(id);
        model.addAttribute("o", o);
        model.addAttribute("panel", o.panel());
        return "review/entry";
    }

    @PostMapping("/panels/{id}/entry/upload")
    String upload(
            @PathVariable long id, @RequestParam("file") MultipartFile file, Model model, RedirectAttributes flash)
            throws IOException {
        try {
            Estimates.Upload u = estimates.upload(id, file.getInputStream());
            if (u.accepted()) {
                flash.addFlashAttribute("uploaded", u.label());
                flash.addFlashAttribute("warnings", u.warnings());
                return "redirect:/review/copies/" + u.copy().id();
            }
            model.addAttribute("refused", u);
        } catch (BusinessException e) {
            if (e instanceof NotFoundException) {
                throw e;
            }
            model.addAttribute("errorKey", e.messageKey());
            model.addAttribute("errorArgs", e.args());
        }
        return entry(id, model);
    }

    @GetMapping("/panels/{id}/entry/{copyNo}")
    String form(@PathVariable long id, @PathVariable int copyNo, Model model) {
        EstimateSheet s = estimates.keyingForm(id, copyNo);
        if (s.copy() != null) {
            return "redirect:/review/copies/" + s.copy().id();
        }
        return show(s, model);
    }

    @PostMapping("/panels/{id}/entry/{copyNo}")
    String keyFirst(
            @PathVariable long id,
            @PathVariable int copyNo,
            @RequestParam Map<String, String> form,
            Model model,
            RedirectAttributes flash) {
        try {
            Estimates.Saved s = estimates.keyFirst(id, copyNo, lines(form, true), form.containsKey("finish"));
            flash.addFlashAttribute("copySaved", true);
            flash.addFlashAttribute("warnings", s.warnings());
            return "redirect:/review/copies/" + s.copy().id();
        } catch (BusinessException e) {
            if (e instanceof NotFoundException) {
                throw e;
            }
            model.addAttribute("errorKey", e.messageKey());
            model.addAttribute("errorArgs", e.args());
            return show(estimates.keyingForm(id, copyNo), model);
        }
    }

    @GetMapping("/review/copies/{copyId}")
    String copy(@PathVariable long copyId, Model model) {
        return show(estimates.sheet(copyId), model);
    }

    @PostMapping("/review/copies/{copyId}/second")
    String second(
            @PathVariable long copyId, @RequestParam Map<String, String> form, Model model, RedirectAttributes flash) {
        try {
            Estimates.Saved s = estimates.keySecond(copyId, lines(form, false));
            flash.addFlashAttribute("copySaved", true);
            flash.addFlashAttribute("warnings", s.warnings());
            return "redirect:/review/copies/" + copyId;
        } catch (BusinessException e) {
            if (e instanceof NotFoundException) {
                throw e;
            }
            model.addAttribute("errorKey", e.messageKey());
            model.addAttribute("errorArgs", e.args());
            return show(estimates.sheet(copyId), model);
        }
    }

    @PostMapping("/review/copies/{copyId}/resolve")
    String resolve(
            @PathVariable long copyId, @RequestParam Map<String, String> form, Model model, RedirectAttributes flash) {
        try {
            Map<Long, Figures> chosen = new HashMap<>();
            for (EntryLine l : lines(form, false)) {
                chosen.put(l.householdId(), l.figures());
            }
            estimates.resolve(copyId, chosen);
            flash.addFlashAttribute("copySaved", true);
            return "redirect:/review/copies/" + copyId;
        } catch (BusinessException e) {
            if (e instanceof NotFoundException) {
                throw e;
            }
            model.addAttribute("errorKey", e.messageKey());
            model.addAttribute("errorArgs", e.args());
            return show(estimates.sheet(copyId), model);
        }
    }

    private static String show(EstimateSheet s, Model model) {
        model.addAttribute("s", s);
        model.addAttribute("fields", Figures.FIELDS.subList(0, 5));
        return "review/copy";
    }

    /**
     * The lines of a form: field names are {@code h} (household ids, in row order) and {@code <field>_<household>}
     * for the amounts in yuan, {@code doNotRecommend_<household>}, and when {@code withText} the remarks and
     * corrections.
     */
    static List<EntryLine> lines(Map<String, String> form, boolean withText) {
        List<EntryLine> lines = new ArrayList<>();
        String ids = form.getOrDefault("households", "");
        int row = 0;
        for (String id : ids.split(",")) {
            if (id.isBlank()) {
                continue;
            }
            row++;
            long h = Long.parseLong(id.strip());
            if (!form.containsKey("assets_" + h) && !form.containsKey("correctionPhone_" + h)) {
                continue;
            }
            Figures f = new Figures(
                    amount(form, "assets", h, row),
                    amount(form, "liabilities", h, row),
                    amount(form, "grossIncome", h, row),
                    amount(form, "netIncome", h, row),
                    amount(form, "suggestedAmount", h, row),
                    form.containsKey("doNotRecommend_" + h));
            lines.add(
                    withText
                            ? new EntryLine(
                                    h,
                                    f,
                                    form.get("remarks_" + h),
                                    form.get("correctionText_" + h),
                                    form.get("correctionPhone_" + h),
                                    form.get("correctionAddress_" + h))
                            : EntryLine.of(h, f));
        }
        return lines;
    }

    private static BigDecimal amount(Map<String, String> form, String field, long h, int row) {
        String v = form.get(field + "_" + h);
        if (v == null || v.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(v.strip().replace(",", ""));
        } catch (NumberFormatException e) {
            throw new BusinessException("estimate.error.notNumber", row, field);
        }
    }
}
