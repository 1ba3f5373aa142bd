package sunshine.publicity.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import sunshine.publicity.ActivityCommand;
import sunshine.publicity.AreaPublicity;
import sunshine.publicity.Complaint;
import sunshine.publicity.ComplaintCommand;
import sunshine.publicity.ComplaintStatus;
import sunshine.publicity.ComplaintStep;
import sunshine.publicity.Complaints;
import sunshine.publicity.PublicityActivities;
import sunshine.publicity.PublicityActivity;
import sunshine.publicity.PublicityRoles;
import sunshine.publicity.PublishedTerms;
import sunshine.publicity.TermsCommand;
import sunshine.publicity.TermsVersion;
import sunshine.shared.CurrentUser;
import sunshine.shared.NotFoundException;
import sunshine.shared.Today;

/** REST API of publicity: published terms and rates (R35), the complaint log (R33), activities and coverage (R34). */
@RestController
@RequestMapping("/api/v1/publicity")
@Tag(name = "publicity", description = "宣传与公开 Published terms, rates by grade, complaints, publicity (R27, R33-R35)")
class PublicityApi {

    private final PublishedTerms terms;
    private final Complaints complaints;
    private final PublicityActivities activities;

    PublicityApi(PublishedTerms terms, Complaints complaints, PublicityActivities activities) {
        this.terms = terms;
        this.complaints = complaints;
        this.activities = activities;
    }

    @GetMapping("/terms")
    @Operation(summary = "公开条款各版本 Every version of the caller's bank's terms, the newest first")
    List<TermsVersion> versions() {
        return terms.versions(CurrentUser.require().bankId());
    }

    @GetMapping("/terms/in-force")
    @Operation(summary = "某日执行的条款 The version in force on a day (default today)")
    TermsVersion inForce(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        return terms.inForce(CurrentUser.require().bankId(), date == null ? Today.date() : date)
                .orElseThrow(() -> new NotFoundException("terms", date));
    }

    @GetMapping("/rates/{grade}")
    @Operation(summary = "按等级的年利率 Annual rate in percent for a credit grade on a day (R35)")
    RateAnswer rate(
            @PathVariable String grade,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        LocalDate day = date == null ? Today.date() : date;
        BigDecimal rate = terms.rateFor(CurrentUser.require().bankId(), grade, day)
                .orElseThrow(() -> new NotFoundException("rate", grade));
        return new RateAnswer(grade, day, rate);
    }

    record RateAnswer(String grade, LocalDate date, BigDecimal annualRatePercent) {}

    @PostMapping("/terms")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(PublicityRoles.PUBLISH)
    @Operation(summary = "发布新版条款 Publish a new version of the terms and rate table (never changes old ones)")
    TermsVersion publish(@Valid @RequestBody TermsCommand cmd) {
        return terms.publish(cmd);
    }

    @GetMapping("/complaints")
    @PreAuthorize(PublicityRoles.READ_COMPLAINTS)
    @Operation(summary = "投诉登记簿 The complaint log of the caller's scope (R33)")
    List<Complaint> complaints(@RequestParam(required = false) ComplaintStatus status) {
        return complaints.list(status);
    }

    @GetMapping("/complaints/{id}")
    @PreAuthorize(PublicityRoles.READ_COMPLAINTS)
    Complaint complaint(@PathVariable long id) {
        return complaints.get(id);
    }

    @PostMapping("/complaints")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(PublicityRoles.WORK_COMPLAINTS)
    @Operation(summary = "登记电话投诉 Log a complaint taken on the supervision phone")
    Complaint receive(@Valid @RequestBody ComplaintCommand cmd) {
        return complaints.receiveByPhone(cmd);
    }

    @PostMapping("/complaints/{id}/steps")
    @PreAuthorize(PublicityRoles.WORK_COMPLAINTS)
    @Operation(summary = "处理投诉 Assign, follow up or close a complaint")
    Complaint step(@PathVariable long id, @Valid @RequestBody ComplaintStep step) {
        return complaints.step(id, step);
    }

    @GetMapping("/areas/{areaId}/activities")
    @Operation(summary = "宣传活动 Publicity activities of an area (R34)")
    List<PublicityActivity> activities(@PathVariable long areaId) {
        return activities.of(areaId);
    }

    @PostMapping("/areas/{areaId}/activities")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(PublicityRoles.RECORD_ACTIVITY)
    @Operation(summary = "登记宣传活动 Record a publicity activity in an area")
    PublicityActivity record(@PathVariable long areaId, @Valid @RequestBody ActivityCommand cmd) {
        return activities.record(areaId, cmd);
    }

    @GetMapping("/coverage")
    @Operation(summary = "宣传覆盖面 Publicity coverage per area against the 100% goal (R34)")
    List<CoverageLine> coverage(@RequestParam(required = false) Long branchId) {
        return activities.coverage(branchId).stream().map(CoverageLine::of).toList();
    }

    record CoverageLine(
            long areaId,
            String areaName,
            long branchId,
            String branchName,
            int actualHouseholds,
            int householdsReached,
            int activities,
            LocalDate lastHeldOn,
            BigDecimal percent,
            boolean reachedGoal) {
        static CoverageLine of(AreaPublicity a) {
            return new CoverageLine(
                    a.areaId(),
                    a.areaName(),
                    a.branchId(),
                    a.branchName(),
                    a.actualHouseholds(),
                    a.householdsReached(),
                    a.activities(),
                    a.lastHeldOn(),
                    a.percent(),
                    a.reachedGoal());
        }
    }
}
