package sunshine.approval.web;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
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
import sunshine.approval.CaseStatus;
import sunshine.approval.Chain;
import sunshine.approval.DecisionCommand;
import sunshine.approval.DecisionKind;
import sunshine.approval.Stage;
import sunshine.shared.BusinessException;
import sunshine.shared.CurrentUser;

/** The work queue per person (R26), the bulk approval of a village's cases, and a case with its history. */
@Controller
@PreAuthorize(ApprovalRoles.READ)
class ApprovalPages {

    static final int QUEUE_LIMIT = 500;

    private final ApprovalCases cases;
    private final ApprovalSettings settings;

    ApprovalPages(ApprovalCases cases, ApprovalSettings settings) {
        this.cases = cases;
        this.settings = settings;
    }

    /** A village's cases waiting at one stage of the caller's queue. */
    record Group(long areaId, String areaName, String branchName, Stage stage, List<ApprovalCase> cases) {
        public BigDecimal total() {
            return cases.stream().map(ApprovalCase::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        }

        public String versions() {
            return cases.stream().map(c -> c.id() + ":" + c.version()).collect(Collectors.joining(","));
        }
    }

    @GetMapping("/approval")
    String queue(Model model) {
        List<ApprovalCase> mine = cases.queue(QUEUE_LIMIT);
        Map<String, Group> groups = new LinkedHashMap<>();
        for (ApprovalCase c : mine) {
            groups.computeIfAbsent(
                            c.areaId() + "/" + c.stage(),
                            k -> new Group(
                                    c.areaId(), c.areaName(), c.branchName(), c.stage(), new java.util.ArrayList<>()))
                    .cases()
                    .add(c);
        }
        model.addAttribute("groups", groups.values());
        model.addAttribute("full", mine.size() >= QUEUE_LIMIT);
        model.addAttribute("areas", cases.areas());
        return "approval/queue";
    }

    @PostMapping("/approval/areas/{areaId}/approve")
    @PreAuthorize(ApprovalRoles.DECIDE)
    String approveAll(
            @PathVariable long areaId,
            @RequestParam Stage stage,
            @RequestParam(defaultValue = "") String cases,
            RedirectAttributes flash) {
        Map<Long, Integer> versions = new LinkedHashMap<>();
        for (String pair : cases.split(",")) {
            String[] p = pair.strip().split(":");
            if (p.length == 2 && p[0].matches("\\d{1,18}") && p[1].matches("\\d{1,9}")) {
                versions.put(Long.parseLong(p[0]), Integer.parseInt(p[1]));
            }
        }
        try {
            int n = this.cases.approveAll(areaId, stage, versions);
            flash.addFlashAttribute("doneKey", "approval.done.bulk");
            flash.addFlashAttribute("doneArgs", new Object[] {n});
        } catch (BusinessException e) {
            return NoticePages.failed(e, flash, "redirect:/approval");
        }
        return "redirect:/approval";
    }

    @GetMapping("/approval/cases/{id}")
    String show(@PathVariable long id, Model model) {
        ApprovalCase c = cases.get(id);
        Chain chain = settings.chain(c.bankId());
        CurrentUser user = CurrentUser.require();
        model.addAttribute("c", c);
        model.addAttribute("history", cases.history(id));
        model.addAttribute("chain", chain);
        boolean canDecide = c.status() == CaseStatus.IN_CHAIN
                && chain.find(c.stage()).isPresent()
                && user.has(chain.roleAt(c.stage()))
                && (c.stage() == chain.first() || c.proposedBy() == null || c.proposedBy() != user.staffId());
        model.addAttribute("canDecide", canDecide);
        model.addAttribute("earlier", c.stage() == null ? List.of() : chain.earlier(c.stage(), c.amount()));
        model.addAttribute("kinds", DecisionKind.values());
        return "approval/case";
    }

    @PostMapping("/approval/cases/{id}/decisions")
    @PreAuthorize(ApprovalRoles.DECIDE)
    String decide(
            @PathVariable long id,
            @RequestParam Stage stage,
            @RequestParam int version,
            @RequestParam DecisionKind kind,
            @RequestParam(required = false) BigDecimal amount,
            @RequestParam(required = false) Stage referTo,
            @RequestParam(required = false) String reason,
            RedirectAttributes flash) {
        try {
            cases.decide(id, new DecisionCommand(stage, version, kind, amount, referTo, reason));
            flash.addFlashAttribute("doneKey", "approval.done.decided");
            flash.addFlashAttribute("doneArgs", new Object[0]);
        } catch (BusinessException e) {
            return NoticePages.failed(e, flash, "redirect:/approval/cases/" + id);
        }
        return "redirect:/approval/cases/" + id;
    }
}
