package sunshine.approval.web;

import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import sunshine.approval.ApprovalCase;
import sunshine.approval.ApprovalCases;
import sunshine.approval.ApprovalRoles;
import sunshine.approval.ApprovalSettings;
import sunshine.approval.Notice;
import sunshine.approval.NoticePrints;
import sunshine.approval.Notices;
import sunshine.approval.ObjectionCommand;
import sunshine.approval.Settings;
import sunshine.approval.Stage;
import sunshine.audit.AuditLog;
import sunshine.shared.BusinessException;
import sunshine.shared.CurrentUser;
import sunshine.shared.NotFoundException;
import sunshine.shared.Today;

/** A village's cases and notices (R27): post the notice, print poster and managers' board, record and close objections. */
@Controller
@PreAuthorize(ApprovalRoles.READ)
class NoticePages {

    private final ApprovalCases cases;
    private final Notices notices;
    private final NoticePrints prints;
    private final ApprovalSettings settings;
    private final AuditLog audit;

    NoticePages(ApprovalCases cases, Notices notices, NoticePrints prints, ApprovalSettings settings, AuditLog audit) {
        this.cases = cases;
        this.notices = notices;
        this.prints = prints;
        this.settings = settings;
        this.audit = audit;
    }

    @GetMapping("/approval/areas/{areaId}")
    String area(@PathVariable long areaId, Model model) {
        List<ApprovalCase> all = cases.ofArea(areaId);
        Settings s = settings.of(CurrentUser.require().bankId());
        model.addAttribute("areaId", areaId);
        model.addAttribute("areaName", all.isEmpty() ? "" : all.get(0).areaName());
        model.addAttribute("cases", all);
        model.addAttribute("notices", notices.ofArea(areaId));
        model.addAttribute("settings", s);
        model.addAttribute(
                "awaiting",
                all.stream()
                        .filter(c -> c.status() == sunshine.approval.CaseStatus.AWAITING_NOTICE)
                        .count());
        model.addAttribute("today", Today.date());
        return "approval/area";
    }

    @PostMapping("/approval/areas/{areaId}/notices")
    @PreAuthorize(ApprovalRoles.NOTICE)
    String post(
            @PathVariable long areaId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate postedOn,
            RedirectAttributes flash) {
        try {
            Notice n = notices.post(areaId, postedOn);
            return "redirect:/approval/notices/" + n.id();
        } catch (BusinessException e) {
            return failed(e, flash, "redirect:/approval/areas/" + areaId);
        }
    }

    @GetMapping("/approval/notices/{id}")
    String notice(@PathVariable long id, Model model) {
        Notice n = notices.get(id);
        model.addAttribute("n", n);
        model.addAttribute("objections", notices.objections(id));
        model.addAttribute("chain", settings.chain(n.bankId()));
        model.addAttribute("today", Today.date());
        model.addAttribute("ways", List.of("VISIT", "PHONE", "LETTER", "PUBLIC_PAGE"));
        return "approval/notice";
    }

    @PostMapping("/approval/notices/{id}/objections")
    @PreAuthorize(ApprovalRoles.NOTICE)
    String object(
            @PathVariable long id,
            @RequestParam long caseId,
            @RequestParam(defaultValue = "") String objector,
            @RequestParam(defaultValue = "") String receivedVia,
            @RequestParam(defaultValue = "") String content,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate receivedOn,
            RedirectAttributes flash) {
        try {
            notices.object(id, new ObjectionCommand(caseId, objector, receivedVia, content, receivedOn));
            flash.addFlashAttribute("doneKey", "approval.done.objection");
            flash.addFlashAttribute("doneArgs", new Object[0]);
        } catch (BusinessException e) {
            return failed(e, flash, "redirect:/approval/notices/" + id);
        }
        return "redirect:/approval/notices/" + id;
    }

    @PostMapping("/approval/objections/{id}/investigate")
    @PreAuthorize(ApprovalRoles.NOTICE)
    String investigate(
            @PathVariable long id,
            @RequestParam(defaultValue = "") String note,
            @RequestParam int version,
            RedirectAttributes flash) {
        long noticeId = notices.objection(id).noticeId();
        try {
            notices.investigate(id, note, version);
            flash.addFlashAttribute("doneKey", "approval.done.investigating");
            flash.addFlashAttribute("doneArgs", new Object[0]);
        } catch (BusinessException e) {
            return failed(e, flash, "redirect:/approval/notices/" + noticeId);
        }
        return "redirect:/approval/notices/" + noticeId;
    }

    @PostMapping("/approval/objections/{id}/close")
    @PreAuthorize(ApprovalRoles.NOTICE)
    String close(
            @PathVariable long id,
            @RequestParam Notices.Outcome outcome,
            @RequestParam(defaultValue = "") String note,
            @RequestParam int version,
            @RequestParam(required = false) Stage reviseAt,
            RedirectAttributes flash) {
        long noticeId = notices.objection(id).noticeId();
        try {
            notices.close(id, outcome, note, version, reviseAt);
            flash.addFlashAttribute("doneKey", "approval.done.closed");
            flash.addFlashAttribute("doneArgs", new Object[0]);
        } catch (BusinessException e) {
            return failed(e, flash, "redirect:/approval/notices/" + noticeId);
        }
        return "redirect:/approval/notices/" + noticeId;
    }

    @GetMapping("/approval/notices/{id}/poster.pdf")
    ResponseEntity<byte[]> poster(@PathVariable long id) {
        byte[] pdf = prints.poster(id);
        audit.record("PRINT_NOTICE", "approval_notice", id, null, null);
        return pdf(pdf, "notice-" + id + ".pdf");
    }

    @GetMapping("/approval/areas/{areaId}/board.pdf")
    ResponseEntity<byte[]> board(@PathVariable long areaId) {
        byte[] pdf = prints.board(areaId);
        audit.record("PRINT_BOARD", "area", areaId, null, null);
        return pdf(pdf, "board-" + areaId + ".pdf");
    }

    private static ResponseEntity<byte[]> pdf(byte[] body, String name) {
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline().filename(name).build().toString())
                .body(body);
    }

    static String failed(BusinessException e, RedirectAttributes flash, String back) {
        if (e instanceof NotFoundException) {
            throw e;
        }
        flash.addFlashAttribute("errorKey", e.messageKey());
        flash.addFlashAttribute("errorArgs", e.args());
        return back;
    }
}
