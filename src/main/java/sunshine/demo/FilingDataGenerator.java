package sunshine.demo;

import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import sunshine.customer.CustomerType;
import sunshine.customer.FilingColumns;
import sunshine.customer.Relationship;
import sunshine.customer.ResidentId;

/**
 * Realistic filing data (客户建档) for load tests and demos: households of 1-6 people on the villages of 章丘区,
 * written as an xlsx in the layout of {@link FilingColumns#FIXED}, with a chosen share of deliberately bad rows.
 *
 * <p>The same options (seed included) always give the same cells. Rows are streamed: every cell is an inline
 * string (no shared-strings table, IDs stay text) and the sheet is flushed every {@value #FLUSH_EVERY} rows, so
 * memory does not grow with the workbook; only the set of IDs handed out (8-16 bytes a person) does.
 *
 * <p>From the command line: {@code java -cp ... sunshine.demo.FilingDataGenerator --rows 1000000 --bad 0.02
 * --seed 7 --out filing.xlsx [--areas 370114001001,370114002201] [--as-of 2026-01-01]}.
 */
public final class FilingDataGenerator {

    /** The kinds of deliberately bad rows; each bad row has exactly one of them. */
    public enum BadKind {
        /** The resident ID's last character is not its check character. */
        CHECK_CHARACTER,
        /** The phone cell is blank. */
        MISSING_PHONE,
        /** The resident ID of an earlier (good) row again, in another row. */
        DUPLICATE_ID,
        /** The resident ID holds a date that does not exist (month 13, month 00, day 32, 30 February). */
        IMPOSSIBLE_BIRTH_DATE,
        /** The phone has 10 digits. */
        SHORT_PHONE
    }

    /**
     * What to generate.
     *
     * @param rows people (rows below the header)
     * @param areaCodes the areas households live in (the area column's value, normally 12-digit village codes)
     * @param badFraction the share of rows with one deliberate fault, 0 to 1, spread evenly over the file
     * @param seed the same seed gives the same file contents
     * @param asOf the day ages are counted to (fixed, so a seed's file does not change with the date)
     */
    public record Options(int rows, List<String> areaCodes, double badFraction, long seed, LocalDate asOf) {

        public static final LocalDate DEFAULT_AS_OF = LocalDate.of(2026, 1, 1);

        public Options {
            if (rows < 0) {
                throw new IllegalArgumentException("rows < 0");
            }
            if (!(badFraction >= 0 && badFraction <= 1)) {
                throw new IllegalArgumentException("badFraction must be within 0..1");
            }
            if (areaCodes == null
                    || areaCodes.isEmpty()
                    || areaCodes.stream().anyMatch(c -> c == null || c.isBlank())) {
                throw new IllegalArgumentException("areaCodes must be non-empty and not blank");
            }
            areaCodes = List.copyOf(areaCodes);
            if (asOf == null) {
                asOf = DEFAULT_AS_OF;
            }
        }

        /** {@code rows} people on the 594 villages of 章丘区, 2% bad rows, seed 1. */
        public static Options of(int rows) {
            return new Options(rows, villageCodes(), 0.02, 1L, DEFAULT_AS_OF);
        }

        public Options withRows(int rows) {
            return new Options(rows, areaCodes, badFraction, seed, asOf);
        }

        public Options withAreaCodes(List<String> areaCodes) {
            return new Options(rows, areaCodes, badFraction, seed, asOf);
        }

        public Options withBadFraction(double badFraction) {
            return new Options(rows, areaCodes, badFraction, seed, asOf);
        }

        public Options withSeed(long seed) {
            return new Options(rows, areaCodes, badFraction, seed, asOf);
        }

        public Options withAsOf(LocalDate asOf) {
            return new Options(rows, areaCodes, badFraction, seed, asOf);
        }
    }

    /** What was written: rows (people), households, and the bad rows by kind (every kind present, maybe 0). */
    public record Summary(int rows, int households, Map<BadKind, Integer> bad) {

        public Summary {
            EnumMap<BadKind, Integer> copy = new EnumMap<>(BadKind.class);
            copy.putAll(bad);
            bad = Collections.unmodifiableMap(copy);
        }

        public int badRows() {
            return bad.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    static final int FLUSH_EVERY = 10_000;
    static final String SHEET = "客户建档";
    static final String VILLAGES = "data/divisions/370114-villages.csv";
    static final String STREETS = "data/divisions/370114-streets.csv";

    /** Before 2016 章丘 was a county-level city (370181); it is now a district of 济南 (370114). */
    private static final String OLD_PREFIX = "370181";

    private static final String NEW_PREFIX = "370114";

    /** Where each column goes, from {@link FilingColumns#FIXED}. */
    private static final int COL_AREA = FilingColumns.FIXED.indexOf(FilingColumns.AREA);

    private static final int COL_HOUSEHOLD = FilingColumns.FIXED.indexOf(FilingColumns.HOUSEHOLD);
    private static final int COL_RELATIONSHIP = FilingColumns.FIXED.indexOf(FilingColumns.RELATIONSHIP);
    private static final int COL_NAME = FilingColumns.FIXED.indexOf(FilingColumns.NAME);
    private static final int COL_RESIDENT_ID = FilingColumns.FIXED.indexOf(FilingColumns.RESIDENT_ID);
    private static final int COL_GENDER = FilingColumns.FIXED.indexOf(FilingColumns.GENDER);
    private static final int COL_BIRTH_DATE = FilingColumns.FIXED.indexOf(FilingColumns.BIRTH_DATE);
    private static final int COL_PHONE = FilingColumns.FIXED.indexOf(FilingColumns.PHONE);
    private static final int COL_ADDRESS = FilingColumns.FIXED.indexOf(FilingColumns.ADDRESS);
    private static final int COL_TYPE = FilingColumns.FIXED.indexOf(FilingColumns.TYPE);
    private static final int COL_OCCUPATION = FilingColumns.FIXED.indexOf(FilingColumns.OCCUPATION);
    private static final int COL_EMPLOYER = FilingColumns.FIXED.indexOf(FilingColumns.EMPLOYER);
    private static final int COL_RESIDENCE = FilingColumns.FIXED.indexOf(FilingColumns.RESIDENCE);
    private static final int COL_BUSINESS_PLACE = FilingColumns.FIXED.indexOf(FilingColumns.BUSINESS_PLACE);

    private static final int[] HOUSEHOLD_SIZE_PERCENT = {10, 25, 25, 20, 12, 8};
    private static final int[] TYPE_PERCENT = {70, 12, 5, 10, 3};
    /** 外地 households are here to do business. */
    private static final int[] NON_LOCAL_TYPE_PERCENT = {0, 60, 25, 15, 0};

    private static final int[][] REPRESENTATIVE_AGES = {
        {18, 29, 8}, {30, 39, 17}, {40, 49, 25}, {50, 59, 27}, {60, 69, 16}, {70, 80, 7}
    };
    private static final int MIN_AGE = 18;
    private static final int MAX_AGE = 95;

    /** Relative weights of a further member's relationship, where it is possible for the ages. */
    private static final Map<Relationship, Integer> MEMBER_WEIGHTS = Map.of(
            Relationship.SPOUSE, 10,
            Relationship.CHILD, 40,
            Relationship.PARENT, 18,
            Relationship.CHILD_IN_LAW, 10,
            Relationship.GRANDCHILD, 8,
            Relationship.SIBLING, 6,
            Relationship.GRANDPARENT, 2,
            Relationship.OTHER, 3);

    private static final List<Relationship> LISTING_ORDER = List.of(
            Relationship.SELF,
            Relationship.SPOUSE,
            Relationship.PARENT,
            Relationship.GRANDPARENT,
            Relationship.CHILD,
            Relationship.CHILD_IN_LAW,
            Relationship.GRANDCHILD,
            Relationship.SIBLING,
            Relationship.OTHER);

    private static final String[] SURNAMES = weighted(
            "王李张刘", 20,
            "陈杨赵孙马高徐郭于宋", 10,
            "韩吴周许朱董孟石曹胡姜崔田杜袁贾程范毕房邢翟秦尹焦苏魏吕侯牛潘霍谭鲁宁耿丁薛", 3,
            // polyphonic surnames (单 Shàn, 曾 Zēng, 解 Xiè, 区 Ōu, 朴 Piáo, 仇 Qiú, 查 Zhā, 盖 Gě, 乐 Yuè, 缪 Miào)
            "单曾解区朴仇查盖乐缪", 2);
    private static final String[] COMPOUND_SURNAMES = {"欧阳", "司马", "诸葛", "上官"};

    private static final String[][] MALE_GIVEN = {
        // born before 1970, 1970-1989, from 1990
        split("建国 建华 国庆 志强 德福 宝山 春生 玉田 长江 立新 振华 永安 福 贵 明 军 刚 强 海 林 庆 友 文 忠 保国 学文 继光 树林 " + "洪 成"),
        split("伟 磊 涛 鹏 超 军 斌 勇 杰 海涛 志刚 建军 晓东 立伟 文博 鹏飞 红军 洪涛 金龙 新民 东 亮 峰 波 俊 健 庆华 雷"),
        split("浩然 子豪 宇轩 俊杰 博文 一鸣 天宇 子轩 浩 宇 晨 昊 轩 博 皓 雨泽 嘉豪 明轩 思源 鑫 凯 帅 旭 家豪 志远")
    };
    private static final String[][] FEMALE_GIVEN = {
        split("秀英 桂兰 玉兰 桂英 淑珍 凤英 秀兰 玉珍 春花 翠花 兰英 淑兰 秀云 玉梅 凤兰 芳 英 兰 珍 梅 秀珍 素芬 桂芝"),
        split("丽 静 敏 燕 艳 娟 霞 红 芳 丽娜 海燕 晓燕 春梅 红霞 丽丽 美玲 雪梅 晓红 玉洁 婷 慧 琴 丹 萍 彩霞"),
        split("欣怡 诗涵 梓涵 雨欣 思雨 佳怡 子涵 梦瑶 婷婷 雪 琳 悦 瑶 萱 怡 可欣 欣然 一诺 语桐 若曦 佳琪 倩 璐")
    };

    private static final String[][] OCCUPATIONS = {
        split("粮食种植 蔬菜种植 大葱种植 果树种植 畜禽养殖 水产养殖 务农 务农 务农 苗木种植 农机服务"),
        split("商店零售 餐饮 货物运输 农资销售 汽车修理 理发 建材销售 铁锅加工 百货批发 快递代办"),
        split("企业负责人 企业负责人 合作社负责人 家庭农场主"),
        split("务工 务工 自由职业 退休 服务业 家政服务 保安 司机"),
        split("教师 医生 护士 公务员 事业单位职员 技术员")
    };
    private static final String[] COMPANY_WORDS = split("鑫源 宏达 华丰 明泉 绣江 百脉 龙山 金丰 瑞通 恒信 圣泉 东岳 福瑞 永盛 汇泉");
    private static final String[] COMPANY_TRADES = split("机械 铸造 食品 农业科技 建材 商贸 纺织 锻压 物流 包装");
    private static final String[] SHOP_TRADES = split("铁锅 超市 饭店 五金 农资 粮油 修车 烧饼 百货 建材");
    private static final String[] PUBLIC_EMPLOYERS =
            split("章丘区人民医院 章丘区中医医院 章丘区第四中学 章丘中学 章丘区实验中学 章丘区实验小学 国家税务总局济南市章丘区税务局 " + "章丘区农业农村局 章丘区疾病预防控制中心 章丘区自然资源局");
    private static final String[] ROADS = split("明水 汇泉 山泉 唐王山 福康 百脉泉 绣源河 双山 圣井 铁道北 世纪 经十东");

    private static final String[] MOBILE_PREFIXES =
            split("130 131 132 133 134 135 136 137 138 139 150 151 152 153 155 156 157 "
                    + "158 159 180 181 182 183 184 185 186 187 188 189");
    private static final char[] CHECK_CHARS = "0123456789X".toCharArray();

    private FilingDataGenerator() {}

    /** Writes the workbook to {@code out} (created or replaced). */
    public static Summary write(Path out, Options o) throws IOException {
        try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(out), 1 << 16)) {
            return write(os, o);
        }
    }

    /** Writes the workbook to {@code out}, which stays open. */
    public static Summary write(OutputStream out, Options o) throws IOException {
        Workbook wb = new Workbook(out, "SunshineCredit", "1.0");
        Worksheet ws = wb.newWorksheet(SHEET);
        List<FilingColumns.Column> columns = FilingColumns.FIXED;
        for (int c = 0; c < columns.size(); c++) {
            ws.inlineString(0, c, columns.get(c).header());
        }
        ws.width(columns.indexOf(FilingColumns.AREA), 15);
        ws.width(columns.indexOf(FilingColumns.HOUSEHOLD), 20);
        ws.width(columns.indexOf(FilingColumns.RESIDENT_ID), 21);
        ws.width(columns.indexOf(FilingColumns.BIRTH_DATE), 12);
        ws.width(columns.indexOf(FilingColumns.PHONE), 13);
        ws.width(columns.indexOf(FilingColumns.ADDRESS), 40);
        Summary summary = new Generator(o).run(ws);
        ws.finish();
        wb.finish();
        out.flush();
        return summary;
    }

    /** The 12-digit codes of the 594 villages and communities of 章丘区, from the shipped division codes. */
    public static List<String> villageCodes() {
        return List.copyOf(Divisions.INSTANCE.villages.keySet());
    }

    public static void main(String[] args) throws IOException {
        Options o = Options.of(10_000);
        Path out = null;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (i + 1 >= args.length) {
                usage("missing value after " + a);
            }
            String v = args[++i];
            switch (a) {
                case "--rows" -> o = o.withRows(Integer.parseInt(v.replace("_", "")));
                case "--bad" -> o = o.withBadFraction(Double.parseDouble(v));
                case "--seed" -> o = o.withSeed(Long.parseLong(v));
                case "--out" -> out = Path.of(v);
                case "--areas" ->
                    o = o.withAreaCodes(Arrays.stream(v.split(","))
                            .map(String::strip)
                            .filter(s -> !s.isEmpty())
                            .toList());
                case "--as-of" -> o = o.withAsOf(LocalDate.parse(v));
                default -> usage("unknown option " + a);
            }
        }
        if (out == null) {
            usage("--out is required");
        }
        long start = System.nanoTime();
        Summary s = write(out, o);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(
                "wrote %s: %d rows, %d households, %d bad %s in %.2f s (%.0f rows/s), %d bytes%n",
                out,
                s.rows(),
                s.households(),
                s.badRows(),
                s.bad(),
                seconds,
                s.rows() / Math.max(seconds, 1e-9),
                Files.size(out));
    }

    private static void usage(String problem) {
        System.err.println(problem);
        System.err.println("usage: FilingDataGenerator --rows N --bad F --seed S --out path.xlsx"
                + " [--areas code,code,...] [--as-of yyyy-MM-dd]");
        System.exit(2);
    }

    /** One person on the way to a row. */
    private static final class Person {
        Relationship relationship;
        String name;
        boolean male;
        LocalDate birth;
        CustomerType type;
    }

    /** The state of one run: the random source, the IDs handed out, the counters. */
    private static final class Generator {
        private final Options o;
        private final SplittableRandom rnd;
        private final String[] areas;
        private final String[] addressStems;
        private final boolean[] community;
        private final String[] townships;
        private final double[] areaCumulative;
        private final int[] householdSeq;
        private final long asOfDay;
        private final LongSet ids;
        private final IdRing[] recent = {new IdRing(4096), new IdRing(4096)}; // [0] women, [1] men
        private final EnumMap<BadKind, Integer> bad = new EnumMap<>(BadKind.class);
        private final String[] cells = new String[FilingColumns.FIXED.size()];
        private final StringBuilder sb = new StringBuilder(64);
        private int row; // 0-based person index
        private int households;
        private int nextKind;

        Generator(Options o) {
            this.o = o;
            this.rnd = new SplittableRandom(o.seed());
            this.asOfDay = o.asOf().toEpochDay();
            this.ids = new LongSet(Math.max(16, o.rows()));
            int n = o.areaCodes().size();
            this.areas = o.areaCodes().stream().map(String::strip).toArray(String[]::new);
            this.addressStems = new String[n];
            this.community = new boolean[n];
            this.townships = new String[n];
            this.areaCumulative = new double[n];
            this.householdSeq = new int[n];
            Divisions d = Divisions.INSTANCE;
            double total = 0;
            for (int i = 0; i < n; i++) {
                String code = areas[i];
                String township = code.length() >= 9 ? d.townships.getOrDefault(code.substring(0, 9), "") : "";
                String official = d.villages.get(code);
                String village;
                if (official != null) {
                    village = shortName(official);
                    community[i] = isCommunity(code, official);
                } else {
                    // not a village of 章丘 we know: an invented but stable name
                    village = "第" + code.substring(Math.max(0, code.length() - 3)) + "村";
                }
                townships[i] = township;
                addressStems[i] = "山东省济南市章丘区" + township + village;
                // villages differ in size: a weight of 0.5-2.5, twice that for communities
                total += (0.5 + 2 * rnd.nextDouble()) * (community[i] ? 2 : 1);
                areaCumulative[i] = total;
            }
            for (BadKind k : BadKind.values()) {
                bad.put(k, 0);
            }
        }

        Summary run(Worksheet ws) throws IOException {
            List<Person> members = new ArrayList<>(6);
            while (row < o.rows()) {
                int area = pickArea();
                int size = Math.min(householdSize(), o.rows() - row);
                household(members, size, area);
                String key = householdKey(area);
                String address = address(area);
                boolean nonLocal = rnd.nextInt(100) < 2;
                String businessPlace = nonLocal ? businessPlace(area) : null;
                CustomerType householdType = pick(nonLocal ? NON_LOCAL_TYPE_PERCENT : TYPE_PERCENT);
                households++;
                for (Person p : members) {
                    p.type = rnd.nextInt(100) < 80 ? householdType : pick(TYPE_PERCENT);
                    writeRow(ws, p, area, key, address, nonLocal, businessPlace);
                    row++;
                    if (row % FLUSH_EVERY == 0) {
                        ws.flush();
                    }
                }
            }
            return new Summary(row, households, bad);
        }

        private void writeRow(
                Worksheet ws, Person p, int area, String key, String address, boolean nonLocal, String businessPlace) {
            BadKind kind = badKind(p);
            String id = residentId(p, kind);
            String phone = kind == BadKind.MISSING_PHONE ? null : phone(kind == BadKind.SHORT_PHONE);
            boolean male = p.male;
            LocalDate birth = p.birth;
            if (kind == BadKind.DUPLICATE_ID) {
                // the copied ID describes someone else: the row's gender and birth date follow it
                ResidentId copied = ResidentId.parse(id).id();
                male = copied.gender() == 'M';
                birth = copied.birthDate();
            }
            Arrays.fill(cells, null);
            cells[COL_AREA] = areas[area];
            cells[COL_HOUSEHOLD] = key;
            cells[COL_RELATIONSHIP] = FilingColumns.label(p.relationship);
            cells[COL_NAME] = p.name;
            cells[COL_RESIDENT_ID] = id;
            cells[COL_GENDER] = rnd.nextInt(100) < 3 ? null : (male ? "男" : "女");
            cells[COL_BIRTH_DATE] = rnd.nextInt(100) < 10 ? null : birth.toString();
            cells[COL_PHONE] = phone;
            cells[COL_ADDRESS] = address;
            cells[COL_TYPE] = FilingColumns.label(p.type);
            cells[COL_OCCUPATION] = rnd.nextInt(100) < 10 ? null : occupation(p);
            cells[COL_EMPLOYER] = employer(p, area);
            cells[COL_RESIDENCE] = nonLocal ? "外地" : (rnd.nextInt(100) < 85 ? "本地" : null);
            cells[COL_BUSINESS_PLACE] = businessPlace;
            int r = row + 1;
            for (int c = 0; c < cells.length; c++) {
                if (cells[c] != null) {
                    ws.inlineString(r, c, cells[c]);
                }
            }
        }

        /** Bad rows fall where floor(i * fraction) steps up, so they are spread evenly; kinds take turns. */
        private BadKind badKind(Person p) {
            double f = o.badFraction();
            if (Math.floor((row + 1) * f + 1e-9) == Math.floor(row * f + 1e-9)) {
                return null;
            }
            BadKind[] kinds = BadKind.values();
            for (int attempt = 0; attempt < kinds.length; attempt++) {
                BadKind k = kinds[nextKind++ % kinds.length];
                if (k == BadKind.DUPLICATE_ID && recent[p.male ? 1 : 0].size() == 0) {
                    continue; // nothing earlier to copy yet
                }
                bad.merge(k, 1, Integer::sum);
                return k;
            }
            throw new IllegalStateException("no bad kind possible");
        }

        private String residentId(Person p, BadKind kind) {
            if (kind == BadKind.DUPLICATE_ID) {
                return recent[p.male ? 1 : 0].pick(rnd);
            }
            String prefix = rnd.nextInt(100) < 90 ? OLD_PREFIX : NEW_PREFIX;
            LocalDate birth = p.birth;
            int year = birth.getYear();
            int month = birth.getMonthValue();
            int day = birth.getDayOfMonth();
            if (kind == BadKind.IMPOSSIBLE_BIRTH_DATE) {
                switch (rnd.nextInt(4)) {
                    case 0 -> month = 13;
                    case 1 -> month = 0;
                    case 2 -> day = 32;
                    default -> {
                        month = 2;
                        day = 30;
                    }
                }
            }
            long prefixAndDate = Long.parseLong(prefix) * 100_000_000L + year * 10_000L + month * 100L + day;
            long digits;
            int attempts = 0;
            do {
                // sequence: two digits of the registering station, then one whose parity is the gender
                int seq = rnd.nextInt(100) * 10 + rnd.nextInt(5) * 2 + (p.male ? 1 : 0);
                digits = prefixAndDate * 1000 + seq;
                if (++attempts > 200) {
                    // this birthday is crowded: the person was born a day earlier
                    birth = birth.minusDays(1);
                    p.birth = birth;
                    return residentId(p, kind);
                }
            } while (!ids.add(digits));
            String first17 = pad17(digits);
            String id = ResidentId.complete(first17);
            if (kind == BadKind.CHECK_CHARACTER) {
                char right = id.charAt(17);
                char wrong;
                do {
                    wrong = CHECK_CHARS[rnd.nextInt(CHECK_CHARS.length)];
                } while (wrong == right);
                return first17 + wrong;
            }
            if (kind == null) {
                recent[p.male ? 1 : 0].add(id);
            }
            return id;
        }

        private String pad17(long digits) {
            sb.setLength(0);
            String s = Long.toString(digits);
            for (int i = s.length(); i < 17; i++) {
                sb.append('0');
            }
            return sb.append(s).toString();
        }

        private String phone(boolean shortOne) {
            sb.setLength(0);
            sb.append(MOBILE_PREFIXES[rnd.nextInt(MOBILE_PREFIXES.length)]);
            int rest = shortOne ? 7 : 8;
            for (int i = 0; i < rest; i++) {
                sb.append((char) ('0' + rnd.nextInt(10)));
            }
            return sb.toString();
        }

        // ---- households

        private int householdSize() {
            int r = rnd.nextInt(100);
            for (int i = 0; i < HOUSEHOLD_SIZE_PERCENT.length; i++) {
                r -= HOUSEHOLD_SIZE_PERCENT[i];
                if (r < 0) {
                    return i + 1;
                }
            }
            return HOUSEHOLD_SIZE_PERCENT.length;
        }

        private void household(List<Person> members, int size, int area) {
            members.clear();
            Person rep = new Person();
            rep.relationship = Relationship.SELF;
            rep.male = rnd.nextInt(100) < (size == 1 ? 60 : 85);
            int repAge = representativeAge(size);
            rep.birth = birthFor(repAge);
            String repSurname = surname();
            rep.name = repSurname + givenName(rep.male, rep.birth.getYear());
            members.add(rep);
            // the family name children carry: the husband's
            String familySurname = repSurname;
            boolean spouse = false;
            int parents = 0;
            boolean parentMale = rnd.nextBoolean();
            int grandparents = 0;
            boolean grandparentMale = rnd.nextBoolean();
            int children = 0;
            int inLaws = 0;
            for (int m = 1; m < size; m++) {
                Relationship rel;
                if (m == 1 && repAge >= 22 && rnd.nextInt(100) < 80) {
                    rel = Relationship.SPOUSE;
                } else {
                    rel = memberRelationship(repAge, spouse, parents, grandparents, children, inLaws);
                }
                Person p = new Person();
                p.relationship = rel;
                int age;
                String name;
                switch (rel) {
                    case SPOUSE -> {
                        spouse = true;
                        p.male = !rep.male;
                        int gap = rnd.nextInt(7) - 1; // the husband 1 year younger to 5 years older
                        age = clampAge(rep.male ? repAge - gap : repAge + gap);
                        age = Math.max(age, 20);
                        name = surnameOtherThan(repSurname);
                        if (p.male) {
                            familySurname = name;
                        }
                    }
                    case CHILD -> {
                        children++;
                        p.male = rnd.nextBoolean();
                        age = ageBetween(repAge - 35, repAge - 20);
                        name = familySurname;
                    }
                    case PARENT -> {
                        p.male = parents == 0 ? parentMale : !parentMale;
                        parents++;
                        age = ageBetween(repAge + 20, repAge + 35);
                        name = p.male ? repSurname : surnameOtherThan(repSurname);
                    }
                    case SIBLING -> {
                        p.male = rnd.nextBoolean();
                        age = ageBetween(repAge - 10, repAge + 10);
                        name = repSurname;
                    }
                    case GRANDCHILD -> {
                        p.male = rnd.nextBoolean();
                        age = ageBetween(repAge - 65, repAge - 40);
                        name = familySurname;
                    }
                    case GRANDPARENT -> {
                        p.male = grandparents == 0 ? grandparentMale : !grandparentMale;
                        grandparents++;
                        age = ageBetween(repAge + 45, repAge + 65);
                        name = p.male ? repSurname : surnameOtherThan(repSurname);
                    }
                    case CHILD_IN_LAW -> {
                        inLaws++;
                        p.male = rnd.nextBoolean();
                        age = ageBetween(Math.max(repAge - 36, 20), repAge - 19);
                        name = surnameOtherThan(familySurname);
                    }
                    default -> {
                        p.male = rnd.nextBoolean();
                        age = ageBetween(MIN_AGE, 80);
                        name = surname();
                    }
                }
                p.birth = birthFor(age);
                p.name = name + givenName(p.male, p.birth.getYear());
                for (int tries = 0; tries < 10 && sameName(members, p.name); tries++) {
                    p.name = name + givenName(p.male, p.birth.getYear());
                }
                members.add(p);
            }
            // as a household register lists them: the representative, spouse, elders, then the young
            members.sort(Comparator.comparingInt(m -> LISTING_ORDER.indexOf(m.relationship)));
        }

        private static boolean sameName(List<Person> members, String name) {
            for (Person m : members) {
                if (m.name.equals(name)) {
                    return true;
                }
            }
            return false;
        }

        /** A further member's relationship among those the representative's age and the household allow. */
        private Relationship memberRelationship(
                int repAge, boolean spouse, int parents, int grandparents, int children, int inLaws) {
            Relationship[] options = new Relationship[MEMBER_WEIGHTS.size()];
            int[] weights = new int[options.length];
            int n = 0;
            int total = 0;
            for (Relationship r : Relationship.values()) {
                Integer w = MEMBER_WEIGHTS.get(r);
                if (w == null) {
                    continue;
                }
                boolean possible = switch (r) {
                    case SPOUSE -> !spouse && repAge >= 20;
                    case CHILD -> repAge - 20 >= MIN_AGE;
                    // parents live with a representative past 35 (else one of them would represent)
                    case PARENT -> parents < 2 && repAge >= 35 && repAge + 20 <= MAX_AGE;
                    case GRANDCHILD -> repAge - 40 >= MIN_AGE;
                    case GRANDPARENT -> grandparents < 2 && repAge >= 25 && repAge + 45 <= MAX_AGE;
                    case CHILD_IN_LAW -> inLaws < children && repAge - 19 >= 20;
                    default -> true;
                };
                if (possible) {
                    options[n] = r;
                    weights[n++] = w;
                    total += w;
                }
            }
            int x = rnd.nextInt(total);
            for (int i = 0; i < n; i++) {
                x -= weights[i];
                if (x < 0) {
                    return options[i];
                }
            }
            return options[n - 1];
        }

        /** 18-80; a household of four or more is seldom represented by someone under 30. */
        private int representativeAge(int size) {
            int age = bandedAge();
            for (int i = 0; i < 3 && size >= 4 && age < 30; i++) {
                age = bandedAge();
            }
            return age;
        }

        private int bandedAge() {
            int x = rnd.nextInt(100);
            for (int[] band : REPRESENTATIVE_AGES) {
                x -= band[2];
                if (x < 0) {
                    return band[0] + rnd.nextInt(band[1] - band[0] + 1);
                }
            }
            return 45;
        }

        private int ageBetween(int from, int to) {
            int lo = Math.max(from, MIN_AGE);
            int hi = Math.min(to, MAX_AGE);
            return hi <= lo ? clampAge(lo) : lo + rnd.nextInt(hi - lo + 1);
        }

        private static int clampAge(int age) {
            return Math.max(MIN_AGE, Math.min(MAX_AGE, age));
        }

        /** A birth date on which the person is {@code age} years old on the as-of day. */
        private LocalDate birthFor(int age) {
            LocalDate latest = LocalDate.ofEpochDay(asOfDay).minusYears(age);
            return latest.minusDays(rnd.nextInt(365));
        }

        private String surname() {
            if (rnd.nextInt(1000) < 3) {
                return COMPOUND_SURNAMES[rnd.nextInt(COMPOUND_SURNAMES.length)];
            }
            return SURNAMES[rnd.nextInt(SURNAMES.length)];
        }

        private String surnameOtherThan(String s) {
            String t;
            do {
                t = surname();
            } while (t.equals(s));
            return t;
        }

        private String givenName(boolean male, int birthYear) {
            int era = birthYear < 1970 ? 0 : birthYear < 1990 ? 1 : 2;
            String[] pool = (male ? MALE_GIVEN : FEMALE_GIVEN)[era];
            return pool[rnd.nextInt(pool.length)];
        }

        // ---- places and work

        private int pickArea() {
            double x = rnd.nextDouble() * areaCumulative[areaCumulative.length - 1];
            int i = Arrays.binarySearch(areaCumulative, x);
            return Math.min(i < 0 ? -i - 1 : i, areaCumulative.length - 1);
        }

        private String householdKey(int area) {
            int seq = ++householdSeq[area];
            sb.setLength(0);
            sb.append('H').append(areas[area]);
            String s = Integer.toString(seq);
            for (int i = s.length(); i < 4; i++) {
                sb.append('0');
            }
            return sb.append(s).toString();
        }

        private String address(int area) {
            sb.setLength(0);
            sb.append(addressStems[area]);
            if (community[area]) {
                sb.append(1 + rnd.nextInt(30))
                        .append("号楼")
                        .append(1 + rnd.nextInt(4))
                        .append("单元")
                        .append(1 + rnd.nextInt(6))
                        .append('0')
                        .append(1 + rnd.nextInt(4))
                        .append('室');
            } else {
                sb.append(1 + rnd.nextInt(400)).append('号');
            }
            return sb.toString();
        }

        private String businessPlace(int area) {
            return "山东省济南市章丘区" + townships[area] + ROADS[rnd.nextInt(ROADS.length)] + "路" + (1 + rnd.nextInt(300))
                    + "号";
        }

        private String occupation(Person p) {
            String[] pool = OCCUPATIONS[p.type.ordinal()];
            String occupation = pool[rnd.nextInt(pool.length)];
            if (occupation.equals("退休") && p.birth.getYear() > o.asOf().getYear() - 55) {
                return "务工";
            }
            return occupation;
        }

        private String employer(Person p, int area) {
            return switch (p.type) {
                case PUBLIC_STAFF ->
                    rnd.nextInt(100) < 25 && !townships[area].isEmpty()
                            ? "章丘区" + townships[area] + (townships[area].endsWith("镇") ? "人民政府" : "办事处")
                            : PUBLIC_EMPLOYERS[rnd.nextInt(PUBLIC_EMPLOYERS.length)];
                case SMALL_BUSINESS_OWNER -> company();
                case INDIVIDUAL_BUSINESS ->
                    rnd.nextBoolean()
                            ? p.name.substring(0, 1) + "记" + SHOP_TRADES[rnd.nextInt(SHOP_TRADES.length)]
                            : null;
                case COMMUNITY_RESIDENT -> rnd.nextInt(100) < 40 ? company() : null;
                default -> null;
            };
        }

        private String company() {
            return "济南章丘" + COMPANY_WORDS[rnd.nextInt(COMPANY_WORDS.length)]
                    + COMPANY_TRADES[rnd.nextInt(COMPANY_TRADES.length)] + "有限公司";
        }

        private CustomerType pick(int[] percents) {
            int x = rnd.nextInt(100);
            for (int i = 0; i < percents.length; i++) {
                x -= percents[i];
                if (x < 0) {
                    return CustomerType.values()[i];
                }
            }
            return CustomerType.FARMER;
        }
    }

    // ---- helpers

    /** 村民委员会 / 社区居民委员会 → the short names people use (洪家园村, 明一社区). */
    static String shortName(String official) {
        String n = official.strip();
        if (n.endsWith("社区居民委员会")) {
            return n.substring(0, n.length() - "居民委员会".length());
        }
        if (n.endsWith("村村民委员会")) {
            return n.substring(0, n.length() - "村民委员会".length());
        }
        if (n.endsWith("村民委员会")) {
            return n.substring(0, n.length() - "民委员会".length());
        }
        if (n.endsWith("类似居委会")) {
            return n.substring(0, n.length() - "类似居委会".length());
        }
        return n;
    }

    /** Residents' committees (codes xxx001-199, or a 居委会 by name) have flats, villages have house numbers. */
    static boolean isCommunity(String code, String official) {
        if (official.contains("村民委员会")) {
            return false;
        }
        if (official.contains("居民委员会") || official.contains("居委会") || official.contains("社区")) {
            return true;
        }
        return code.length() == 12 && Integer.parseInt(code.substring(9)) < 200;
    }

    private static String[] split(String words) {
        return words.strip().split("\\s+");
    }

    /** Characters of each group, each repeated by the group's weight. */
    private static String[] weighted(Object... groupsAndWeights) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < groupsAndWeights.length; i += 2) {
            String group = (String) groupsAndWeights[i];
            int weight = (Integer) groupsAndWeights[i + 1];
            group.codePoints().forEach(cp -> {
                for (int k = 0; k < weight; k++) {
                    out.add(Character.toString(cp));
                }
            });
        }
        return out.toArray(String[]::new);
    }

    /** The shipped division codes of 章丘区: village code → official name, township code → name. */
    private static final class Divisions {
        static final Divisions INSTANCE = new Divisions();

        final Map<String, String> villages = new LinkedHashMap<>();
        final Map<String, String> townships = new HashMap<>();

        private Divisions() {
            read(VILLAGES, f -> villages.put(f[0], f[1]));
            read(STREETS, f -> townships.put(f[0], f[1]));
        }

        private static void read(String resource, Consumer<String[]> row) {
            InputStream in = FilingDataGenerator.class.getClassLoader().getResourceAsStream(resource);
            if (in == null) {
                throw new IllegalStateException("missing classpath resource " + resource);
            }
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                r.readLine(); // header
                String line;
                while ((line = r.readLine()) != null) {
                    String[] f = line.split(",", -1);
                    if (f.length >= 2 && !f[0].isBlank()) {
                        row.accept(new String[] {f[0].strip(), unquote(f[1])});
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static String unquote(String s) {
            String t = s.strip();
            return t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"") ? t.substring(1, t.length() - 1) : t;
        }
    }

    /** IDs (their 17 digits as a long) handed out so far: open addressing, 0 is empty. */
    static final class LongSet {
        private long[] slots;
        private int size;

        LongSet(int expected) {
            slots = new long[Integer.highestOneBit(Math.min(Math.max(expected, 8), 1 << 28) * 2 - 1) << 1];
        }

        /** Adds {@code v} (not 0); false if it was there already. */
        boolean add(long v) {
            if (size * 2 >= slots.length) {
                grow();
            }
            int mask = slots.length - 1;
            int i = mix(v) & mask;
            while (slots[i] != 0) {
                if (slots[i] == v) {
                    return false;
                }
                i = (i + 1) & mask;
            }
            slots[i] = v;
            size++;
            return true;
        }

        int size() {
            return size;
        }

        private void grow() {
            long[] old = slots;
            slots = new long[old.length * 2];
            size = 0;
            for (long v : old) {
                if (v != 0) {
                    add(v);
                }
            }
        }

        private static int mix(long v) {
            v ^= v >>> 33;
            v *= 0xff51afd7ed558ccdL;
            v ^= v >>> 33;
            return (int) v;
        }
    }

    /** The last few good IDs, to copy one into a duplicate row. */
    private static final class IdRing {
        private final String[] ids;
        private int count;

        IdRing(int capacity) {
            ids = new String[capacity];
        }

        void add(String id) {
            ids[count++ % ids.length] = id;
        }

        int size() {
            return Math.min(count, ids.length);
        }

        String pick(SplittableRandom rnd) {
            return ids[rnd.nextInt(size())];
        }
    }
}
