package sunshine.review.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import sunshine.review.EntryLine;
import sunshine.review.EstimateCopy;
import sunshine.review.EstimateRoles;
import sunshine.review.EstimateSheet;
import sunshine.review.Estimates;
import sunshine.review.Figures;

/**
 * Typing the members' copies in through the API (R17, R18): first keying of a copy, upload of a filled-in workbook,
 * the verifier's blind second keying and the resolution of differences. A copy answers only to its keyer and its
 * verifier, and never with another copy's figures. Amounts in yuan.
 */
@RestController
@RequestMapping("/api/v1/review")
@Tag(name = "estimates", description = "评议录入与核对 Entry and verification of the members' estimates")
@PreAuthorize(EstimateRoles.VIEW)
class EstimateApi {

    /** One household's line; amounts in yuan, blank = null. */
    record LineBody(
            long householdId,
            BigDecimal assets,
            BigDecimal liabilities,
            BigDecimal grossIncome,
            BigDecimal netIncome,
            BigDecimal suggestedAmount,
            Boolean doNotRecommend,
            String remarks,
            String correctionText,
            String correctionPhone,
            String correctionAddress) {

        Figures figures() {
            return new Figures(
                    assets, liabilities, grossIncome, netIncome, suggestedAmount, Boolean.TRUE.equals(doNotRecommend));
        }

        EntryLine line() {
            return new EntryLine(householdId, figures(), remarks, correctionText, correctionPhone, correctionAddress);
        }
    }

    /** A keying: the lines typed, and whether it is finished (else saved as a draft). */
    record KeyingBody(List<LineBody> lines, Boolean finish) {}

    /** The verifier's figures for the rows that differ. */
    record ResolutionBody(List<LineBody> lines) {}

    record CopyRow(
            int copyNo,
            String member,
            Long copyId,
            String label,
            String status,
            String source,
            String keyedBy,
            Instant keyedAt,
            String verifiedBy,
            Instant verifiedAt) {}

    record Listing(long panelId, String panel, Integer latestVersion, List<CopyRow> copies) {}

    record Warning(int row, String message) {}

    record Saved(EstimateCopy copy, List<Warning> warnings) {}

    record CellError(int row, String column, String header, String value, String message) {}

    record Upload(boolean accepted, String label, EstimateCopy copy, List<CellError> errors, List<Warning> warnings) {}

    private final Estimates estimates;
    private final MessageSource messages;

    EstimateApi(Estimates estimates, MessageSource messages) {
        this.estimates = estimates;
        this.messages = messages;
    }

    @GetMapping("/panels/{id}/copies")
    @Operation(summary = "评议册录入状态（不含数字） The copies of a panel's latest print and how far each is typed in")
    Listing copies(@PathVariable long id) {
        Estimates.Overview o = estimates.overview(id);
        return new Listing(
                id,
                o.panel().name(),
                o.latest() == null ? null : o.latest().version(),
                o.copies().stream()
                        .map(c -> {
                            EstimateCopy e = c.copy();
                            return e == null
                                    ? new CopyRow(
                                            c.copyNo(), c.memberName(), null, null, null, null, null, null, null, null)
                                    : new CopyRow(
                                            c.copyNo(),
                                            c.memberName(),
                                            e.id(),
                                            e.label(),
                                            e.status().name(),
                                            e.source(),
                                            e.keyedByName(),
                                            e.keyedAt(),
                                            e.verifiedByName(),
                                            e.verifiedAt());
                        })
                        .toList());
    }

    @GetMapping("/panels/{id}/copies/{copyNo}")
    @Operation(summary = "录入表（本册的家庭；草稿或空白） The keying form of a copy: its households, the keyer's draft or blank")
    EstimateSheet form(@PathVariable long id, @PathVariable int copyNo) {
        return estimates.keyingForm(id, copyNo);
    }

    @PutMapping("/panels/{id}/copies/{copyNo}")
    @Operation(
            summary = "第一次录入（录入员；finish=false 保存草稿） First keying of a copy from the paper, by data-entry staff;"
                    + " finish=false saves a draft")
    Saved keyFirst(@PathVariable long id, @PathVariable int copyNo, @RequestBody KeyingBody body) {
        Estimates.Saved s = estimates.keyFirst(id, copyNo, lines(body.lines()), body.finish() == null || body.finish());
        return saved(s);
    }

    @PostMapping(value = "/panels/{id}/workbooks", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(
            summary = "上传填好的评议册 xlsx（按版本号匹配；有错误的单元格逐一列出，整份不收）"
                    + " Upload a filled-in booklet workbook, matched by its version; refused as a whole (422) with every"
                    + " cell that cannot be taken")
    ResponseEntity<Upload> upload(@PathVariable long id, @RequestPart("file") MultipartFile file) throws IOException {
        Estimates.Upload u = estimates.upload(id, file.getInputStream());
        Upload body = new Upload(
                u.accepted(),
                u.label(),
                u.copy(),
                u.errors().stream()
                        .map(e -> new CellError(e.row(), e.column(), e.header(), e.value(), cellMessage(e)))
                        .toList(),
                warnings(u.warnings()));
        return ResponseEntity.status(u.accepted() ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_CONTENT)
                .body(body);
    }

    @GetMapping("/copies/{copyId}")
    @Operation(
            summary = "一册的录入（只给录入人与核对人；核对人提交前看不到第一次录入）"
                    + " A typed copy, for its keyer and its verifier only; the verifier sees no first keying before"
                    + " submitting theirs")
    EstimateSheet sheet(@PathVariable long copyId) {
        return estimates.sheet(copyId);
    }

    @PutMapping("/copies/{copyId}/second")
    @Operation(summary = "核对录入（核对员，不能是录入人） The verifier's blind second keying; not by the keyer")
    Saved keySecond(@PathVariable long copyId, @RequestBody KeyingBody body) {
        return saved(estimates.keySecond(copyId, lines(body.lines())));
    }

    @PutMapping("/copies/{copyId}/resolution")
    @Operation(summary = "处理差异并核对完成 Resolve the differing rows; the copy is verified")
    EstimateCopy resolve(@PathVariable long copyId, @RequestBody ResolutionBody body) {
        Map<Long, Figures> chosen = new HashMap<>();
        for (LineBody l : body.lines() == null ? List.<LineBody>of() : body.lines()) {
            chosen.put(l.householdId(), l.figures());
        }
        return estimates.resolve(copyId, chosen);
    }

    private static List<EntryLine> lines(List<LineBody> lines) {
        return lines == null ? List.of() : lines.stream().map(LineBody::line).toList();
    }

    private Saved saved(Estimates.Saved s) {
        return new Saved(s.copy(), warnings(s.warnings()));
    }

    private List<Warning> warnings(List<Estimates.Warning> ws) {
        var locale = LocaleContextHolder.getLocale();
        return ws.stream()
                .map(w -> new Warning(
                        w.rowNo(), messages.getMessage(w.key(), w.args().toArray(), locale)))
                .toList();
    }

    private String cellMessage(sunshine.review.entry.BookletReader.CellError e) {
        return messages.getMessage(
                e.messageKey(),
                new Object[] {e.row(), e.column(), e.header(), e.value()},
                LocaleContextHolder.getLocale());
    }
}
