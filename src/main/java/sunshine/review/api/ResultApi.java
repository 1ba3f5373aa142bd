package sunshine.review.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import sunshine.review.Aggregations;
import sunshine.review.PreCredit;
import sunshine.review.PreCredits;
import sunshine.review.ResultRoles;
import sunshine.review.Results;
import sunshine.review.aggregation.AggregationResult;
import sunshine.review.batch.AggregationBatch;
import sunshine.shared.NotFoundException;

/** Aggregating a panel (R19-R21) and reading results back; scoped like the panel (404 outside). */
@RestController
@RequestMapping("/api/v1/review")
@Tag(name = "review-results", description = "汇总评级结果 Aggregation results")
@PreAuthorize(ResultRoles.VIEW)
class ResultApi {

    private final Aggregations aggregations;
    private final Results results;
    private final PreCredits preCredits;

    ResultApi(Aggregations aggregations, Results results, PreCredits preCredits) {
        this.aggregations = aggregations;
        this.results = results;
        this.preCredits = preCredits;
    }

    @PostMapping("/panels/{id}/aggregations")
    @Operation(summary = "按已核对的评议册汇总评级本小组各户 Aggregate and rate the panel's households from verified copies")
    AggregationBatch.Run aggregate(@PathVariable long id) {
        return aggregations.aggregatePanel(id);
    }

    /** A household's current result on a panel (null figures before its first aggregation). */
    record HouseholdLine(
            int rowNo,
            long householdId,
            String representative,
            String residentIdMasked,
            String status,
            BigDecimal assets,
            BigDecimal liabilities,
            BigDecimal grossIncome,
            BigDecimal netIncome,
            BigDecimal suggested,
            String band,
            BigDecimal proposedAmount,
            BigDecimal score,
            String grade,
            Boolean eligible,
            Integer ruleSetVersion) {

        static HouseholdLine of(Results.HouseholdResult h) {
            AggregationResult r = h.result();
            if (r == null) {
                return new HouseholdLine(
                        h.rowNo(),
                        h.householdId(),
                        h.representative(),
                        h.residentIdMasked(),
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null);
            }
            return new HouseholdLine(
                    h.rowNo(),
                    h.householdId(),
                    h.representative(),
                    h.residentIdMasked(),
                    r.status().name(),
                    r.mean(sunshine.review.aggregation.Figure.ASSETS),
                    r.mean(sunshine.review.aggregation.Figure.LIABILITIES),
                    r.mean(sunshine.review.aggregation.Figure.GROSS_INCOME),
                    r.mean(sunshine.review.aggregation.Figure.NET_INCOME),
                    r.mean(sunshine.review.aggregation.Figure.SUGGESTED),
                    r.band() == null ? null : r.band().name(),
                    r.proposedAmount(),
                    r.score(),
                    r.grade(),
                    r.eligible(),
                    r.ruleSetVersion());
        }
    }

    @GetMapping("/panels/{id}/results")
    @Operation(summary = "本小组各户的当前结果 The current result of each household of the panel")
    List<HouseholdLine> panelResults(@PathVariable long id) {
        return results.ofPanel(id).households().stream().map(HouseholdLine::of).toList();
    }

    record ExplanationView(PreCredit preCredit, List<String> explanation) {}

    @GetMapping("/households/{householdId}/explanation")
    @Operation(summary = "某户当前额度的计算过程 How the household's current amount was reached")
    ExplanationView explanation(@PathVariable long householdId) {
        Results.HouseholdExplanation e = results.explanation(householdId);
        if (e.result() == null) {
            throw new NotFoundException("aggregation", householdId);
        }
        Locale locale = LocaleContextHolder.getLocale();
        return new ExplanationView(preCredits.current(householdId).orElse(null), results.text(e.result(), locale));
    }
}
