package sunshine.review;

import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import sunshine.review.aggregation.Aggregation;
import sunshine.review.aggregation.AggregationResult;
import sunshine.review.aggregation.Estimate;
import sunshine.review.aggregation.Explanation;
import sunshine.review.aggregation.HouseholdFile;
import sunshine.shared.CurrentUser;

/**
 * The calculator staff use to check a result by hand: figures in, the worked explanation out, under the caller's
 * bank's current rules. Nothing is stored. The household is numbered 0, so "of the member's own household" is a
 * member household of 0.
 */
@Service
public class ReviewCalculator {

    public static final long HOUSEHOLD = 0;

    private final ReviewRules rules;
    private final MessageSource messages;

    ReviewCalculator(ReviewRules rules, MessageSource messages) {
        this.rules = rules;
        this.messages = messages;
    }

    public AggregationResult calculate(List<Estimate> estimates, HouseholdFile file) {
        return Aggregation.aggregate(rules.current(CurrentUser.require().bankId()), HOUSEHOLD, estimates, file);
    }

    /** The explanation as text in the given language, one line per step. */
    public List<String> text(AggregationResult result, Locale locale) {
        return render(result.explanation(), messages, locale);
    }

    public static List<String> render(Explanation explanation, MessageSource messages, Locale locale) {
        return explanation.render((key, args) -> messages.getMessage(key, args, locale));
    }
}
