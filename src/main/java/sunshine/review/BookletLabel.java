package sunshine.review;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which printed copy a paper or workbook is: panel, version, copy, written P{panel}-V{version}-C{copy} (e.g.
 * P42-V3-C2) on the cover and every page, and kept in the workbook as the defined name and document property
 * {@code BookletVersion}.
 */
public record BookletLabel(long panelId, int version, int copy) {

    private static final Pattern FORM = Pattern.compile("P(\\d{1,18})-V(\\d{1,9})-C(\\d{1,3})");

    @Override
    public String toString() {
        return "P" + panelId + "-V" + version + "-C" + copy;
    }

    /** The label in a text (spaces around it allowed), or empty when there is none. */
    public static Optional<BookletLabel> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = FORM.matcher(text.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new BookletLabel(
                Long.parseLong(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))));
    }
}
