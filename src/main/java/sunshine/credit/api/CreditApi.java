package sunshine.credit.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import sunshine.credit.Adjustment;
import sunshine.credit.AdjustmentCommand;
import sunshine.credit.AnnualReviews;
import sunshine.credit.ArchiveChecklist;
import sunshine.credit.CertificateLists;
import sunshine.credit.ContractCommand;
import sunshine.credit.CreditDownloads;
import sunshine.credit.CreditLine;
import sunshine.credit.CreditLines;
import sunshine.credit.CreditRoles;
import sunshine.credit.CreditSettings;
import sunshine.credit.GrantableLimit;
import sunshine.credit.GrantableLimits;
import sunshine.credit.Incentives;
import sunshine.credit.LedgerFeed;
import sunshine.credit.LineMovements;
import sunshine.credit.Movement;
import sunshine.credit.MovementCommand;
import sunshine.shared.PageResult;
import sunshine.shared.Today;

/** Contracts, certificates and lines for scripts and the core system (issue 7 points 3-8). */
@RestController
@RequestMapping("/api/v1/credit")
@Tag(name = "credit", description = "授信用信 Credit: contracts, certificates, revolving lines, adjustments")
@PreAuthorize(CreditRoles.READ)
class CreditApi {

    private final GrantableLimits grantable;
    private final CreditLines lines;
    private final LineMovements movements;
    private final LedgerFeed feed;
    private final sunshine.credit.Adjustments adjustments;
    private final AnnualReviews reviews;
    private final ArchiveChecklist archive;
    private final Incentives incentives;
    private final CertificateLists certificates;
    private final CreditSettings settings;
    private final CreditDownloads downloads;
    private final MessageSource messages;
    private final sunshine.credit.LineUnfreezing unfreezing;

    CreditApi(
            GrantableLimits grantable,
            CreditLines lines,
            LineMovements movements,
            LedgerFeed feed,
            sunshine.credit.Adjustments adjustments,
            AnnualReviews reviews,
            ArchiveChecklist archive,
            Incentives incentives,
            CertificateLists certificates,
            CreditSettings settings,
            CreditDownloads downloads,
            MessageSource messages,
            sunshine.credit.LineUnfreezing unfreezing) {
        this.unfreezing = unfreezing;
        this.grantable = grantable;
        this.lines = lines;
        this.movements = movements;
        this.feed = feed;
        this.adjustments = adjustments;
        this.reviews = reviews;
        this.archive = archive;
        this.incentives = incentives;
        this.certificates = certificates;
        this.settings = settings;
        this.downloads = downloads;
        this.messages = messages;
    }

    @GetMapping("/grantable")
    @Operation(
            summary =
                    "待签约 Approved limits without an open contract (grantableFrom: first day a contract may be signed)")
    List<GrantableLimit> grantable() {
        return grantable.awaitingContract();
    }

    @PostMapping("/contracts")
    @PreAuthorize(CreditRoles.SIGN)
    @Operation(
            summary = "签订合同 Sign a household's contract and issue its loan certificate (R28); 409 before the notice"
                    + " period has passed (naming the day), when withdrawn or when an open line exists")
    ResponseEntity<CreditLine> sign(@Valid @RequestBody ContractCommand cmd) {
        return ResponseEntity.status(201).body(lines.sign(cmd));
    }

    @GetMapping("/lines")
    @Operation(summary = "授信额度 Lines of the caller's scope, optionally of one area and status")
    PageResult<CreditLine> lines(
            @RequestParam(required = false) Long areaId,
            @RequestParam(required = false) CreditLine.Status status,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "100") int size) {
        return lines.list(areaId, status, new PageResult.Request(page, size));
    }

    @GetMapping("/lines/{id}")
    CreditLine line(@PathVariable long id) {
        return lines.get(id);
    }

    @GetMapping("/lines/{id}/movements")
    @Operation(summary = "用信与还款 Draws and repayments of a line, newest first")
    List<Movement> movements(@PathVariable long id) {
        return movements.of(id);
    }

    @GetMapping("/lines/{id}/certificate.pdf")
    @Operation(summary = "贷款证 The loan certificate, printable PDF (IDs masked)")
    void certificate(@PathVariable long id, HttpServletResponse response) throws IOException {
        downloads.certificatePdf(id, response);
    }

    @PostMapping("/draws")
    @PreAuthorize(CreditRoles.COUNTER)
    @Operation(
            summary = "用信 Draw: certificate number and the representative's resident ID (R28); refused past the"
                    + " available amount, outside the term, or on a frozen or closed line")
    ResponseEntity<Movement> draw(@Valid @RequestBody MovementCommand cmd) {
        return ResponseEntity.status(201).body(movements.draw(cmd));
    }

    @PostMapping("/repayments")
    @PreAuthorize(CreditRoles.COUNTER)
    @Operation(summary = "还款 Repayment: restores the line's availability")
    ResponseEntity<Movement> repay(@Valid @RequestBody MovementCommand cmd) {
        return ResponseEntity.status(201).body(movements.repay(cmd));
    }

    /** One line of the feed's answer, its message in the caller's language. */
    record FeedLine(int lineNo, String txnId, String status, String message) {}

    record FeedAnswer(int applied, int duplicates, int refused, List<FeedLine> lines) {}

    @PostMapping(
            path = "/ledger-feed",
            consumes = {"application/x-ndjson", "application/jsonl", "text/plain", "application/octet-stream"})
    @PreAuthorize(CreditRoles.FEED)
    @Operation(
            summary = "核心账务流水 Draws and repayments from the core ledger as JSON lines"
                    + " ({\"txnId\",\"certificateNo\",\"kind\":\"DRAW|REPAYMENT\",\"amount\",\"date\"}); each line on"
                    + " its own; a txnId already applied is a DUPLICATE and changes nothing")
    FeedAnswer ledgerFeed(jakarta.servlet.http.HttpServletRequest request, Locale locale) throws IOException {
        LedgerFeed.Result r = feed.apply(new InputStreamReader(request.getInputStream(), StandardCharsets.UTF_8));
        return new FeedAnswer(
                r.applied(),
                r.duplicates(),
                r.refused(),
                r.lines().stream()
                        .map(l -> new FeedLine(
                                l.lineNo(),
                                l.txnId(),
                                l.status(),
                                l.messageKey() == null
                                        ? null
                                        : messages.getMessage(
                                                l.messageKey(), l.args().toArray(), l.messageKey(), locale)))
                        .toList());
    }

    record Unfreeze(int version, String reason) {}

    @PostMapping("/lines/{id}/unfreeze")
    @PreAuthorize(CreditRoles.UNFREEZE)
    @Operation(
            summary = "解冻 Head-office credit unfreezes a frozen line with a reason (R28); refused (409) while a member"
                    + " is still excluded or a bad record is still in the current snapshots")
    CreditLine unfreeze(@PathVariable long id, @RequestBody Unfreeze u) {
        return unfreezing.unfreeze(id, u.version(), u.reason());
    }

    @GetMapping("/adjustments")
    @Operation(summary = "额度调整 Adjustment queue of the caller's scope (R31)")
    List<Adjustment> adjustments(@RequestParam(required = false) Adjustment.Status status) {
        return adjustments.queue(status);
    }

    @GetMapping("/adjustments/{id}")
    Adjustment adjustment(@PathVariable long id) {
        return adjustments.get(id);
    }

    @PostMapping("/lines/{id}/adjustments")
    @PreAuthorize(CreditRoles.ADJUST_REQUEST)
    @Operation(summary = "申请调整 The branch requests a new limit with reason and evidence (R31)")
    ResponseEntity<Adjustment> requestAdjustment(@PathVariable long id, @Valid @RequestBody AdjustmentCommand cmd) {
        return ResponseEntity.status(201).body(adjustments.request(id, cmd));
    }

    record Decision(int version, boolean approve, String note) {}

    @PostMapping("/adjustments/{id}/verify")
    @PreAuthorize(CreditRoles.ADJUST_DECIDE)
    @Operation(summary = "审核 Head-office business development verifies (approve=true) or rejects a request")
    Adjustment verify(@PathVariable long id, @RequestBody Decision d) {
        return adjustments.verify(id, d.version(), d.approve(), d.note());
    }

    @PostMapping("/adjustments/{id}/apply")
    @PreAuthorize(CreditRoles.ADJUST_DECIDE)
    @Operation(summary = "执行 Head-office credit applies (approve=true) or rejects a verified adjustment")
    Adjustment apply(@PathVariable long id, @RequestBody Decision d) {
        return adjustments.apply(id, d.version(), d.approve(), d.note());
    }

    @GetMapping("/reviews/due")
    @Operation(summary = "年检 Lines due for the year's annual review (R32)")
    List<CreditLine> due(@RequestParam(required = false) Integer year) {
        return reviews.due(year == null ? Today.date().getYear() : year);
    }

    @GetMapping("/lines/{id}/reviews")
    List<AnnualReviews.Review> reviewsOf(@PathVariable long id) {
        return reviews.of(id);
    }

    @PostMapping("/lines/{id}/reviews")
    @PreAuthorize(CreditRoles.SIGN)
    @Operation(summary = "年检结论 CONFIRM, ADJUST (newLimit, evidence: an adjustment request) or CLOSE")
    ResponseEntity<AnnualReviews.Review> review(@PathVariable long id, @RequestBody AnnualReviews.ReviewCommand cmd) {
        return ResponseEntity.status(201).body(reviews.record(id, cmd));
    }

    @GetMapping("/lines/{id}/archive")
    @Operation(summary = "档案清单 The line's archive checklist against the bank's catalogue (R29)")
    List<ArchiveChecklist.Item> archive(@PathVariable long id) {
        return archive.of(id);
    }

    record ArchiveMark(boolean present, String note) {}

    @PutMapping("/lines/{id}/archive/{code}")
    @PreAuthorize(CreditRoles.SIGN)
    List<ArchiveChecklist.Item> mark(@PathVariable long id, @PathVariable String code, @RequestBody ArchiveMark m) {
        return archive.mark(id, code, m.present(), m.note());
    }

    @GetMapping("/areas")
    @Operation(summary = "贷款证 Areas of the caller's scope with their certificates")
    List<CertificateLists.AreaCount> areas() {
        return certificates.areas();
    }

    @GetMapping("/areas/{areaId}/certificates")
    @Operation(summary = "一览表 An area's certificates with households and limits per grade (R29)")
    CertificateLists.AreaList areaList(@PathVariable long areaId) {
        return certificates.of(areaId);
    }

    @GetMapping("/areas/{areaId}/certificates.xlsx")
    void areaXlsx(@PathVariable long areaId, HttpServletResponse response) throws IOException {
        downloads.areaXlsx(areaId, response);
    }

    @GetMapping("/areas/{areaId}/certificates.pdf")
    void areaPdf(@PathVariable long areaId, HttpServletResponse response) throws IOException {
        downloads.areaPdf(areaId, response);
    }

    @GetMapping("/incentives.pdf")
    void incentivesPdf(
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            HttpServletResponse response)
            throws IOException {
        downloads.incentivesPdf(from, to, response);
    }

    @GetMapping("/incentives")
    @Operation(summary = "激励 Certificates issued per area in a period and the amounts due (R15)")
    Incentives.Sheet incentives(
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return incentives.sheet(from, to);
    }

    @GetMapping("/settings")
    CreditSettings.Settings settings() {
        return settings.current();
    }

    @PutMapping("/settings")
    @PreAuthorize(CreditRoles.SETTINGS)
    @Operation(summary = "设置 The bank's incentive per certificate (village committee, assistant) and default term")
    CreditSettings.Settings updateSettings(@RequestBody CreditSettings.Settings s) {
        return settings.update(s);
    }
}
