package sunshine.customer;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;

/** One of the provincial template's other fields, as the bank configures it: mandatory or optional (R4). */
public record FilingField(
        String key, String labelZh, String labelEn, Kind kind, boolean required, String options, int position) {

    public enum Kind {
        TEXT,
        NUMBER,
        DATE,
        CHOICE
    }

    /** Whether a (non-blank) value fits the field's kind. */
    public boolean accepts(String value) {
        return switch (kind) {
            case TEXT -> value.length() <= 200;
            case NUMBER -> value.matches("-?\\d{1,15}(\\.\\d{1,4})?");
            case DATE -> parses(value);
            case CHOICE ->
                options != null && Arrays.asList(options.split("\\|")).contains(value);
        };
    }

    public String[] choices() {
        return options == null ? new String[0] : options.split("\\|");
    }

    private static boolean parses(String value) {
        try {
            LocalDate.parse(value);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
