package sunshine.transfer;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Watches one zip entry stream past and tells whether it is XML, which encoding it declares, and what it declares. */
final class XmlPartScan {

    private static final int HEAD_LIMIT = 1024;
    private static final Pattern ENCODING = Pattern.compile("\\sencoding\\s*=\\s*[\"']([^\"']*)[\"']");
    /** ECMA-376 Part 2 (OPC) M1.17: parts are UTF-8 or UTF-16, and no declaration may name another encoding. */
    private static final Set<String> ENCODINGS = Set.of("utf-8", "utf-16");

    private final Needle doctype = new Needle("<!doctype");
    private final Needle entity = new Needle("<!entity");
    private final Needle macroEnabled = new Needle("macroenabled");
    private final Needle macroSheet = new Needle("macrosheet");
    private final List<Needle> needles = List.of(doctype, entity, macroEnabled, macroSheet);
    // a plain array: ByteArrayOutputStream's synchronized methods, called per byte, cost seconds per gigabyte
    private final byte[] head = new byte[HEAD_LIMIT];
    private int headSize;
    private final boolean xmlByName;
    private int first = -1;

    /** A scan that reads everything when {@code xmlByName}, otherwise only while the bytes look like XML. */
    XmlPartScan(boolean xmlByName) {
        this.xmlByName = xmlByName;
    }

    void feed(byte[] bytes, int length) {
        for (int i = 0; i < length; i++) {
            if (!xmlByName && hasContent() && !startsLikeXml()) {
                return;
            }
            if (hasContent() && headSize >= HEAD_LIMIT && noNeedleStarted()) {
                // a gigabyte of sheet XML is mostly bytes that can start no needle: they change nothing
                while (i < length && bytes[i] != '<' && bytes[i] != 'm' && bytes[i] != 'M') {
                    i++;
                }
                if (i == length) {
                    return;
                }
            }
            accept(bytes[i]);
        }
    }

    private boolean noNeedleStarted() {
        return doctype.matched == 0 && entity.matched == 0 && macroEnabled.matched == 0 && macroSheet.matched == 0;
    }

    /** Whether the first byte after byte-order marks and white space is {@code <}. */
    boolean startsLikeXml() {
        return first == '<';
    }

    boolean hasContent() {
        return first != -1;
    }

    boolean declaresEntities() {
        return doctype.found || entity.found;
    }

    boolean mentionsMacros() {
        return macroEnabled.found || macroSheet.found;
    }

    /** Whether the XML declaration names an encoding other than UTF-8 or UTF-16, or does not end in time to tell. */
    boolean declaresForeignEncoding() {
        String start = new String(head, 0, headSize, StandardCharsets.ISO_8859_1);
        if (!start.startsWith("<?xml")) {
            return false;
        }
        int end = start.indexOf("?>");
        if (end < 0) {
            return true;
        }
        Matcher m = ENCODING.matcher(start.substring(0, end));
        return m.find() && !ENCODINGS.contains(m.group(1).strip());
    }

    private void accept(byte raw) {
        if (raw == 0) {
            return; // UTF-16 and UTF-32 spell ASCII as the ASCII byte beside NUL bytes
        }
        byte b = raw >= 'A' && raw <= 'Z' ? (byte) (raw + ('a' - 'A')) : raw;
        if (!hasContent() && isLeadingNoise(b)) {
            return;
        }
        if (!hasContent()) {
            first = b;
        }
        if (headSize < HEAD_LIMIT) {
            head[headSize++] = b;
        }
        for (Needle needle : needles) {
            needle.accept(b);
        }
    }

    private static boolean isLeadingNoise(byte b) {
        return switch (b & 0xFF) {
            case ' ', '\t', '\n', '\r', 0xEF, 0xBB, 0xBF, 0xFE, 0xFF -> true; // white space, byte-order marks
            default -> false;
        };
    }

    /** Finds one lower-case ASCII word whose first letter does not occur again in it. */
    private static final class Needle {
        private final byte[] word;
        private int matched;
        private boolean found;

        Needle(String word) {
            this.word = word.getBytes(StandardCharsets.US_ASCII);
        }

        void accept(byte b) {
            if (found) {
                return;
            }
            if (b == word[matched]) {
                found = ++matched == word.length;
            } else {
                matched = b == word[0] ? 1 : 0;
            }
        }
    }
}
