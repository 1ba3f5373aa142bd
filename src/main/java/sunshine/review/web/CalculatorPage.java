package sunshine.review.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import sunshine.review.ReviewCalculator;
import sunshine.review.ReviewRoles;
import sunshine.review.ReviewRules;
import sunshine.review.aggregation.AggregationResult;
import sunshine.review.aggregation.Estimate;
import sunshine.review.aggregation.Factor;
import sunshine.review.aggregation.Figure;
import sunshine.review.aggregation.HouseholdFile;
import sunshine.shared.CurrentUser;

/**
 * A calculator to check a household's result by hand (issue 5 point 7): the five copies' figures in, the worked
 * explanation out, under the bank's current rules. A GET form: nothing is stored, and the address can be shared.
 */
@Controller
@PreAuthorize(ReviewRoles.READ)
class CalculatorPage {

    static final int COPIES = 5;
    static final String[] COLUMNS = {"a", "l", "g", "n", "s"};

    private final ReviewCalculator calculator;
    private final ReviewRules rules;

    CalculatorPage(ReviewCalculator calculator, ReviewRules rules) {
        this.calculator = calculator;
        this.rules = rules;
    }

    @GetMapping("/review/calculator")
    String calculate(@RequestParam Map<String, String> form, Model model, Locale locale) {
        model.addAttribute("form", form);
        model.addAttribute(
                "copies",
                java.util.stream.IntStream.rangeClosed(1, COPIES).boxed().toList());
        model.addAttribute("columns", COLUMNS);
        model.addAttribute("figures", Figure.values());
        model.addAttribute("customerTypes", Factor.CUSTOMER_TYPE.codes());
        model.addAttribute("residences", Factor.RESIDENCE.codes());
        model.addAttribute("rules", rules.current(CurrentUser.require().bankId()));
        if (form.containsKey("calculate")) {
            try {
                AggregationResult r = calculator.calculate(estimates(form), file(form));
                model.addAttribute("result", r);
                model.addAttribute("explanation", calculator.text(r, locale));
            } catch (IllegalArgumentException e) {
                model.addAttribute("inputErrorKey", "review.calculator.error.input");
            }
        }
        return "review/calculator";
    }

    /** Copies with at least one figure filled in; blank cells are blank columns. */
    static List<Estimate> estimates(Map<String, String> form) {
        List<Estimate> list = new ArrayList<>();
        for (int seat = 1; seat <= COPIES; seat++) {
            BigDecimal[] v = new BigDecimal[COLUMNS.length];
            boolean any = false;
            for (int c = 0; c < COLUMNS.length; c++) {
                v[c] = amount(form.get(COLUMNS[c] + seat));
                any |= v[c] != null;
            }
            boolean doNotRecommend = form.containsKey("dnr" + seat);
            if (!any && !doNotRecommend) {
                continue;
            }
            list.add(new Estimate(
                    seat,
                    seat,
                    form.containsKey("own" + seat) ? ReviewCalculator.HOUSEHOLD : null,
                    v[0],
                    v[1],
                    v[2],
                    v[3],
                    v[4],
                    doNotRecommend,
                    null,
                    null));
        }
        return list;
    }

    static HouseholdFile file(Map<String, String> form) {
        return new HouseholdFile(
                whole(form.get("age")),
                code(form.get("type")),
                code(form.get("residence")),
                whole(form.get("members")));
    }

    private static BigDecimal amount(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(text.strip().replace(",", "").replace("，", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not an amount: " + text, e);
        }
    }

    private static Integer whole(String text) {
        BigDecimal v = amount(text);
        if (v == null) {
            return null;
        }
        try {
            return v.intValueExact();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("not a whole number: " + text, e);
        }
    }

    private static String code(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
