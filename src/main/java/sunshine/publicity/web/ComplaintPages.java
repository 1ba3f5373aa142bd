package sunshine.publicity.web;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import sunshine.customer.Masking;
import sunshine.organisation.StaffDirectory;
import sunshine.publicity.Complaint;
import sunshine.publicity.ComplaintCommand;
import sunshine.publicity.ComplaintStatus;
import sunshine.publicity.ComplaintStep;
import sunshine.publicity.Complaints;
import sunshine.publicity.PublicityRoles;
import sunshine.shared.BusinessException;
import sunshine.shared.NotFoundException;

/** Pages of the complaint log (R33): the list of the caller's scope, one complaint with its steps, working it. */
@Controller
@PreAuthorize(PublicityRoles.READ_COMPLAINTS)
class ComplaintPages {

    private final Complaints complaints;
    private final StaffDirectory staff;

    ComplaintPages(Complaints complaints, StaffDirectory staff) {
        this.complaints = complaints;
        this.staff = staff;
    }

    @GetMapping("/complaints")
    String list(@RequestParam(required = false) ComplaintStatus status, Model model) {
        model.addAttribute("complaints", complaints.list(status));
        model.addAttribute("status", status);
        model.addAttribute("statuses", ComplaintStatus.values());
        model.addAttribute("masking", new MaskingView());
        return "publicity/complaints";
    }

    @GetMapping("/complaints/{id}")
    String show(@PathVariable long id, Model model) {
        Complaint c = complaints.get(id);
        model.addAttribute("c", c);
        model.addAttribute(
                "staff",
                staff.list(c.branchId(), null, null, "name", new sunshine.shared.PageResult.Request(0, 200))
                        .items());
        return "publicity/complaint";
    }

    @PostMapping("/complaints")
    @PreAuthorize(PublicityRoles.WORK_COMPLAINTS)
    String receive(
            @RequestParam long areaId,
            @RequestParam(defaultValue = "COMPLAINT") String kind,
            @RequestParam(required = false) String name,
            @RequestParam(defaultValue = "") String phone,
            @RequestParam(defaultValue = "") String content,
            RedirectAttributes flash) {
        try {
            Complaint c = complaints.receiveByPhone(new ComplaintCommand(areaId, kind, name, phone.strip(), content));
            flash.addFlashAttribute("saved", "#" + c.id());
            return "redirect:/complaints/" + c.id();
        } catch (BusinessException e) {
            if (e instanceof NotFoundException) {
                throw e;
            }
            flash.addFlashAttribute("errorKey", e.messageKey());
            flash.addFlashAttribute("errorArgs", e.args());
            return "redirect:/complaints";
        }
    }

    @PostMapping("/complaints/{id}/steps")
    @PreAuthorize(PublicityRoles.WORK_COMPLAINTS)
    String step(
            @PathVariable long id,
            @RequestParam ComplaintStatus status,
            @RequestParam(required = false) Long assigneeId,
            @RequestParam(required = false) String note,
            RedirectAttributes flash) {
        try {
            complaints.step(id, new ComplaintStep(status, assigneeId, note));
            flash.addFlashAttribute("saved", "#" + id);
        } catch (BusinessException e) {
            if (e instanceof NotFoundException) {
                throw e;
            }
            flash.addFlashAttribute("errorKey", e.messageKey());
            flash.addFlashAttribute("errorArgs", e.args());
        }
        return "redirect:/complaints/" + id;
    }

    /** The list shows callers' phones masked; the page of one complaint shows it in full for the call back. */
    static final class MaskingView {
        public String phone(String p) {
            return Masking.phone(p);
        }
    }
}
