package sunshine.approval.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import sunshine.approval.ApprovalCase;
import sunshine.approval.ApprovalCases;
import sunshine.approval.ApprovalRoles;
import sunshine.approval.Decision;
import sunshine.approval.DecisionCommand;

/** The approval chain for scripts (R26): the caller's queue, a case with its history, a decision. */
@RestController
@RequestMapping("/api/v1/approval")
@Tag(name = "approval", description = "审批 Approval chain: queue, cases, decisions")
@PreAuthorize(ApprovalRoles.READ)
class ApprovalApi {

    private final ApprovalCases cases;

    ApprovalApi(ApprovalCases cases) {
        this.cases = cases;
    }

    record CaseWithHistory(ApprovalCase approvalCase, List<Decision> history) {}

    @GetMapping("/queue")
    @Operation(summary = "我的待审批 The caller's work queue: cases at a stage of their role, not their own proposals")
    List<ApprovalCase> queue() {
        return cases.queue(500);
    }

    @GetMapping("/cases/{id}")
    @Operation(summary = "审批案件 A case with every decision recorded on it")
    CaseWithHistory get(@PathVariable long id) {
        return new CaseWithHistory(cases.get(id), cases.history(id));
    }

    @PostMapping("/cases/{id}/decisions")
    @PreAuthorize(ApprovalRoles.DECIDE)
    @Operation(
            summary = "审批决定 Decide at the case's stage (APPROVE, CHANGE_AMOUNT, REFER_BACK, REJECT) on the version"
                    + " read; 409 when the case changed meanwhile or the caller already decided at this stage")
    CaseWithHistory decide(@PathVariable long id, @RequestBody DecisionCommand cmd) {
        ApprovalCase c = cases.decide(id, cmd);
        return new CaseWithHistory(c, cases.history(id));
    }
}
