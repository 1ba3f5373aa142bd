package sunshine.review.booklet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.xml.parsers.DocumentBuilderFactory;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The booklet as a workbook: same columns, protected but for the blank cells, numbers only, version kept. */
class BookletXlsxTest {

    final BookletXlsx xlsx = new BookletXlsx("test");

    @Test
    void coverThenTable_headerAsThePaper_oneRowPerHousehold_maskedIds_hiddenHouseholdIds() throws Exception {
        BookletContent c = SampleBooklet.of(25);
        byte[] file = write(c, 1);
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(file))) {
            List<Sheet> sheets = wb.getSheets().toList();
            assertThat(sheets).extracting(Sheet::getName).containsExactly("封面", "评议表");
            List<Row> rows = sheets.get(1).read();
            Row header = rows.get(BookletXlsx.HEADER_ROW);
            assertThat(header.getCellText(0)).isEqualTo("序号");
            assertThat(header.getCellText(1)).isEqualTo("家庭授信代表");
            assertThat(header.getCellText(10)).isEqualTo("建议授信额度（万元）");
            assertThat(header.getCellText(13)).startsWith("信息更正");
            List<Row> data = rows.subList(BookletXlsx.HEADER_ROW + 1, rows.size());
            assertThat(data).hasSize(25);
            Row second = data.get(1);
            assertThat(second.getCellText(0)).isEqualTo("2");
            assertThat(second.getCellText(1)).isEqualTo("李伟");
            assertThat(second.getCellText(2)).isEqualTo("陈伟（配偶）\n杨志强（子女）");
            assertThat(second.getCellText(3)).isEqualTo("3701**********0002");
            assertThat(second.getCellText(5)).isEqualTo("13800000002");
            assertThat(second.getCellText(BookletXlsx.HOUSEHOLD_ID_COLUMN)).isEqualTo("1002");
            for (int col = 6; col < 14; col++) {
                assertThat(second.getCellText(col)).as("blank column " + col).isEmpty();
            }
            assertThat(rows.get(1).getCellText(BookletXlsx.HOUSEHOLD_ID_COLUMN)).isEqualTo("P42-V3-C1");
        }
        Map<String, String> parts = unzip(file);
        assertThat(parts.get("xl/workbook.xml"))
                .contains("name=\"BookletVersion\"")
                .contains("$O$2");
        assertThat(parts.get("docProps/custom.xml")).contains("BookletVersion").contains("P42-V3-C1");
        assertThat(parts.get("xl/worksheets/sheet2.xml"))
                .contains("<col min=\"15\" max=\"15\"")
                .contains("hidden=\"true\"");
    }

    @Test
    void bothSheetsProtected_onlyTheBlankCellsUnlocked_exceptInTheMembersOwnHousehold() throws Exception {
        // copy 3: 赵志强's own household is row 2 (sheet row 5)
        Map<String, String> parts = unzip(write(SampleBooklet.of(4), 3));
        Document sheet = xml(parts.get("xl/worksheets/sheet2.xml"));
        assertThat(sheet.getElementsByTagName("sheetProtection").getLength()).isEqualTo(1);
        assertThat(xml(parts.get("xl/worksheets/sheet1.xml"))
                        .getElementsByTagName("sheetProtection")
                        .getLength())
                .isEqualTo(1);
        List<Boolean> locked = lockedByStyle(xml(parts.get("xl/styles.xml")));
        Map<String, Integer> styles = cellStyles(sheet);
        for (String cell : List.of("A4", "B4", "C4", "D4", "E4", "F4", "A5", "B5")) {
            assertThat(locked.get(styles.getOrDefault(cell, 0))).as(cell).isTrue();
        }
        for (String cell : List.of("G4", "K4", "L4", "M4", "N4", "G6", "N7", "N5")) {
            assertThat(locked.get(styles.get(cell))).as(cell).isFalse();
        }
        for (String cell : List.of("G5", "J5", "K5", "M5")) {
            assertThat(locked.get(styles.get(cell))).as(cell + " own household").isTrue();
        }
        assertThat(cellText(sheet, "G5")).isEqualTo("本人家庭 · 回避");
        assertThat(parts.get("xl/worksheets/sheet2.xml")).contains("<mergeCell ref=\"G5:M5\"/>");
    }

    @Test
    void theAmountColumnsTakeOnlyNumbers_andDoNotRecommendOnlyATick() throws Exception {
        Document sheet = xml(unzip(write(SampleBooklet.of(10), 1)).get("xl/worksheets/sheet2.xml"));
        NodeList list = sheet.getElementsByTagName("dataValidation");
        Map<String, String> bySqref = new HashMap<>();
        for (int i = 0; i < list.getLength(); i++) {
            Element e = (Element) list.item(i);
            bySqref.put(e.getAttribute("sqref"), e.getAttribute("type") + " " + e.getTextContent());
        }
        // rows 4..13 hold the ten households; G..K are assets, liabilities, gross and net income, suggestion
        assertThat(bySqref)
                .containsEntry("G4:G13", "custom AND(ISNUMBER(G4),G4>=0,100000>G4)")
                .containsEntry("J4:J13", "custom AND(ISNUMBER(J4),J4>=0,100000>J4)")
                .containsEntry("K4:K13", "custom AND(ISNUMBER(K4),K4>=0,100000>K4)")
                .containsEntry("L4:L13", "list \"√\"")
                .hasSize(6);
    }

    private byte[] write(BookletContent c, int copy) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        xlsx.write(c, copy, out);
        return out.toByteArray();
    }

    static Map<String, String> unzip(byte[] file) throws Exception {
        // read through the central directory, as Excel does (fastexcel's local headers carry no sizes)
        java.nio.file.Path tmp = java.nio.file.Files.createTempFile("booklet", ".xlsx");
        try {
            java.nio.file.Files.write(tmp, file);
            Map<String, String> parts = new HashMap<>();
            try (ZipFile zip = new ZipFile(tmp.toFile())) {
                for (ZipEntry e : java.util.Collections.list(zip.entries())) {
                    parts.put(e.getName(), new String(zip.getInputStream(e).readAllBytes(), StandardCharsets.UTF_8));
                }
            }
            return parts;
        } finally {
            java.nio.file.Files.deleteIfExists(tmp);
        }
    }

    static Document xml(String text) throws Exception {
        return DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** For each cell format (xf) of styles.xml, whether it locks its cells (locked is the default). */
    static List<Boolean> lockedByStyle(Document styles) {
        Element cellXfs = (Element) styles.getElementsByTagName("cellXfs").item(0);
        NodeList xfs = cellXfs.getElementsByTagName("xf");
        List<Boolean> locked = new ArrayList<>();
        for (int i = 0; i < xfs.getLength(); i++) {
            NodeList p = ((Element) xfs.item(i)).getElementsByTagName("protection");
            String value = p.getLength() == 0 ? "" : ((Element) p.item(0)).getAttribute("locked");
            locked.add(!(value.equals("false") || value.equals("0")));
        }
        return locked;
    }

    static String cellText(Document sheet, String ref) {
        NodeList cells = sheet.getElementsByTagName("c");
        for (int i = 0; i < cells.getLength(); i++) {
            Element c = (Element) cells.item(i);
            if (c.getAttribute("r").equals(ref)) {
                return c.getTextContent();
            }
        }
        return null;
    }

    static Map<String, Integer> cellStyles(Document sheet) {
        Map<String, Integer> styles = new HashMap<>();
        NodeList cells = sheet.getElementsByTagName("c");
        for (int i = 0; i < cells.getLength(); i++) {
            Element c = (Element) cells.item(i);
            styles.put(c.getAttribute("r"), c.hasAttribute("s") ? Integer.parseInt(c.getAttribute("s")) : 0);
        }
        return styles;
    }
}
