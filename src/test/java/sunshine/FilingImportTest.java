package sunshine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import sunshine.customer.FilingColumns;
import sunshine.customer.ResidentId;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Bulk import of the filing workbook (filing issue, point 7), written as a data-entry clerk would use it. */
@PlatformTest
class FilingImportTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    MockHttpSession clerk;
    String areaCode;
    String otherAreaCode;

    @BeforeEach
    void setUp() throws Exception {
        clerk = Logins.as(mvc, "b13_entry");
        long b13 = new Fixtures(jdbc).branch("ZQRCB", "B13");
        areaCode = jdbc.sql("select division_code from area where branch_id = :b order by division_code limit 1")
                .param("b", b13)
                .query(String.class)
                .single();
        otherAreaCode = jdbc.sql(
                        "select division_code from area where branch_id <> :b and division_code is not null limit 1")
                .param("b", b13)
                .query(String.class)
                .single();
    }

    static String id(String birth, int seq) {
        return ResidentId.complete("370181" + birth + String.format("%03d", seq));
    }

    /** A row in the template's column order; null cells stay empty. */
    static List<Object> row(String area, String household, String rel, String name, Object rid, String phone) {
        List<Object> r = new ArrayList<>(java.util.Collections.nCopies(FilingColumns.FIXED.size(), null));
        r.set(0, area);
        r.set(1, household);
        r.set(2, rel);
        r.set(3, name);
        r.set(4, rid);
        r.set(7, phone);
        r.set(8, "山东省济南市章丘区某村" + household + "号");
        r.set(9, "农户");
        return r;
    }

    static byte[] workbook(List<List<Object>> rows) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Workbook wb = new Workbook(out, "test", "1.0");
        Worksheet ws = wb.newWorksheet("客户建档");
        for (int c = 0; c < FilingColumns.FIXED.size(); c++) {
            ws.inlineString(0, c, FilingColumns.FIXED.get(c).header());
        }
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < rows.get(r).size(); c++) {
                Object v = rows.get(r).get(c);
                if (v instanceof String s && s.startsWith("=")) {
                    ws.formula(r + 1, c, s.substring(1));
                } else if (v instanceof String s) {
                    ws.inlineString(r + 1, c, s);
                } else if (v instanceof Number n) {
                    ws.value(r + 1, c, n);
                }
            }
        }
        wb.finish();
        return out.toByteArray();
    }

    JsonNode upload(byte[] xlsx) throws Exception {
        String body = mvc.perform(multipart("/api/v1/filing/imports")
                        .file(new MockMultipartFile("file", "建档.xlsx", "application/octet-stream", xlsx))
                        .session(clerk)
                        .with(csrf()))
                .andExpect(status().isAccepted())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return await(json.readTree(body).get("id").asLong());
    }

    JsonNode await(long id) throws Exception {
        for (int i = 0; i < 300; i++) {
            JsonNode n = json.readTree(
                    mvc.perform(get("/api/v1/filing/imports/" + id).session(clerk))
                            .andReturn()
                            .getResponse()
                            .getContentAsString());
            String s = n.get("status").asText();
            if (!s.equals("READING") && !s.equals("COMMITTING")) {
                return n;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("import " + id + " did not finish");
    }

    Map<Integer, String> reasons(long id, String status) throws Exception {
        JsonNode rows = json.readTree(mvc.perform(get("/api/v1/filing/imports/" + id + "/rows")
                        .param("status", status)
                        .param("size", "500")
                        .session(clerk))
                .andReturn()
                .getResponse()
                .getContentAsString());
        Map<Integer, String> m = new HashMap<>();
        rows.get("items")
                .forEach(r -> m.put(r.get("rowNo").asInt(), r.get("reasons").asText("")));
        return m;
    }

    @Test
    void previewSaysExactlyWhichRowsAreWrongAndWhy_commitAppliesTheRest_andASecondUploadChangesNothing()
            throws Exception {
        String good1 = id("19700101", 901);
        String good2 = id("19720202", 902);
        String legacy15 = "370181" + "750303" + "903"; // becomes 370181 19750303 903 + check
        String dup = id("19800404", 904);
        List<List<Object>> rows = new ArrayList<>();
        rows.add(row(areaCode + " 某村", "H-T1", "本人", "孙建华", good1, "13912340001")); // row 2 ok
        rows.add(row(areaCode, "H-T1", "配偶", "李秀梅", good2, "13912340002")); // row 3 ok
        rows.add(row(areaCode, "H-T2", "本人", "王五", legacy15, "13912340003")); // row 4 ok, 15-digit
        rows.add(row(
                areaCode,
                "H-T3",
                "本人",
                "赵错",
                good1.substring(0, 17) + (good1.endsWith("1") ? "2" : "1"),
                "13912340004")); // row 5 checksum
        rows.add(row(areaCode, "H-T4", "本人", "钱数", 370181199901019011.0, "13912340005")); // row 6 ID as number
        rows.add(row(areaCode, "H-T5", "本人", "重一", dup, "13912340006")); // row 7 duplicate
        rows.add(row(areaCode, "H-T6", "本人", "重二", dup, "13912340007")); // row 8 duplicate
        rows.add(row(areaCode, "H-T7", "本人", "公式", id("19810505", 905), "=1+1")); // row 9 formula
        rows.add(row(areaCode, "H-T8", "配偶", "无主", id("19820606", 906), "13912340009")); // row 10 no representative
        rows.add(row(otherAreaCode, "H-T9", "本人", "外区", id("19830707", 907), "13912340010")); // row 11 not our area
        rows.add(row(areaCode, "H-T10", "本人", "", id("19840808", 908), "1391234")); // row 12 name, phone
        byte[] xlsx = workbook(rows);

        JsonNode preview = upload(xlsx);
        assertThat(preview.get("status").asText()).isEqualTo("PREVIEW");
        assertThat(preview.get("newRows").asInt()).isEqualTo(3);
        assertThat(preview.get("duplicateRows").asInt()).isEqualTo(2);
        long id = preview.get("id").asLong();
        Map<Integer, String> invalid = reasons(id, "INVALID");
        assertThat(invalid.keySet()).containsExactlyInAnyOrder(5, 6, 9, 11, 12);
        assertThat(invalid.get(5)).contains("customer.id.checksum");
        assertThat(invalid.get(6)).contains("import.cell.idAsNumber");
        assertThat(invalid.get(9)).contains("import.cell.formula");
        assertThat(invalid.get(11)).contains("import.area.unknown");
        assertThat(invalid.get(12)).contains("name:customer.field.required").contains("phone:customer.phone.format");
        assertThat(reasons(id, "DUPLICATE").get(7)).contains("7,8");
        assertThat(reasons(id, "CONFLICT").get(10)).contains("import.household.representatives");
        // nothing is written before the commit
        assertThat(count("select count(*) from customer where resident_id = '" + good1 + "'"))
                .isZero();

        mvc.perform(post("/api/v1/filing/imports/" + id + "/commit")
                        .session(clerk)
                        .with(csrf()))
                .andExpect(status().isAccepted());
        JsonNode done = await(id);
        assertThat(done.get("status").asText()).isEqualTo("COMMITTED");
        assertThat(count("select count(*) from customer where resident_id in ('" + good1 + "','" + good2 + "','"
                        + ResidentId.parse(legacy15).id().value() + "')"))
                .isEqualTo(3);
        // one household with its representative and spouse
        assertThat(jdbc.sql("""
                select string_agg(c.relationship || ':' || (h.representative_id = c.id), ',' order by c.relationship desc)
                  from customer c join household h on h.id = c.household_id where h.file_key = 'H-T1'""").query(String.class).single()).isEqualTo("SPOUSE:false,SELF:true");
        // a commit cannot run twice
        mvc.perform(post("/api/v1/filing/imports/" + id + "/commit")
                        .session(clerk)
                        .with(csrf()))
                .andExpect(status().isConflict());

        // the same file again: nothing new, nothing changed, and it says so
        JsonNode again = upload(xlsx);
        assertThat(again.get("newRows").asInt()).isZero();
        assertThat(again.get("changedRows").asInt()).isZero();
        assertThat(again.get("unchangedRows").asInt()).isEqualTo(3);
        assertThat(again.get("sameFileCommittedAt").isNull()).isFalse();

        // a changed phone is a change, kept in the history with who and when
        rows.get(0).set(7, "13912340099");
        JsonNode changed = upload(workbook(rows));
        assertThat(changed.get("changedRows").asInt()).isEqualTo(1);
        long changedId = changed.get("id").asLong();
        mvc.perform(post("/api/v1/filing/imports/" + changedId + "/commit")
                .session(clerk)
                .with(csrf()));
        await(changedId);
        assertThat(jdbc.sql(
                                "select old_value || '>' || new_value || ':' || source from customer_history h"
                                        + " join customer c on c.id = h.customer_id where c.resident_id = :r and h.field = 'phone'")
                        .param("r", good1)
                        .query(String.class)
                        .single())
                .isEqualTo("13912340001>13912340099:IMPORT");
    }

    @Test
    void knownPeopleAreNotMovedNorMadeRepresentativesByAWorkbook_norTakenFromAnotherBranch() throws Exception {
        String a = id("19610101", 911);
        String b = id("19620202", 912);
        String c = id("19630303", 913);
        List<List<Object>> first = new ArrayList<>();
        first.add(row(areaCode, "H-K1", "本人", "甲一", a, "13912341001"));
        first.add(row(areaCode, "H-K1", "配偶", "乙二", b, "13912341002"));
        first.add(row(areaCode, "H-K2", "本人", "丙三", c, "13912341003"));
        long firstId = upload(workbook(first)).get("id").asLong();
        mvc.perform(post("/api/v1/filing/imports/" + firstId + "/commit")
                .session(clerk)
                .with(csrf()));
        assertThat(await(firstId).get("status").asText()).isEqualTo("COMMITTED");
        Fixtures fx = new Fixtures(jdbc);
        String elsewhere = id("19640404", 914);
        fx.customerIn(fx.firstArea(fx.branch("ZQRCB", "B01")), elsewhere, "丁四");

        List<List<Object>> second = new ArrayList<>();
        second.add(row(areaCode, "H-K1", "本人", "甲一", a, "13912341001")); // row 2: as filed
        second.add(row(areaCode, "H-K2", "配偶", "乙二", b, "13912341002")); // row 3: into another household
        second.add(row(areaCode, "H-K1", "本人", "丙三", c, "13912341003")); // row 4: H-K1 has its representative
        second.add(row(areaCode, "H-K2", "本人", "戊五", id("19650505", 915), "13912341005")); // row 5: the same, new
        second.add(row(areaCode, "H-K3", "本人", "丁四", elsewhere, "13912341004")); // row 6: filed by B01
        long b13Area = jdbc.sql("select id from area where division_code = :c")
                .param("c", areaCode)
                .query(Long.class)
                .single();
        String f = id("19660606", 916);
        String g = id("19670707", 917);
        fx.customerIn(b13Area, f, "己六"); // filed by hand, each in a household of their own without a key
        fx.customerIn(b13Area, g, "庚七");
        second.add(row(areaCode, "H-K4", "本人", "己六", f, "13800000000")); // row 7: one key for two households
        second.add(row(areaCode, "H-K4", "子女", "庚七", g, "13800000000")); // row 8
        JsonNode preview = upload(workbook(second));
        long id = preview.get("id").asLong();
        assertThat(preview.get("unchangedRows").asInt()).isEqualTo(1);
        assertThat(preview.get("newRows").asInt()).isZero();
        Map<Integer, String> conflicts = reasons(id, "CONFLICT");
        assertThat(conflicts.keySet()).containsExactlyInAnyOrder(3, 4, 5, 6, 7, 8);
        assertThat(conflicts.get(7)).isEqualTo("household:import.household.several|H-K4|2");
        assertThat(conflicts.get(8)).isEqualTo("household:import.household.several|H-K4|2");
        assertThat(conflicts.get(3)).startsWith("household:import.household.moved|");
        assertThat(conflicts.get(4)).isEqualTo("relationship:import.household.representativeChange|H-K1");
        assertThat(conflicts.get(5)).isEqualTo("relationship:import.household.representativeChange|H-K2");
        assertThat(conflicts.get(6)).isEqualTo("residentId:customer.error.filedElsewhere");
    }

    @Test
    void theResultWorkbookHasEveryRowWithItsStatusAndReasonInChinese_andIdsStayText() throws Exception {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(row(areaCode, "H-R1", "本人", "周一", id("19600101", 911), "13700000001"));
        rows.add(row(areaCode, "H-R2", "本人", "周二", "37018119600101911X", "13700000002"));
        long id = upload(workbook(rows)).get("id").asLong();
        byte[] result = mvc.perform(get("/api/v1/filing/imports/" + id + "/result.xlsx")
                        .session(clerk)
                        .header("Accept-Language", "zh-CN"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(result))) {
            List<Row> read = wb.getFirstSheet().read();
            assertThat(read).hasSize(3);
            assertThat(read.get(0).getCellText(1)).isEqualTo("处理结果");
            assertThat(read.get(1).getCellText(1)).isEqualTo("新增");
            assertThat(read.get(2).getCellText(1)).isEqualTo("有误");
            assertThat(read.get(2).getCellText(2)).startsWith("身份证号：");
            assertThat(read.get(2).getCell(3 + 4).getType()).isEqualTo(CellType.STRING);
            assertThat(read.get(2).getCellText(3 + 4)).isEqualTo("37018119600101911X");
        }
    }

    @Autowired
    sunshine.customer.FilingImports imports;

    @Test
    void eachImportStagesItsRowsInItsOwnPartition_droppedAWeekAfterCommitByTheNightlyCleanUp() throws Exception {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(row(areaCode, "H-P1", "本人", "吴一", id("19610101", 913), "13700000011"));
        rows.add(row(areaCode, "H-P1", "配偶", "吴二", id("19620101", 914), "13700000012"));
        long id = upload(workbook(rows)).get("id").asLong();
        String partition = "filing_import_row_" + id;
        assertThat(jdbc.sql("select count(*) from " + partition)
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
        assertThat(jdbc.sql("select count(*) from filing_import_row where import_id = :i")
                        .param("i", id)
                        .query(Long.class)
                        .single())
                .isEqualTo(2);

        // a week and a day later, committed: the clean-up drops the partition and keeps the import's record
        jdbc.sql("update filing_import set status = 'COMMITTED', created_at = now() - interval '8 days' where id = :i")
                .param("i", id)
                .update();
        imports.cleanUp();
        assertThat(jdbc.sql("select to_regclass(:t) is null")
                        .param("t", partition)
                        .query(Boolean.class)
                        .single())
                .isTrue();
        assertThat(jdbc.sql("select count(*) from filing_import where id = :i")
                        .param("i", id)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void anImportCutOffByARestartIsMarkedFailedWithItsStagedRowsDropped_andTheFileCanBeUploadedAgain()
            throws Exception {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(row(areaCode, "H-R1", "本人", "郑一", id("19630101", 915), "13700000021"));
        byte[] file = workbook(rows);
        long id = upload(file).get("id").asLong();
        // as the database looks after a crash half-way through reading: still READING, rows staged
        jdbc.sql("update filing_import set status = 'READING' where id = :i")
                .param("i", id)
                .update();
        imports.failInterrupted();
        assertThat(jdbc.sql("select status || ' ' || error_key from filing_import where id = :i")
                        .param("i", id)
                        .query(String.class)
                        .single())
                .isEqualTo("FAILED import.error.interrupted");
        assertThat(jdbc.sql("select to_regclass(:t) is null")
                        .param("t", "filing_import_row_" + id)
                        .query(Boolean.class)
                        .single())
                .isTrue();
        JsonNode again = upload(file);
        assertThat(again.get("id").asLong()).isNotEqualTo(id);
        assertThat(again.get("status").asText()).isEqualTo("PREVIEW");
    }

    @Test
    void theTemplateHasTheHeaderTheInstructionsAndTextColumns() throws Exception {
        byte[] xlsx = mvc.perform(get("/filing/template.xlsx").session(clerk))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            Row header = wb.getFirstSheet().read().get(0);
            for (int c = 0; c < FilingColumns.FIXED.size(); c++) {
                assertThat(header.getCellText(c))
                        .isEqualTo(FilingColumns.FIXED.get(c).header());
            }
            assertThat(wb.getSheets().map(s -> s.getName()).toList()).contains("客户建档", "填写说明", "选项");
            String lists =
                    wb.getSheets().filter(s -> s.getName().equals("选项")).findFirst().orElseThrow().read().stream()
                            .map(r -> r.getCellText(0))
                            .reduce("", String::concat);
            assertThat(lists).contains(areaCode).doesNotContain(otherAreaCode);
        }
        String sheetXml = unzip(xlsx, "xl/worksheets/sheet1.xml");
        assertThat(sheetXml).contains("dataValidation");
        assertThat(unzip(xlsx, "xl/styles.xml")).contains("formatCode=\"@\"");
        // English beside the Chinese header, as notes on the header cells
        assertThat(unzip(xlsx, "xl/comments1.xml"))
                .contains("Resident ID")
                .contains("Relationship to the representative");
    }

    @Test
    void aFileThatIsNotAPlainWorkbookIsRefusedAtOnceAndNothingIsWritten() throws Exception {
        long before = count("select count(*) from filing_import");
        mvc.perform(multipart("/api/v1/filing/imports")
                        .file(new MockMultipartFile("file", "x.xlsx", "application/octet-stream", "姓名,身份证".getBytes()))
                        .session(clerk)
                        .with(csrf())
                        .header("Accept-Language", "zh-CN"))
                .andExpect(status().isBadRequest())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.code")
                        .value("xlsx.error.notXlsx"));
        assertThat(count("select count(*) from filing_import")).isEqualTo(before);
        // a workbook with another header row fails with the column named
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Workbook wb = new Workbook(out, "t", "1.0");
        wb.newWorksheet("s").inlineString(0, 0, "姓名");
        wb.finish();
        JsonNode failed = upload(out.toByteArray());
        assertThat(failed.get("status").asText()).isEqualTo("FAILED");
        assertThat(failed.get("errorKey").asText()).isEqualTo("import.error.header");
    }

    @Test
    void anotherBranchCannotSeeTheImport() throws Exception {
        List<List<Object>> rows = List.of(row(areaCode, "H-S1", "本人", "吴一", id("19550505", 921), "13700000009"));
        long id = upload(workbook(rows)).get("id").asLong();
        MockHttpSession other = Logins.as(mvc, "b14_entry");
        mvc.perform(get("/api/v1/filing/imports/" + id).session(other)).andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/filing/imports/" + id + "/commit")
                        .session(other)
                        .with(csrf()))
                .andExpect(status().isNotFound());
    }

    long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    static String unzip(byte[] zip, String entry) throws Exception {
        java.nio.file.Path tmp = java.nio.file.Files.createTempFile("template", ".xlsx");
        try {
            java.nio.file.Files.write(tmp, zip);
            try (var z = new java.util.zip.ZipFile(tmp.toFile())) {
                var e = z.getEntry(entry);
                return e == null
                        ? ""
                        : new String(z.getInputStream(e).readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            }
        } finally {
            java.nio.file.Files.deleteIfExists(tmp);
        }
    }
}
