package sunshine.customer;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Set;
import sunshine.shared.Today;

/**
 * A resident ID number (公民身份号码, GB 11643-1999): 17 digits and a check character (ISO 7064 MOD 11-2), a
 * known province prefix, a real birth date; the 17th digit is odd for men. A valid 15-digit legacy number is
 * converted to 18 (R5).
 */
public record ResidentId(String value) {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};
    private static final Set<String> PROVINCES = Set.of(
            "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37", "41", "42", "43",
            "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65", "71", "81", "82");

    /** Why a number is not a valid resident ID; each is a message key. */
    public enum Problem {
        EMPTY("customer.id.empty"),
        LENGTH("customer.id.length"),
        CHARACTERS("customer.id.characters"),
        PROVINCE("customer.id.province"),
        BIRTH_DATE("customer.id.birthDate"),
        CHECKSUM("customer.id.checksum");

        public final String messageKey;

        Problem(String messageKey) {
            this.messageKey = messageKey;
        }
    }

    /** Either a resident ID or the problem that stops it being one. */
    public record Parsed(ResidentId id, Problem problem) {
        public boolean valid() {
            return id != null;
        }
    }

    /** Parses what a person typed or a workbook held: spaces ignored, a lower-case x accepted. */
    public static Parsed parse(String raw) {
        return parse(raw, Today.date());
    }

    static Parsed parse(String raw, LocalDate today) {
        if (raw == null || raw.isBlank()) {
            return new Parsed(null, Problem.EMPTY);
        }
        String s = raw.strip().replace(" ", "").toUpperCase();
        if (s.length() == 15) {
            if (!s.chars().allMatch(Character::isDigit)) {
                return new Parsed(null, Problem.CHARACTERS);
            }
            s = s.substring(0, 6) + "19" + s.substring(6);
            s = s + checkChar(s);
        } else if (s.length() == 18) {
            if (!s.substring(0, 17).chars().allMatch(Character::isDigit)
                    || !(Character.isDigit(s.charAt(17)) || s.charAt(17) == 'X')) {
                return new Parsed(null, Problem.CHARACTERS);
            }
        } else {
            return new Parsed(null, Problem.LENGTH);
        }
        if (!PROVINCES.contains(s.substring(0, 2))) {
            return new Parsed(null, Problem.PROVINCE);
        }
        LocalDate birth = birthDate(s);
        if (birth == null || birth.isAfter(today) || birth.getYear() < 1900) {
            return new Parsed(null, Problem.BIRTH_DATE);
        }
        if (checkChar(s.substring(0, 17)) != s.charAt(17)) {
            return new Parsed(null, Problem.CHECKSUM);
        }
        return new Parsed(new ResidentId(s), null);
    }

    /** The full number for 17 digits (region, birth date, sequence): their check character appended. */
    public static String complete(String first17) {
        return first17 + checkChar(first17);
    }

    /** The ISO 7064 MOD 11-2 check character of the first 17 digits. */
    static char checkChar(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK[sum % 11];
    }

    public LocalDate birthDate() {
        return birthDate(value);
    }

    /** 'M' or 'F', from the 17th digit. */
    public char gender() {
        return (value.charAt(16) - '0') % 2 == 1 ? 'M' : 'F';
    }

    /** For screens and exports: the region and the last four characters stay, the rest is hidden. */
    public static String mask(String id) {
        if (id == null || id.length() < 8) {
            return id;
        }
        return id.substring(0, 4) + "*".repeat(id.length() - 8) + id.substring(id.length() - 4);
    }

    private static LocalDate birthDate(String s) {
        try {
            return LocalDate.of(
                    Integer.parseInt(s.substring(6, 10)),
                    Integer.parseInt(s.substring(10, 12)),
                    Integer.parseInt(s.substring(12, 14)));
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
    }

    @Override
    public String toString() {
        return mask(value);
    }
}
