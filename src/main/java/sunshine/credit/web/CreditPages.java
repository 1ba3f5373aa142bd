package sunshine.credit.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
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
import sunshine.credit.Adjustment;
import sunshine.credit.AdjustmentCommand;
import sunshine.credit.Adjustments;
import sunshine.credit.AnnualReviews;
import sunshine.credit.ArchiveChecklist;
import sunshine.credit.CertificateLists;
import sunshine.credit.ContractCommand;
import sunshine.credit.CreditDownloads;
import sunshine.credit.CreditLine;
import sunshine.credit.CreditLines;
import sunshine.credit.CreditRoles;
import sunshine.credit.CreditSettings;
import sunshine.credit.GrantableLimits;
import sunshine.credit.Incentives;
import sunshine.credit.LineMovements;
import sunshine.credit.MovementCommand;
import sunshine.shared.BusinessException;
import sunshine.shared.NotFoundException;
import sunshine.shared.PageResult;
import sunshine.shared.Today;

/**
 * Pages of credit (issue 7 points 3-8): lines and contracts to sign, a line with its draws and repayments,
 * certificates per area with the 一览表, the adjustment queue, the annual review and the incentive sheet.
 */
@Controller
@PreAuthorize(CreditRoles.READ)
class CreditPages {

    private final GrantableLimits grantable;
    private final CreditLines lines;
    private final LineMovements movements;
    private final Adjustments adjustments;
    private final AnnualReviews reviews;
    private final ArchiveChecklist archive;
    private final CertificateLists certificates;
    private final Incentives incentives;
    private final CreditSettings settings;
    private final CreditDownloads downloads;
    private final sunshine.credit.LineUnfreezing unfreezing;

    CreditPages(
            GrantableLimits grantable,
            CreditLines lines,
            LineMovements movements,
            Adjustments adjustments,
            AnnualReviews reviews,
            ArchiveChecklist archive,
            CertificateLists certificates,
            Incentives incentives,
            CreditSettings settings,
            CreditDownloads downloads,
            sunshine.credit.LineUnfreezing unfreezing) {
        this.unfreezing = unfreezing;
        this.grantable = grantable;
        this.lines = lines;
        this.movements = movements;
        this.adjustments = adjustments;
        this.reviews = reviews;
        this.archive = archive;
        this.certificates = certificates;
        this.incentives = incentives;
        this.settings = settings;
        this.downloads = downloads;
    }

    @GetMapping("/credit")
    String home(
            @RequestParam(required = false) CreditLine.Status status,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        model.addAttribute("awaiting", grantable.awaitingContract());
        model.addAttribute("status", status);
        model.addAttribute("statuses", CreditLine.Status.values());
        model.addAttribute("page", lines.list(null, status, new PageResult.Request(page, 50)));
        model.addAttribute("today", Today.date());
        model.addAttribute("termMonths", settings.current().termMonths());
        return "credit/home";
    }

    @PostMapping("/credit/contracts")
    @PreAuthorize(CreditRoles.SIGN)
    String sign(
            @RequestParam long householdId,
            @RequestParam(required = false) Integer termMonths,
            @RequestParam(required = false) String guarantee,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate signedOn,
            RedirectAttributes flash) {
        try {
            CreditLine l = lines.sign(new ContractCommand(householdId, termMonths, guarantee, signedOn));
            flash.addFlashAttribute("saved", l.contractNo());
            return "redirect:/credit/lines/" + l.id();
        } catch (BusinessException e) {
            return refused(e, flash, "redirect:/credit");
        }
    }

    @GetMapping("/credit/lines/{id}")
    String line(@PathVariable long id, Model model) {
        CreditLine line = lines.get(id);
        model.addAttribute("line", line);
        model.addAttribute("movements", movements.of(id));
        model.addAttribute("adjustments", adjustments.ofLine(id));
        model.addAttribute("archive", archive.of(id));
        model.addAttribute("reviews", reviews.of(id));
        model.addAttribute("outcomes", AnnualReviews.Outcome.values());
        model.addAttribute("today", Today.date());
        model.addAttribute("year", Today.date().getYear());
        return "credit/line";
    }

    @PostMapping("/credit/lines/{id}/draws")
    @PreAuthorize(CreditRoles.COUNTER)
    String draw(
            @PathVariable long id,
            @RequestParam(defaultValue = "") String certificateNo,
            @RequestParam(defaultValue = "") String residentId,
            @RequestParam(required = false) BigDecimal amount,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            RedirectAttributes flash) {
        return counter(
                id,
                flash,
                () -> movements
                        .draw(new MovementCommand(matching(id, certificateNo), residentId, amount, date))
                        .amount()
                        .toPlainString());
    }

    @PostMapping("/credit/lines/{id}/repayments")
    @PreAuthorize(CreditRoles.COUNTER)
    String repay(
            @PathVariable long id,
            @RequestParam(defaultValue = "") String certificateNo,
            @RequestParam(required = false) BigDecimal amount,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            RedirectAttributes flash) {
        return counter(
                id,
                flash,
                () -> movements
                        .repay(new MovementCommand(matching(id, certificateNo), null, amount, date))
                        .amount()
                        .toPlainString());
    }

    /** The certificate typed at the counter must be this line's (the page is one line's). */
    private String matching(long id, String certificateNo) {
        CreditLine line = lines.get(id);
        if (!line.certificateNo().equalsIgnoreCase(certificateNo.strip())) {
            throw new BusinessException("credit.error.certificateMismatch", certificateNo.strip());
        }
        if (certificateNo.isBlank()) {
            throw new BusinessException("credit.error.certificateMismatch", "");
        }
        return line.certificateNo();
    }

    private String counter(long id, RedirectAttributes flash, Supplier<String> action) {
        try {
            flash.addFlashAttribute("saved", action.get());
        } catch (BusinessException e) {
            return refused(e, flash, "redirect:/credit/lines/" + id);
        }
        return "redirect:/credit/lines/" + id;
    }

    @PostMapping("/credit/lines/{id}/adjustments")
    @PreAuthorize(CreditRoles.ADJUST_REQUEST)
    String requestAdjustment(
            @PathVariable long id,
            @RequestParam(required = false) BigDecimal newLimit,
            @RequestParam(defaultValue = "") String reason,
            @RequestParam(defaultValue = "") String evidence,
            RedirectAttributes flash) {
        return counter(
                id,
                flash,
                () -> "#"
                        + adjustments
                                .request(id, new AdjustmentCommand(newLimit, reason, evidence))
                                .id());
    }

    /** Head-office credit unfreezes a frozen line with a reason, once its cause no longer holds (R28). */
    @PostMapping("/credit/lines/{id}/unfreeze")
    @PreAuthorize(CreditRoles.UNFREEZE)
    String unfreeze(
            @PathVariable long id,
            @RequestParam int version,
            @RequestParam(defaultValue = "") String reason,
            RedirectAttributes flash) {
        return counter(id, flash, () -> unfreezing.unfreeze(id, version, reason).certificateNo());
    }

    @PostMapping("/credit/lines/{id}/archive")
    @PreAuthorize(CreditRoles.SIGN)
    String mark(
            @PathVariable long id,
            @RequestParam String code,
            @RequestParam(defaultValue = "false") boolean present,
            @RequestParam(required = false) String note,
            RedirectAttributes flash) {
        return counter(id, flash, () -> {
            archive.mark(id, code, present, note);
            return code;
        });
    }

    @PostMapping("/credit/lines/{id}/reviews")
    @PreAuthorize(CreditRoles.SIGN)
    String review(
            @PathVariable long id,
            @RequestParam int year,
            @RequestParam AnnualReviews.Outcome outcome,
            @RequestParam(required = false) String note,
            @RequestParam(required = false) BigDecimal newLimit,
            @RequestParam(required = false) String evidence,
            RedirectAttributes flash) {
        return counter(id, flash, () -> {
            reviews.record(id, new AnnualReviews.ReviewCommand(year, outcome, note, newLimit, evidence));
            return String.valueOf(year);
        });
    }

    @GetMapping("/credit/certificates")
    String areas(Model model) {
        model.addAttribute("areas", certificates.areas());
        return "credit/areas";
    }

    @GetMapping("/credit/certificates/{areaId}")
    String area(@PathVariable long areaId, Model model) {
        model.addAttribute("list", certificates.of(areaId));
        return "credit/area";
    }

    @GetMapping("/credit/certificates/{areaId}.xlsx")
    void areaXlsx(@PathVariable long areaId, HttpServletResponse response) throws IOException {
        downloads.areaXlsx(areaId, response);
    }

    @GetMapping("/credit/certificates/{areaId}.pdf")
    void areaPdf(@PathVariable long areaId, HttpServletResponse response) throws IOException {
        downloads.areaPdf(areaId, response);
    }

    @GetMapping("/credit/lines/{id}/certificate.pdf")
    void certificatePdf(@PathVariable long id, HttpServletResponse response) throws IOException {
        downloads.certificatePdf(id, response);
    }

    @GetMapping("/credit/incentives.pdf")
    void incentivesPdf(
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            HttpServletResponse response)
            throws IOException {
        downloads.incentivesPdf(from, to, response);
    }

    @GetMapping("/credit/adjustments")
    String adjustments(@RequestParam(required = false) Adjustment.Status status, Model model) {
        model.addAttribute("adjustments", adjustments.queue(status));
        model.addAttribute("status", status);
        model.addAttribute("statuses", Adjustment.Status.values());
        return "credit/adjustments";
    }

    @PostMapping("/credit/adjustments/{id}/verify")
    @PreAuthorize(CreditRoles.ADJUST_DECIDE)
    String verify(
            @PathVariable long id,
            @RequestParam int version,
            @RequestParam boolean approve,
            @RequestParam(required = false) String note,
            RedirectAttributes flash) {
        return decide(flash, () -> adjustments.verify(id, version, approve, note));
    }

    @PostMapping("/credit/adjustments/{id}/apply")
    @PreAuthorize(CreditRoles.ADJUST_DECIDE)
    String apply(
            @PathVariable long id,
            @RequestParam int version,
            @RequestParam boolean approve,
            @RequestParam(required = false) String note,
            RedirectAttributes flash) {
        return decide(flash, () -> adjustments.apply(id, version, approve, note));
    }

    private String decide(RedirectAttributes flash, Supplier<Adjustment> action) {
        try {
            Adjustment a = action.get();
            flash.addFlashAttribute("saved", "#" + a.id());
        } catch (BusinessException e) {
            return refused(e, flash, "redirect:/credit/adjustments");
        }
        return "redirect:/credit/adjustments";
    }

    @GetMapping("/credit/reviews")
    String due(@RequestParam(required = false) Integer year, Model model) {
        int y = year == null ? Today.date().getYear() : year;
        model.addAttribute("year", y);
        model.addAttribute("lines", reviews.due(y));
        return "credit/reviews";
    }

    @GetMapping("/credit/incentives")
    String incentives(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            Model model) {
        LocalDate today = Today.date();
        LocalDate f = from == null ? today.withDayOfMonth(1) : from;
        LocalDate t = to == null ? today : to;
        model.addAttribute("from", f);
        model.addAttribute("to", t);
        model.addAttribute("settings", settings.current());
        try {
            model.addAttribute("sheet", incentives.sheet(f, t));
        } catch (BusinessException e) {
            model.addAttribute("errorKey", e.messageKey());
            model.addAttribute("errorArgs", e.args());
        }
        return "credit/incentives";
    }

    @PostMapping("/credit/settings")
    @PreAuthorize(CreditRoles.SETTINGS)
    String settings(
            @RequestParam BigDecimal villageCommitteeFee,
            @RequestParam BigDecimal assistantFee,
            @RequestParam int termMonths,
            RedirectAttributes flash) {
        try {
            settings.update(new CreditSettings.Settings(villageCommitteeFee, assistantFee, termMonths));
            flash.addFlashAttribute("saved", "");
        } catch (BusinessException e) {
            return refused(e, flash, "redirect:/credit/incentives");
        }
        return "redirect:/credit/incentives";
    }

    private static String refused(BusinessException e, RedirectAttributes flash, String target) {
        if (e instanceof NotFoundException) {
            throw e;
        }
        flash.addFlashAttribute("errorKey", e.messageKey());
        flash.addFlashAttribute("errorArgs", e.args());
        return target;
    }
}
