package sunshine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import sunshine.customer.ResidentId;

/** Exporting the customers of a scope as xlsx and CSV: masked, formula-safe, scoped, audited (filing issue point 8). */
@PlatformTest
class CustomerExportTest {

    static final String PLAIN = ResidentId.complete("370181" + "19630817" + "971");
    static final String TRICKY = ResidentId.complete("370181" + "19630817" + "972");
    static final String ELSEWHERE = ResidentId.complete("370181" + "19630817" + "973");
    static final String TRICKY_NAME = "+王五";
    static final String FORMULA = "=HYPERLINK(\"http://example.com\",\"点击\")";
    static final String ADDRESS = "山东省济南市章丘区明水街道百脉泉路9号";

    static final List<String> HEADERS = List.of(
            "区域代码", "户号", "与授信代表关系", "姓名", "身份证号", "性别", "出生日期", "手机号码", "家庭住址", "客户类型", "职业", "工作单位", "户籍类型", "经营地点");

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    Fixtures fx;
    long area;
    long otherArea;
    long plainId;

    @BeforeEach
    void customers() {
        fx = new Fixtures(jdbc);
        area = fx.firstArea(fx.branch("ZQRCB", "B01"));
        otherArea = fx.firstArea(fx.branch("ZQRCB", "B02"));
        plainId = fx.customerIn(area, PLAIN, "赵普通");
        long tricky = fx.customerIn(area, TRICKY, "王五");
        // what a workbook or a hostile user could have put into a file: values a spreadsheet would run
        jdbc.sql("update customer set name = :n, occupation = :o, address = :a, phone = '13912345678' where id = :id")
                .param("n", TRICKY_NAME)
                .param("o", FORMULA)
                .param("a", ADDRESS)
                .param("id", tricky)
                .update();
        fx.customerIn(otherArea, ELSEWHERE, "钱别处");
    }

    MockHttpServletResponse export(MockHttpSession session, String url) throws Exception {
        return mvc.perform(get(url).session(session)).andReturn().getResponse();
    }

    static String masked(String id) {
        return id.substring(0, 4) + "**********" + id.substring(14);
    }

    @Test
    void anAccountManagerExportsTheBranchAsXlsx_maskedFormulaSafeAndAsText() throws Exception {
        MockHttpSession am = Logins.as(mvc, "b01_am1");
        long before = lastAuditId();
        MockHttpServletResponse r = mvc.perform(
                        get("/customers/export?format=xlsx").session(am))
                .andExpect(status().isOk())
                .andExpect(header().string(
                                "Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .andReturn()
                .getResponse();
        String disposition = r.getHeader("Content-Disposition");
        assertThat(disposition)
                .startsWith("attachment;")
                .contains("filename*=UTF-8''" + URLEncoder.encode("客户档案-", StandardCharsets.UTF_8))
                .matches(".*filename\\*=UTF-8''[%0-9A-F]+-\\d{8}-\\d{4}\\.xlsx$");

        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(r.getContentAsByteArray()))) {
            Sheet sheet = wb.getFirstSheet();
            assertThat(sheet.getName()).isEqualTo("客户档案");
            List<Row> rows = sheet.read();
            List<String> header = texts(rows.get(0));
            assertThat(header.subList(0, HEADERS.size())).isEqualTo(HEADERS);
            assertThat(header.get(header.size() - 2)).isEqualTo("状态");
            assertThat(header.get(header.size() - 1)).isEqualTo("建档时间");

            Row plain = rowOf(rows, masked(PLAIN)).orElseThrow();
            Cell id = plain.getCell(4);
            assertThat(id.getType()).isEqualTo(CellType.STRING);
            assertThat(id.getText()).isEqualTo(masked(PLAIN)).matches("3701\\*{10}\\d{3}[\\dX]");
            assertThat(plain.getCell(3).getText()).isEqualTo("赵普通");
            assertThat(plain.getCell(2).getText()).isEqualTo("本人");
            assertThat(plain.getCell(0).getText()).endsWith(" " + areaName(area));
            assertThat(plain.getCell(1).getText()).isEqualTo(String.valueOf(fx.householdOf(plainId)));
            assertThat(plain.getCell(5).getText()).isEqualTo("男");
            assertThat(plain.getCell(6).getText()).isEqualTo("1980-01-01");
            assertThat(plain.getCell(7).getText()).isEqualTo("138****0000");
            assertThat(plain.getCell(9).getText()).isEqualTo("农户");
            assertThat(plain.getCell(header.size() - 2).getText()).isEqualTo("正常");
            assertThat(plain.getCell(header.size() - 1).getText()).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}");

            Row tricky = rowOf(rows, masked(TRICKY)).orElseThrow();
            assertThat(tricky.getCell(3).getText()).isEqualTo("'" + TRICKY_NAME);
            assertThat(tricky.getCell(10).getText()).isEqualTo("'" + FORMULA);
            assertThat(tricky.getCell(7).getText()).isEqualTo("139****5678");
            assertThat(tricky.getCell(8).getText()).isEqualTo("山东省济南市****");
            // no cell anywhere is a formula, and every written cell is text
            rows.forEach(row -> row.stream()
                    .filter(c -> c != null && c.getType() != CellType.EMPTY)
                    .forEach(c -> assertThat(c.getType()).isEqualTo(CellType.STRING)));

            // another branch's customer is not in an account manager's export
            assertThat(rowOf(rows, masked(ELSEWHERE))).isEmpty();
            assertThat(rows.stream().flatMap(row -> texts(row).stream())).doesNotContain("钱别处");
        }
        assertThat(auditActionsSince(before)).containsExactly("EXPORT");

        // inline strings (no shared-strings table to grow), column widths, the header row frozen and bold
        String sheetXml = zipEntry(r.getContentAsByteArray(), "xl/worksheets/sheet1.xml");
        assertThat(sheetXml)
                .contains("t=\"inlineStr\"")
                .contains("<cols>")
                .contains("ySplit=\"1\"")
                .contains("state=\"frozen\"")
                .doesNotContain("t=\"s\"")
                .doesNotContain("<f>");
        assertThat(zipEntry(r.getContentAsByteArray(), "xl/styles.xml")).contains("<b/>");
    }

    static String zipEntry(byte[] xlsx, String name) throws Exception {
        Path file = Files.createTempFile("export", ".xlsx");
        try {
            Files.write(file, xlsx);
            try (ZipFile zip = new ZipFile(file.toFile())) {
                ZipEntry e = zip.getEntry(name);
                assertThat(e).as(name).isNotNull();
                return new String(zip.getInputStream(e).readAllBytes(), StandardCharsets.UTF_8);
            }
        } finally {
            Files.delete(file);
        }
    }

    @Test
    void theCsvHasABom_crlfLines_andNeutralisedValues() throws Exception {
        MockHttpSession am = Logins.as(mvc, "b01_am1");
        MockHttpServletResponse r = mvc.perform(get("/api/v1/customers/export?format=csv&areaId=" + area)
                        .session(am))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse();
        assertThat(r.getContentType()).startsWith("text/csv").containsIgnoringCase("charset=UTF-8");
        assertThat(r.getHeader("Content-Disposition")).endsWith(".csv");
        byte[] bytes = r.getContentAsByteArray();
        assertThat(Arrays.copyOf(bytes, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        assertThat(text).startsWith(String.join(",", HEADERS)).endsWith("\r\n");
        assertThat(text.replace("\r\n", "")).doesNotContain("\n");
        String line = Arrays.stream(text.split("\r\n"))
                .filter(l -> l.contains(masked(TRICKY)))
                .findFirst()
                .orElseThrow();
        assertThat(line)
                .contains(",'" + TRICKY_NAME + ",")
                // a comma and quotes inside: one quoted field, the apostrophe inside the quotes
                .contains(",\"'=HYPERLINK(\"\"http://example.com\"\",\"\"点击\"\")\",")
                .doesNotContain(TRICKY)
                .doesNotContain(ADDRESS);
        assertThat(text).doesNotContain(masked(ELSEWHERE)).doesNotContain("钱别处");
    }

    @Test
    void theBanksTemplateFieldsFollowTheFixedColumns_fromTheFilesExtra() throws Exception {
        long bank = fx.bank("ZQRCB");
        jdbc.sql("insert into filing_field (bank_id, key, label_zh, label_en, kind, required, position)"
                        + " values (:b, 'exportTestNote', '导出测试备注', 'Export test note', 'TEXT', false, 999)")
                .param("b", bank)
                .update();
        jdbc.sql("update customer set extra = cast(:e as jsonb) where resident_id = :r")
                .param("e", "{\"exportTestNote\":\"@SUM(1,2)\"}")
                .param("r", TRICKY)
                .update();
        try {
            MockHttpSession am = Logins.as(mvc, "b01_am1");
            String text = export(am, "/customers/export?format=csv&areaId=" + area)
                    .getContentAsString(StandardCharsets.UTF_8);
            String[] lines = text.split("\r\n");
            List<String> header = List.of(lines[0].substring(1).split(","));
            assertThat(header.subList(0, HEADERS.size())).isEqualTo(HEADERS);
            assertThat(header.get(HEADERS.size())).isEqualTo("导出测试备注");
            assertThat(header.get(header.size() - 2)).isEqualTo("状态");
            String line = Arrays.stream(lines)
                    .filter(l -> l.contains(masked(TRICKY)))
                    .findFirst()
                    .orElseThrow();
            assertThat(line).contains(",\"'@SUM(1,2)\",正常,");
        } finally {
            jdbc.sql("update customer set extra = '{}'::jsonb where resident_id = :r")
                    .param("r", TRICKY)
                    .update();
            jdbc.sql("delete from filing_field where bank_id = :b and key = 'exportTestNote'")
                    .param("b", bank)
                    .update();
        }
    }

    @Test
    void headOfficeBusinessDevelopmentExportsUnmasked_andItIsAudited() throws Exception {
        MockHttpSession bd = Logins.as(mvc, "ho_bd");
        long before = lastAuditId();
        MockHttpServletResponse r = mvc.perform(get("/customers/export?format=csv&unmasked=true&areaId=" + area)
                        .session(bd))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse();
        String text = r.getContentAsString(StandardCharsets.UTF_8);
        assertThat(text).contains(PLAIN).contains(TRICKY).contains(ADDRESS).contains("13912345678");
        long rows = text.split("\r\n").length - 1;
        assertThat(auditActionsSince(before)).containsExactly("EXPORT_UNMASKED");
        String after = jdbc.sql("select after_json from audit_log where id > :id and action = 'EXPORT_UNMASKED'")
                .param("id", before)
                .query(String.class)
                .single();
        assertThat(after).contains("\"rows\":" + rows).contains("\"areaId\":" + area);

        // the whole bank as a workbook: both branches' customers, in full
        MockHttpServletResponse all = export(bd, "/api/v1/customers/export?format=xlsx&unmasked=true");
        assertThat(all.getStatus()).isEqualTo(200);
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(all.getContentAsByteArray()))) {
            List<Row> sheet = wb.getFirstSheet().read();
            assertThat(rowOf(sheet, ELSEWHERE)).isPresent();
            assertThat(rowOf(sheet, PLAIN).orElseThrow().getCell(4).getType()).isEqualTo(CellType.STRING);
        }
    }

    @Test
    void anAccountManagerAskingForUnmaskedIsRefused_andAnUnknownFormatIsABadRequest() throws Exception {
        MockHttpSession am = Logins.as(mvc, "b01_am1");
        long before = lastAuditId();
        mvc.perform(get("/customers/export?format=xlsx&unmasked=true").session(am))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/customers/export?format=csv&unmasked=true").session(am))
                .andExpect(status().isForbidden());
        assertThat(auditActionsSince(before)).doesNotContain("EXPORT", "EXPORT_UNMASKED");
        mvc.perform(get("/api/v1/customers/export?format=pdf").session(am)).andExpect(status().isBadRequest());
        // a branch outside the manager's scope answers like a missing one
        long b02 = fx.branch("ZQRCB", "B02");
        mvc.perform(get("/api/v1/customers/export?format=csv&branchId=" + b02).session(am))
                .andExpect(status().isNotFound());
    }

    Optional<Row> rowOf(List<Row> rows, String residentId) {
        return rows.stream()
                .filter(r -> r.getCellCount() > 4
                        && r.getCell(4) != null
                        && residentId.equals(r.getCell(4).getText()))
                .findFirst();
    }

    static List<String> texts(Row row) {
        return row.stream().map(c -> c == null ? "" : c.getText()).toList();
    }

    String areaName(long id) {
        return jdbc.sql("select name from area where id = :id")
                .param("id", id)
                .query(String.class)
                .single();
    }

    long lastAuditId() {
        return jdbc.sql("select coalesce(max(id), 0) from audit_log")
                .query(Long.class)
                .single();
    }

    List<String> auditActionsSince(long id) {
        return jdbc.sql("select action from audit_log where id > :id and action like 'EXPORT%' order by id")
                .param("id", id)
                .query(String.class)
                .list();
    }
}
