package sunshine.review.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import sunshine.review.ReviewCalculator;
import sunshine.review.ReviewRoles;
import sunshine.review.ReviewRules;
import sunshine.review.aggregation.AggregationResult;
import sunshine.review.aggregation.BandPosition;
import sunshine.review.aggregation.Estimate;
import sunshine.review.aggregation.FewerThanFive;
import sunshine.review.aggregation.Figure;
import sunshine.review.aggregation.HouseholdFile;
import sunshine.review.aggregation.InvalidRules;
import sunshine.review.aggregation.RatingTable;
import sunshine.review.aggregation.RuleSet;
import sunshine.shared.BusinessException;
import sunshine.shared.CurrentUser;

/** The bank's aggregation and rating rules (R19-R21), and the calculator that shows a worked result. */
@RestController
@RequestMapping("/api/v1/review")
@Tag(name = "review-rules", description = "汇总评级规则 Aggregation and rating rules")
@PreAuthorize(ReviewRoles.READ)
class ReviewApi {

    private final ReviewRules rules;
    private final ReviewCalculator calculator;
    private final MessageSource messages;

    ReviewApi(ReviewRules rules, ReviewCalculator calculator, MessageSource messages) {
        this.rules = rules;
        this.calculator = calculator;
        this.messages = messages;
    }

    /** A rule set as the API shows it, with the rule for fewer than five estimates spelled out. */
    record Rules(
            long bankId,
            int version,
            FewerThanFive fewerThanFive,
            String fewerThanFiveRule,
            BigDecimal bandLow,
            BigDecimal bandHigh,
            BigDecimal roundingUnit,
            BigDecimal productMaximum,
            List<String> ineligibleGrades,
            RatingTable rating) {

        static Rules of(RuleSet r, String rule) {
            return new Rules(
                    r.bankId(),
                    r.version(),
                    r.fewerThanFive(),
                    rule,
                    r.bandLow(),
                    r.bandHigh(),
                    r.roundingUnit(),
                    r.productMaximum(),
                    r.ineligibleGrades(),
                    r.rating());
        }
    }

    /** New rules, based on the version the caller read (a newer one saved meanwhile refuses the change). */
    record RulesUpdate(
            int basedOn,
            FewerThanFive fewerThanFive,
            BigDecimal bandLow,
            BigDecimal bandHigh,
            BigDecimal roundingUnit,
            BigDecimal productMaximum,
            List<String> ineligibleGrades,
            RatingTable rating,
            String note) {}

    @GetMapping("/rules")
    @Operation(summary = "本行现行规则 The caller's bank's rules in force")
    Rules current() {
        return view(rules.current(CurrentUser.require().bankId()));
    }

    @GetMapping("/rules/versions")
    @Operation(summary = "规则的各个版本 Every version of the rules, newest first")
    List<ReviewRules.Version> versions() {
        return rules.history(CurrentUser.require().bankId());
    }

    @GetMapping("/rules/versions/{version}")
    @Operation(summary = "某一版本的规则 One version, as results that name it used it")
    Rules version(@PathVariable int version) {
        return view(rules.version(CurrentUser.require().bankId(), version));
    }

    @PutMapping("/rules")
    @PreAuthorize(ReviewRoles.EDIT)
    @Operation(summary = "修改规则（总行授信部）：保存为新版本 Change the rules (head-office credit): saved as a new version")
    Rules update(@RequestBody RulesUpdate u) {
        RuleSet saved = rules.save(
                u.basedOn(),
                new ReviewRules.Draft(
                        u.fewerThanFive(),
                        u.bandLow(),
                        u.bandHigh(),
                        u.roundingUnit(),
                        u.productMaximum(),
                        u.ineligibleGrades(),
                        u.rating()),
                u.note());
        return view(saved);
    }

    /** One member's figures; blank columns are null. */
    record EstimateInput(
            int seat,
            BigDecimal assets,
            BigDecimal liabilities,
            BigDecimal grossIncome,
            BigDecimal netIncome,
            BigDecimal suggested,
            Boolean doNotRecommend,
            Boolean ownHousehold) {}

    record Calculation(List<EstimateInput> estimates, HouseholdFile file) {}

    record CalculationResult(
            int ruleSetVersion,
            String status,
            Map<Figure, BigDecimal> means,
            BandPosition band,
            BigDecimal proposedAmount,
            BigDecimal score,
            String grade,
            boolean eligible,
            List<String> explanation) {}

    @PostMapping("/calculations")
    @Operation(summary = "试算：按本行现行规则计算并给出计算过程（不保存） Work out a result with the explanation (nothing is stored)")
    CalculationResult calculate(@RequestBody Calculation c) {
        List<Estimate> estimates = c.estimates() == null
                ? List.of()
                : c.estimates().stream()
                        .map(e -> new Estimate(
                                e.seat(),
                                e.seat(),
                                Boolean.TRUE.equals(e.ownHousehold()) ? ReviewCalculator.HOUSEHOLD : null,
                                e.assets(),
                                e.liabilities(),
                                e.grossIncome(),
                                e.netIncome(),
                                e.suggested(),
                                Boolean.TRUE.equals(e.doNotRecommend()),
                                null,
                                null))
                        .toList();
        AggregationResult r;
        try {
            r = calculator.calculate(estimates, c.file());
        } catch (IllegalArgumentException e) {
            throw new BusinessException("review.calculator.error.input");
        }
        Map<Figure, BigDecimal> means = new java.util.EnumMap<>(Figure.class);
        for (Figure f : Figure.values()) {
            means.put(f, r.mean(f));
        }
        return new CalculationResult(
                r.ruleSetVersion(),
                r.status().name(),
                means,
                r.band(),
                r.proposedAmount(),
                r.score(),
                r.grade(),
                r.eligible(),
                calculator.text(r, LocaleContextHolder.getLocale()));
    }

    /** A rating table that breaks a rule arrives inside the JSON body: answer with the rule, not a parse error. */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException e) {
        Locale locale = LocaleContextHolder.getLocale();
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof InvalidRules invalid) {
                return problem(invalid.messageKey(), invalid.args(), locale);
            }
            if (t instanceof IllegalArgumentException) { // an amount below 0 or finer than a fen, an unknown code
                return problem("review.calculator.error.input", new Object[0], locale);
            }
        }
        return problem("error.validation", new Object[0], locale);
    }

    private ProblemDetail problem(String key, Object[] args, Locale locale) {
        ProblemDetail p =
                ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, messages.getMessage(key, args, locale));
        p.setTitle(messages.getMessage("error.title.400", null, locale));
        p.setProperty("code", key);
        return p;
    }

    private Rules view(RuleSet r) {
        return Rules.of(
                r,
                messages.getMessage(
                        "review.policy." + r.fewerThanFive().name(), null, LocaleContextHolder.getLocale()));
    }
}
