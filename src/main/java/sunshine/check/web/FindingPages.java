package sunshine.check.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import sunshine.check.CheckRoles;
import sunshine.check.FinalList;
import sunshine.check.FinalLists;
import sunshine.check.Finding;
import sunshine.check.Findings;
import sunshine.check.LedgerChecks;
import sunshine.check.Referral;
import sunshine.check.Referrals;
import sunshine.shared.BusinessException;
import sunshine.shared.NotFoundException;
import sunshine.shared.PageResult;
import sunshine.shared.Today;
import sunshine.shared.web.Downloads;
import sunshine.shared.web.Forms;

/** Pages of the ledger findings (R23), the audit referrals and the final lists (issue 6 points 2, 3, 6). */
@Controller
@PreAuthorize(CheckRoles.READ)
class FindingPages {

    private final LedgerChecks checks;
    private final Findings findings;
    private final Referrals referrals;
    private final FinalLists finalLists;
    private final FinalListXlsx xlsx;

    FindingPages(
            LedgerChecks checks, Findings findings, Referrals referrals, FinalLists finalLists, FinalListXlsx xlsx) {
        this.checks = checks;
        this.findings = findings;
        this.referrals = referrals;
        this.finalLists = finalLists;
        this.xlsx = xlsx;
    }

    @PostMapping("/checks/run")
    @PreAuthorize(CheckRoles.UPLOAD)
    String run(@RequestParam(required = false) Long branchId, RedirectAttributes flash) {
        // the page tells what the run added (runResult); a bare "saved: 0" above it only puzzled
        try {
            flash.addFlashAttribute("run", checks.run(branchId));
        } catch (BusinessException e) {
            if (e instanceof NotFoundException) {
                throw e;
            }
            flash.addFlashAttribute("errorKey", e.messageKey());
            flash.addFlashAttribute("errorArgs", e.args());
        }
        return "redirect:/checks/findings";
    }

    @GetMapping("/checks/findings")
    String findings(
            @RequestParam(required = false) Finding.Status status,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        model.addAttribute("status", status);
        model.addAttribute("statuses", Finding.Status.values());
        model.addAttribute("page", findings.list(status, new PageResult.Request(page, 50)));
        return "check/findings";
    }

    @GetMapping("/checks/findings/{id}")
    String finding(@PathVariable long id, Model model) {
        model.addAttribute("f", findings.get(id));
        model.addAttribute("auditors", findings.auditors());
        model.addAttribute("defaultDeadline", Today.date().plusDays(30));
        return "check/finding";
    }

    @PostMapping("/checks/findings/{id}/explain")
    String explain(@PathVariable long id, @RequestParam(required = false) String reason, RedirectAttributes flash) {
        Forms.flash(flash, () -> findings.explain(id, reason).loanNo());
        return "redirect:/checks/findings/" + id;
    }

    @PostMapping("/checks/findings/{id}/accept")
    String accept(@PathVariable long id, @RequestParam(required = false) String note, RedirectAttributes flash) {
        Forms.flash(flash, () -> findings.accept(id, note).loanNo());
        return "redirect:/checks/findings/" + id;
    }

    @PostMapping("/checks/findings/{id}/refer")
    String refer(
            @PathVariable long id,
            @RequestParam(required = false) String evidence,
            @RequestParam(required = false) Long ownerId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate deadline,
            RedirectAttributes flash) {
        Forms.flash(
                flash,
                () -> findings.refer(id, new Findings.ReferRequest(evidence, ownerId, deadline))
                        .loanNo());
        return "redirect:/checks/findings/" + id;
    }

    @GetMapping("/checks/referrals")
    @PreAuthorize(CheckRoles.AUDIT_READ)
    String referrals(@RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("page", referrals.list(new PageResult.Request(page, 50)));
        model.addAttribute("overdue", referrals.overdue());
        return "check/referrals";
    }

    @GetMapping("/checks/referrals/{id}")
    @PreAuthorize(CheckRoles.AUDIT_READ)
    String referral(@PathVariable long id, Model model) {
        Referral r = referrals.get(id);
        model.addAttribute("r", r);
        model.addAttribute(
                "nextSteps",
                List.of(Referral.Status.values()).stream()
                        .filter(s -> r.status().canBecome(s))
                        .toList());
        return "check/referral";
    }

    @PostMapping("/checks/referrals/{id}/steps")
    // the role (HO_AUDIT) is checked after the scope, so that a case out of scope answers 404

    String step(
            @PathVariable long id,
            @RequestParam(required = false) Referral.Status status,
            @RequestParam(required = false) String resolution,
            RedirectAttributes flash) {
        Forms.flash(flash, () -> referrals.step(id, status, resolution).loanNo());
        return "redirect:/checks/referrals/" + id;
    }

    @GetMapping("/checks/final-lists")
    String finalLists(@RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("page", finalLists.list(new PageResult.Request(page, 50)));
        List<Map<String, Object>> fixable = finalLists.fixable();
        model.addAttribute("fixable", fixable);
        model.addAttribute("panels", finalLists.fixablePanels());
        return "check/final-lists";
    }

    @PostMapping("/checks/final-lists")
    @PreAuthorize(CheckRoles.FIX)
    String fix(
            @RequestParam(required = false) Long areaId,
            @RequestParam(required = false) Long panelId,
            RedirectAttributes flash) {
        long[] fixed = {0};
        Forms.flash(flash, () -> {
            FinalList l = finalLists.fix(areaId, panelId);
            fixed[0] = l.id();
            return l.name();
        });
        return fixed[0] == 0 ? "redirect:/checks/final-lists" : "redirect:/checks/final-lists/" + fixed[0];
    }

    @GetMapping("/checks/final-lists/{id}")
    String finalList(@PathVariable long id, Model model) {
        model.addAttribute("l", finalLists.get(id));
        model.addAttribute("items", finalLists.items(id));
        model.addAttribute("leftOff", finalLists.leftOff(id));
        return "check/final-list";
    }

    @GetMapping("/checks/final-lists/{id}.xlsx")
    void finalListXlsx(@PathVariable long id, HttpServletResponse response) throws IOException {
        FinalList l = finalLists.get(id);
        List<FinalList.Item> items = finalLists.items(id);
        Downloads.xlsx(response, "最终预授信名单-" + l.name() + ".xlsx");
        xlsx.write(l, items, response.getOutputStream());
    }
}
