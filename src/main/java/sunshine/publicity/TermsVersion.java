package sunshine.publicity;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** One published version of a bank's public terms (R35): never changed; a change is a new version. */
public record TermsVersion(
        long id,
        long bankId,
        int version,
        LocalDate effectiveFrom,
        String conditions,
        String process,
        String commitments,
        String supervisionPhone,
        String complaintPhone,
        String publishedByName,
        Instant publishedAt,
        List<GradeRate> rates) {

    /** The annual rate in percent for the grade, if this version prices it. */
    public Optional<BigDecimal> rateFor(String grade) {
        return rates.stream()
                .filter(r -> r.grade().equalsIgnoreCase(grade == null ? "" : grade.trim()))
                .map(GradeRate::annualRate)
                .findFirst();
    }

    public List<String> conditionLines() {
        return lines(conditions);
    }

    public List<String> processLines() {
        return lines(process);
    }

    public List<String> commitmentLines() {
        return lines(commitments);
    }

    /** The text split into its lines (a step per line on the page and the poster). */
    public static List<String> lines(String text) {
        return text == null
                ? List.of()
                : text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }
}
