package sunshine.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sunshine.customer.FilingColumns;
import sunshine.customer.ResidentId;
import sunshine.demo.FilingDataGenerator.BadKind;
import sunshine.demo.FilingDataGenerator.Options;
import sunshine.demo.FilingDataGenerator.Summary;

/** The generated filing workbook, read back cell by cell and checked without the generator's help. */
class FilingDataGeneratorTest {

    private static final int ROWS = 2_000;
    private static final int AREA = FilingColumns.FIXED.indexOf(FilingColumns.AREA);
    private static final int HOUSEHOLD = FilingColumns.FIXED.indexOf(FilingColumns.HOUSEHOLD);
    private static final int RELATIONSHIP = FilingColumns.FIXED.indexOf(FilingColumns.RELATIONSHIP);
    private static final int NAME = FilingColumns.FIXED.indexOf(FilingColumns.NAME);
    private static final int ID = FilingColumns.FIXED.indexOf(FilingColumns.RESIDENT_ID);
    private static final int GENDER = FilingColumns.FIXED.indexOf(FilingColumns.GENDER);
    private static final int BIRTH = FilingColumns.FIXED.indexOf(FilingColumns.BIRTH_DATE);
    private static final int PHONE = FilingColumns.FIXED.indexOf(FilingColumns.PHONE);
    private static final int ADDRESS = FilingColumns.FIXED.indexOf(FilingColumns.ADDRESS);
    private static final int TYPE = FilingColumns.FIXED.indexOf(FilingColumns.TYPE);
    private static final int RESIDENCE = FilingColumns.FIXED.indexOf(FilingColumns.RESIDENCE);
    private static final int BUSINESS_PLACE = FilingColumns.FIXED.indexOf(FilingColumns.BUSINESS_PLACE);
    private static final Pattern MOBILE = Pattern.compile("1[358]\\d{9}");

    @TempDir
    static Path dir;

    static Path file;
    static Summary summary;
    static List<Row> rows;
    /** Rows whose ID an earlier row has already. */
    static Set<Integer> duplicateRows = new HashSet<>();

    @BeforeAll
    static void generate() throws IOException {
        file = dir.resolve("filing.xlsx");
        long start = System.nanoTime();
        summary = FilingDataGenerator.write(
                file, Options.of(ROWS).withBadFraction(0.02).withSeed(42));
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(
                "FilingDataGenerator: %d rows in %.3f s (%.0f rows/s, first run in this JVM), %d bytes, %s%n",
                summary.rows(), seconds, summary.rows() / seconds, Files.size(file), summary);
        rows = read(file);
        Set<String> seen = new HashSet<>();
        for (Row r : data()) {
            if (!seen.add(text(r, ID))) {
                duplicateRows.add(r.getRowNum());
            }
        }
    }

    @Test
    void theHeaderIsTheFilingColumnsAndDataFollowsFromRowTwo() {
        assertThat(rows.get(0).stream().map(Cell::getText).toList())
                .isEqualTo(FilingColumns.FIXED.stream()
                        .map(FilingColumns.Column::header)
                        .toList());
        assertThat(rows.get(0).getRowNum()).isEqualTo(1);
        assertThat(rows.get(1).getRowNum()).isEqualTo(2);
        assertThat(rows).hasSize(ROWS + 1);
        assertThat(summary.rows()).isEqualTo(ROWS);
    }

    @Test
    void everyCellIsAnInlineStringAndThereIsNoSharedStringsTable() throws IOException {
        for (Row r : data()) {
            assertThat(r.getCell(ID).getType()).as("row %d", r.getRowNum()).isEqualTo(CellType.STRING);
            for (Cell c : r) {
                if (c != null) {
                    assertThat(c.getType()).isEqualTo(CellType.STRING);
                }
            }
        }
        try (ZipFile zip = new ZipFile(file.toFile())) {
            // fastexcel always writes the part; with inline strings it stays empty
            ZipEntry shared = zip.getEntry("xl/sharedStrings.xml");
            if (shared != null) {
                assertThat(new String(zip.getInputStream(shared).readAllBytes()))
                        .doesNotContain("<si>");
            }
            String sheet = new String(
                    zip.getInputStream(zip.getEntry("xl/worksheets/sheet1.xml")).readAllBytes());
            assertThat(sheet).contains("t=\"inlineStr\"").doesNotContain("t=\"s\"");
        }
    }

    @Test
    void badRowsFoundFromTheCellsMatchTheSummaryAndGoodRowsAreValid() {
        Map<BadKind, Integer> found = new EnumMap<>(BadKind.class);
        for (BadKind k : BadKind.values()) {
            found.put(k, 0);
        }
        Set<String> seen = new HashSet<>();
        List<Integer> badRowNumbers = new ArrayList<>();
        for (Row r : data()) {
            List<BadKind> faults = faults(r, seen);
            assertThat(faults).as("row %d", r.getRowNum()).hasSizeLessThanOrEqualTo(1);
            faults.forEach(k -> found.merge(k, 1, Integer::sum));
            if (!faults.isEmpty()) {
                badRowNumbers.add(r.getRowNum());
            } else {
                assertThat(ResidentId.parse(text(r, ID)).valid()).isTrue();
                assertThat(text(r, PHONE)).matches(MOBILE);
            }
        }
        assertThat(found).isEqualTo(summary.bad());
        assertThat(summary.badRows()).isEqualTo((int) (ROWS * 0.02));
        assertThat(found.values()).allSatisfy(n -> assertThat(n).isBetween(6, 10));
        // spread evenly: one bad row in every 50
        for (int i = 1; i < badRowNumbers.size(); i++) {
            assertThat(badRowNumbers.get(i) - badRowNumbers.get(i - 1)).isEqualTo(50);
        }
    }

    @Test
    void everyHouseholdHasOneRepresentativeAndOneToSixMembersInOneAreaAtOneAddress() {
        Map<String, List<Row>> households = new LinkedHashMap<>();
        for (Row r : data()) {
            households
                    .computeIfAbsent(text(r, HOUSEHOLD), k -> new ArrayList<>())
                    .add(r);
        }
        assertThat(households).hasSize(summary.households());
        Set<String> villages = Set.copyOf(FilingDataGenerator.villageCodes());
        assertThat(villages).hasSize(594).allMatch(c -> c.matches("370114\\d{6}"));
        int[] sizes = new int[7];
        for (var e : households.entrySet()) {
            List<Row> members = e.getValue();
            assertThat(members).hasSizeBetween(1, 6);
            sizes[members.size()]++;
            assertThat(members.stream().filter(r -> text(r, RELATIONSHIP).equals("本人")))
                    .hasSize(1);
            assertThat(text(members.get(0), RELATIONSHIP)).isEqualTo("本人");
            String area = text(members.get(0), AREA);
            assertThat(villages).contains(area);
            assertThat(e.getKey()).matches("H" + area + "\\d{4,}");
            assertThat(text(members.get(0), ADDRESS)).startsWith("山东省济南市章丘区").matches(".*(\\d+号|\\d+室)");
            for (Row r : members) {
                assertThat(text(r, AREA)).isEqualTo(area);
                assertThat(text(r, ADDRESS)).isEqualTo(text(members.get(0), ADDRESS));
                assertThat(FilingColumns.RELATIONSHIPS).contains(text(r, RELATIONSHIP));
                assertThat(FilingColumns.TYPES).contains(text(r, TYPE));
                assertThat(text(r, NAME)).matches("\\p{IsHan}{2,4}");
                String residence = text(r, RESIDENCE);
                assertThat(residence).isIn("", "本地", "外地");
                assertThat(text(r, BUSINESS_PLACE).isEmpty()).isEqualTo(!residence.equals("外地"));
            }
        }
        // the household sizes roughly follow 10/25/25/20/12/8 %
        double n = households.size();
        assertThat(sizes[1] / n).isCloseTo(0.10, within(0.04));
        assertThat(sizes[2] / n).isCloseTo(0.25, within(0.05));
        assertThat(sizes[6] / n).isCloseTo(0.08, within(0.04));
    }

    @Test
    void relativesHavePlausibleAges() {
        Map<String, LocalDate> representative = new HashMap<>();
        for (Row r : data()) {
            LocalDate birth = birthFromId(text(r, ID));
            String relationship = text(r, RELATIONSHIP);
            if (relationship.equals("本人")) {
                if (!duplicate(r)) { // a duplicate's ID (so birth date) is another person's
                    representative.put(text(r, HOUSEHOLD), birth);
                }
                int age = age(birth);
                if (birth != null && !duplicate(r)) {
                    assertThat(age).isBetween(18, 81);
                }
                continue;
            }
            LocalDate rep = representative.get(text(r, HOUSEHOLD));
            if (birth == null || rep == null || duplicate(r)) {
                continue;
            }
            int older = rep.getYear() - birth.getYear(); // how much older than the representative
            switch (relationship) {
                case "配偶" -> assertThat(older).isBetween(-6, 6);
                case "子女" -> assertThat(-older).isBetween(17, 36);
                case "父母" -> assertThat(older).isBetween(19, 36);
                default -> {}
            }
            assertThat(age(birth)).isBetween(18, 96);
        }
    }

    @Test
    void genderAndBirthDateAgreeWithTheIdWhereGiven() {
        int genders = 0;
        int births = 0;
        for (Row r : data()) {
            String id = text(r, ID);
            String gender = text(r, GENDER);
            String birth = text(r, BIRTH);
            LocalDate fromId = birthFromId(id);
            if (!gender.isEmpty()) {
                genders++;
                boolean male = (id.charAt(16) - '0') % 2 == 1;
                assertThat(gender).as("row %d", r.getRowNum()).isEqualTo(male ? "男" : "女");
            }
            if (!birth.isEmpty()) {
                births++;
                assertThat(birth).matches("\\d{4}-\\d{2}-\\d{2}");
                if (fromId != null) { // not the deliberately impossible dates
                    assertThat(LocalDate.parse(birth))
                            .as("row %d", r.getRowNum())
                            .isEqualTo(fromId);
                }
            }
            assertThat(id).matches("(370181|370114)\\d{11}[0-9X]");
        }
        // optional columns are mostly filled, sometimes blank
        assertThat(genders).isBetween(ROWS * 90 / 100, ROWS - 1);
        assertThat(births).isBetween(ROWS * 80 / 100, ROWS - 1);
    }

    @Test
    void customerTypesFollowThePlannedShares() {
        Map<String, Integer> types = new HashMap<>();
        for (Row r : data()) {
            types.merge(text(r, TYPE), 1, Integer::sum);
        }
        assertThat(types.get("农户") / (double) ROWS).isCloseTo(0.70, within(0.06));
        assertThat(types.get("社区居民") / (double) ROWS).isCloseTo(0.10, within(0.04));
        assertThat(types.keySet()).containsExactlyInAnyOrderElementsOf(FilingColumns.TYPES);
    }

    @Test
    void theSameSeedGivesTheSameCellsAndAnotherSeedDoesNot() throws IOException {
        Path again = dir.resolve("again.xlsx");
        long start = System.nanoTime();
        Summary s = FilingDataGenerator.write(
                again, Options.of(ROWS).withBadFraction(0.02).withSeed(42));
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(
                "FilingDataGenerator: %d rows again in %.3f s (%.0f rows/s, warmer)%n", ROWS, seconds, ROWS / seconds);
        assertThat(s).isEqualTo(summary);
        assertThat(texts(read(again))).isEqualTo(texts(rows));

        Path other = dir.resolve("other.xlsx");
        FilingDataGenerator.write(other, Options.of(ROWS).withBadFraction(0.02).withSeed(43));
        assertThat(texts(read(other))).isNotEqualTo(texts(rows));
    }

    @Test
    void chosenAreasAndNoBadRows() throws IOException {
        Path small = dir.resolve("small.xlsx");
        List<String> areas = List.of("370114001001", "370114016300", "370114999999");
        Summary s = FilingDataGenerator.write(
                small, Options.of(300).withAreaCodes(areas).withBadFraction(0).withSeed(7));
        assertThat(s.badRows()).isZero();
        List<Row> read = read(small);
        assertThat(read).hasSize(301);
        Set<String> seen = new HashSet<>();
        for (Row r : read.subList(1, read.size())) {
            assertThat(areas).contains(text(r, AREA));
            assertThat(faults(r, seen)).isEmpty();
        }
        assertThat(read.subList(1, read.size()).stream().map(r -> text(r, AREA)))
                .contains(areas.toArray(String[]::new));
        assertThat(read.stream().map(r -> text(r, ADDRESS)))
                .anyMatch(a -> a.startsWith("山东省济南市章丘区明水街道明一社区") && a.endsWith("室"))
                .anyMatch(a -> a.startsWith("山东省济南市章丘区刁镇街道郝家楼村") && a.endsWith("号"));
    }

    // ---- reading

    /** The faults a row shows, found from its cells alone. */
    private static List<BadKind> faults(Row r, Set<String> seenIds) {
        List<BadKind> faults = new ArrayList<>();
        String id = text(r, ID);
        ResidentId.Parsed parsed = ResidentId.parse(id);
        if (!parsed.valid()) {
            switch (parsed.problem()) {
                case CHECKSUM -> faults.add(BadKind.CHECK_CHARACTER);
                case BIRTH_DATE -> faults.add(BadKind.IMPOSSIBLE_BIRTH_DATE);
                default -> throw new AssertionError("row " + r.getRowNum() + ": " + parsed.problem() + " " + id);
            }
        } else if (!seenIds.add(id)) {
            faults.add(BadKind.DUPLICATE_ID);
        }
        String phone = text(r, PHONE);
        if (phone.isEmpty()) {
            faults.add(BadKind.MISSING_PHONE);
        } else if (phone.matches("\\d{10}")) {
            faults.add(BadKind.SHORT_PHONE);
        } else {
            assertThat(phone).matches(MOBILE);
        }
        return faults;
    }

    private static boolean duplicate(Row r) {
        return duplicateRows.contains(r.getRowNum());
    }

    private static LocalDate birthFromId(String id) {
        try {
            return LocalDate.of(
                    Integer.parseInt(id.substring(6, 10)),
                    Integer.parseInt(id.substring(10, 12)),
                    Integer.parseInt(id.substring(12, 14)));
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static int age(LocalDate birth) {
        return birth == null ? -1 : birth.until(Options.DEFAULT_AS_OF).getYears();
    }

    private static List<Row> data() {
        return rows.subList(1, rows.size());
    }

    private static String text(Row r, int column) {
        return r.getOptionalCell(column).map(Cell::getText).orElse("");
    }

    private static List<List<String>> texts(List<Row> rows) {
        return rows.stream()
                .map(r -> FilingColumns.FIXED.stream()
                        .map(c -> text(r, FilingColumns.FIXED.indexOf(c)))
                        .toList())
                .toList();
    }

    private static List<Row> read(Path xlsx) throws IOException {
        try (ReadableWorkbook wb = new ReadableWorkbook(xlsx.toFile())) {
            return wb.getFirstSheet().read();
        }
    }
}
