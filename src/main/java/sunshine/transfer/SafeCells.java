package sunshine.transfer;

/** Turns text into cell and CSV values that no spreadsheet will run as a formula (OWASP CSV injection). */
public final class SafeCells {

    private static final String FORMULA_STARTS = "=+-@\t\r";

    private SafeCells() {}

    /** Puts an apostrophe before a value that begins with {@code = + - @}, a tab or a carriage return; null stays null. */
    public static String neutralise(String value) {
        if (value == null || value.isEmpty() || FORMULA_STARTS.indexOf(value.charAt(0)) < 0) {
            return value;
        }
        return "'" + value;
    }

    /** Neutralises the value and quotes it as one RFC 4180 field; null becomes an empty field. */
    public static String csvField(String value) {
        String safe = neutralise(value);
        if (safe == null) {
            return "";
        }
        if (safe.indexOf(',') < 0 && safe.indexOf('"') < 0 && safe.indexOf('\r') < 0 && safe.indexOf('\n') < 0) {
            return safe;
        }
        return '"' + safe.replace("\"", "\"\"") + '"';
    }
}
