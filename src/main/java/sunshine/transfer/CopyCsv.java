package sunshine.transfer;

/**
 * Fields of a line for PostgreSQL {@code COPY ... WITH (FORMAT csv)}: a null is an empty unquoted field (SQL
 * NULL), any other value is quoted with inner quotes doubled; NUL characters, which PostgreSQL refuses in text,
 * are dropped.
 */
public final class CopyCsv {

    private CopyCsv() {}

    /** Appends a comma, then the field. */
    public static void next(StringBuilder line, String value) {
        line.append(',');
        field(line, value);
    }

    /** Appends the field alone (the first of a line). */
    public static void field(StringBuilder line, String value) {
        if (value == null) {
            return;
        }
        line.append('"');
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            if (ch == '"') {
                line.append('"');
            }
            if (ch != 0) {
                line.append(ch);
            }
        }
        line.append('"');
    }
}
