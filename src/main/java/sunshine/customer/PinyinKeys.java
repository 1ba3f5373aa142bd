package sunshine.customer;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import net.sourceforge.pinyin4j.PinyinHelper;
import net.sourceforge.pinyin4j.format.HanyuPinyinCaseType;
import net.sourceforge.pinyin4j.format.HanyuPinyinOutputFormat;
import net.sourceforge.pinyin4j.format.HanyuPinyinToneType;
import net.sourceforge.pinyin4j.format.HanyuPinyinVCharType;
import net.sourceforge.pinyin4j.format.exception.BadHanyuPinyinOutputFormatCombination;

/**
 * Search keys for a name: the full pinyin and the initials of every reading, so that 单 is found as shan and
 * dan and 曾 as zeng and ceng. Stored space-separated with a leading space; a search matches a key's start.
 */
public final class PinyinKeys {

    private static final int MAX_COMBINATIONS = 32;
    private static final HanyuPinyinOutputFormat FORMAT = new HanyuPinyinOutputFormat();

    static {
        FORMAT.setCaseType(HanyuPinyinCaseType.LOWERCASE);
        FORMAT.setToneType(HanyuPinyinToneType.WITHOUT_TONE);
        FORMAT.setVCharType(HanyuPinyinVCharType.WITH_V);
    }

    private PinyinKeys() {}

    public static String of(String name) {
        List<String> fulls = List.of("");
        List<String> initials = List.of("");
        for (char c : name.strip().toCharArray()) {
            Set<String> readings = readings(c);
            if (readings.isEmpty()) {
                continue;
            }
            fulls = combine(fulls, readings, false);
            initials = combine(initials, readings, true);
        }
        Set<String> keys = new LinkedHashSet<>(fulls);
        keys.addAll(initials);
        keys.remove("");
        return keys.isEmpty() ? "" : " " + String.join(" ", keys);
    }

    private static List<String> combine(List<String> prefixes, Set<String> readings, boolean initialsOnly) {
        Set<String> out = new LinkedHashSet<>();
        for (String p : prefixes) {
            for (String r : readings) {
                if (out.size() < MAX_COMBINATIONS) {
                    out.add(p + (initialsOnly ? r.substring(0, 1) : r));
                }
            }
        }
        return new ArrayList<>(out);
    }

    /** pinyin4j parses its table entry on every call; a bank's names use a few thousand characters. */
    private static final java.util.concurrent.ConcurrentHashMap<Character, Set<String>> CACHE =
            new java.util.concurrent.ConcurrentHashMap<>();

    private static Set<String> readings(char c) {
        return CACHE.computeIfAbsent(c, PinyinKeys::lookup);
    }

    private static Set<String> lookup(char c) {
        Set<String> readings = new LinkedHashSet<>();
        if (Character.isLetterOrDigit(c) && c < 128) {
            readings.add(String.valueOf(Character.toLowerCase(c)));
            return readings;
        }
        try {
            String[] all = PinyinHelper.toHanyuPinyinStringArray(c, FORMAT);
            if (all != null) {
                for (String r : all) {
                    readings.add(r.replace("u:", "v"));
                }
            }
        } catch (BadHanyuPinyinOutputFormatCombination e) {
            throw new IllegalStateException(e);
        }
        return readings;
    }
}
