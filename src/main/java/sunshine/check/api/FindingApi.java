package sunshine.check.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import sunshine.check.CheckRoles;
import sunshine.check.FinalList;
import sunshine.check.FinalLists;
import sunshine.check.Finding;
import sunshine.check.Findings;
import sunshine.check.LedgerChecks;
import sunshine.check.Referral;
import sunshine.check.Referrals;
import sunshine.shared.PageResult;

/** Ledger findings (R23), audit referrals and final lists for scripts (issue 6 points 2, 3, 6). */
@RestController
@RequestMapping("/api/v1/checks")
@Tag(name = "checks", description = "核查 Checks: ledger findings, audit referrals, final lists")
@PreAuthorize(CheckRoles.READ)
class FindingApi {

    private final LedgerChecks checks;
    private final Findings findings;
    private final Referrals referrals;
    private final FinalLists finalLists;

    FindingApi(LedgerChecks checks, Findings findings, Referrals referrals, FinalLists finalLists) {
        this.checks = checks;
        this.findings = findings;
        this.referrals = referrals;
        this.finalLists = finalLists;
    }

    record RunRequest(Long branchId) {}

    record ReasonRequest(String reason) {}

    record NoteRequest(String note) {}

    record StepRequest(Referral.Status status, String resolution) {}

    record FixRequest(Long areaId, Long panelId) {}

    record FinalListDetail(FinalList list, List<FinalList.Item> items, List<FinalList.LeftOff> leftOff) {}

    @PostMapping("/run")
    @PreAuthorize(CheckRoles.UPLOAD)
    @Operation(
            summary = "运行台账核查 Run the ledger checks (R23) on the current ledger snapshots, for the caller's subtree"
                    + " or a given branch's; answers how many new findings; a re-run adds only new ones")
    LedgerChecks.Run run(@RequestBody(required = false) RunRequest request) {
        return checks.run(request == null ? null : request.branchId());
    }

    @GetMapping("/findings")
    @Operation(summary = "核查发现 Ledger findings of the caller's subtree, open first; IDs masked")
    PageResult<Finding> findings(
            @RequestParam(required = false) Finding.Status status,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "100") int size) {
        return findings.list(status, new PageResult.Request(page, size));
    }

    @GetMapping("/findings/{id}")
    Finding finding(@PathVariable long id) {
        return findings.get(id);
    }

    @PostMapping("/findings/{id}/explain")
    @Operation(summary = "说明原因 The lending branch records its reason (until head office decides)")
    Finding explain(@PathVariable long id, @RequestBody ReasonRequest request) {
        return findings.explain(id, request.reason());
    }

    @PostMapping("/findings/{id}/accept")
    @Operation(summary = "认可原因 Head office (credit, risk) accepts the branch's reason")
    Finding accept(@PathVariable long id, @RequestBody(required = false) NoteRequest request) {
        return findings.accept(id, request == null ? null : request.note());
    }

    @PostMapping("/findings/{id}/refer")
    @Operation(summary = "移交审计 Head office refers the finding to audit: evidence, owner (HO audit staff), deadline")
    ResponseEntity<Referral> refer(@PathVariable long id, @RequestBody Findings.ReferRequest request) {
        return ResponseEntity.status(201).body(findings.refer(id, request));
    }

    @GetMapping("/referrals")
    @PreAuthorize(CheckRoles.AUDIT_READ)
    @Operation(summary = "审计移交 Audit cases, overdue first")
    PageResult<Referral> referrals(
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "100") int size) {
        return referrals.list(new PageResult.Request(page, size));
    }

    @GetMapping("/referrals/{id}")
    @PreAuthorize(CheckRoles.AUDIT_READ)
    Referral referral(@PathVariable long id) {
        return referrals.get(id);
    }

    @PostMapping("/referrals/{id}/steps")
    // the role (HO_AUDIT) is checked after the scope, so that a case out of scope answers 404

    @Operation(summary = "审计进展 Audit moves a case on: INVESTIGATING, or CLOSED with a resolution")
    Referral step(@PathVariable long id, @RequestBody StepRequest request) {
        return referrals.step(id, request.status(), request.resolution());
    }

    @GetMapping("/final-lists")
    @Operation(summary = "最终名单 Fixed final lists of the caller's subtree")
    PageResult<FinalList> finalLists(
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "100") int size) {
        return finalLists.list(new PageResult.Request(page, size));
    }

    @GetMapping("/final-lists/{id}")
    FinalListDetail finalList(@PathVariable long id) {
        return new FinalListDetail(finalLists.get(id), finalLists.items(id), finalLists.leftOff(id));
    }

    @PostMapping("/final-lists")
    @PreAuthorize(CheckRoles.FIX)
    @Operation(
            summary = "确定最终名单 Fix the final list of an area or a panel (current pre-credit amounts, less R24/R7"
                    + " removals and open audit cases); 409 while a finding of its areas is OPEN")
    ResponseEntity<FinalList> fix(@RequestBody FixRequest request) {
        return ResponseEntity.status(201).body(finalLists.fix(request.areaId(), request.panelId()));
    }
}
