package sunshine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import sunshine.review.BookletPrint;
import sunshine.review.Booklets;
import sunshine.shared.BusinessException;

/**
 * Booklets of a panel (issue 4 point 7, R16, R13): the filed, not excluded households of its areas, one copy per
 * member, printed versions that increment only when the content changes, downloads of exactly what was printed.
 * The village, households and panel are made here: 东关测试村 has 甲一 (with spouse 甲二 and excluded child 甲三),
 * 乙一 (excluded representative), 丙一 (alone; seat 2's own household); 丁一 lives in a village outside the panel.
 */
@PlatformTest
class BookletsTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Booklets booklets;

    BookletFixture fx;
    long b05;
    long area;
    long other;
    long panel;
    long householdA;
    long householdC;

    @BeforeEach
    void villageAndPanel() {
        fx = BookletFixture.of(jdbc, "ZQRCB");
        b05 = new Fixtures(jdbc).branch("ZQRCB", "B05");
        jdbc.sql("delete from booklet_print where branch_id = :b")
                .param("b", b05)
                .update();
        jdbc.sql("delete from panel where branch_id = :b").param("b", b05).update();
        // the people of an earlier test's village are removed (their households stay behind, empty)
        jdbc.sql("update household set representative_id = null where representative_id in"
                        + " (select id from customer where resident_id like '370181197503031%')")
                .update();
        jdbc.sql("delete from customer where resident_id like '370181197503031%'")
                .update();
        area = fx.area(b05, "东关测试村");
        other = fx.area(b05, "西关测试村");
        long a = fx.representative(area, "37018119750303101", "甲一", "东关测试村1号");
        fx.member(a, "37018119750303102", "甲二", "SPOUSE", false);
        fx.member(a, "37018119750303103", "甲三", "CHILD", true);
        householdA = fx.household(a);
        long b = fx.representative(area, "37018119750303104", "乙一", "东关测试村3号");
        fx.exclude(b);
        long c = fx.representative(area, "37018119750303105", "丙一", "东关测试村2号");
        householdC = fx.household(c);
        fx.representative(other, "37018119750303106", "丁一", "西关测试村1号");
        panel = fx.panel(b05, "东关测试村评议小组", "CONFIRMED", area);
        fx.fiveMembers(panel, householdC);
    }

    @Test
    void firstPrintIsVersionOne_listingTheFiledNotExcludedHouseholdsInAddressOrder() throws Exception {
        BookletPrint p = ActingAs.call(mvc, "b05_head", () -> booklets.print(panel));
        assertThat(p.version()).isEqualTo(1);
        assertThat(p.households()).isEqualTo(2);
        assertThat(p.copies()).extracting(BookletPrint.Copy::number).containsExactly(1, 2, 3, 4, 5);
        assertThat(p.copies().get(1).ownHouseholdId()).isEqualTo(householdC);
        assertThat(p.label(2)).isEqualTo("P" + panel + "-V1-C2");
        // 甲一 at 1号 before 丙一 at 2号; 乙一 (excluded representative) and 丁一 (other village) are not listed
        assertThat(ActingAs.call(mvc, "b05_head", () -> booklets.households(panel, 1)))
                .containsExactly(householdA, householdC);
        assertThat(audited("BOOKLET_PRINT", p.id())).isEqualTo(1);
    }

    @Test
    void printingUnchangedContentReusesTheVersion_aChangeMakesTheNext() throws Exception {
        BookletPrint first = ActingAs.call(mvc, "b05_head", () -> booklets.print(panel));
        BookletPrint again = ActingAs.call(mvc, "b05_head", () -> booklets.print(panel));
        assertThat(again.id()).isEqualTo(first.id());
        assertThat(again.version()).isEqualTo(1);
        assertThat(audited("BOOKLET_PRINT", first.id())).isEqualTo(2);

        fx.representative(area, "37018119750303107", "戊一", "东关测试村0号");
        BookletPrint second = ActingAs.call(mvc, "b05_head", () -> booklets.print(panel));
        assertThat(second.version()).isEqualTo(2);
        assertThat(second.households()).isEqualTo(3);
        assertThat(ActingAs.call(mvc, "b05_head", () -> booklets.households(panel, 2)))
                .hasSize(3)
                .endsWith(householdA, householdC);
        // version 1 still lists exactly what was printed then
        assertThat(ActingAs.call(mvc, "b05_head", () -> booklets.households(panel, 1)))
                .containsExactly(householdA, householdC);
    }

    @Test
    void thePdfOfACopy_namesTheMember_listsTheHouseholds_withoutExcludedPeople_andRecusesTheirOwnHousehold()
            throws Exception {
        MockHttpSession session = Logins.as(mvc, "b05_head");
        mvc.perform(post("/panels/" + panel + "/booklets").session(session).with(csrf()));
        String copy2 = pdfText("/panels/" + panel + "/booklets/1/2.pdf", session, 2);
        assertThat(copy2)
                .contains("丙一（个体商户）")
                .contains("第 2 册")
                .contains("甲一")
                .contains("甲二（配偶）")
                .contains("本人家庭 · 回避")
                .doesNotContain("甲三")
                .doesNotContain("乙一")
                .doesNotContain("丁一")
                .contains("P" + panel + "-V1-C2");
        assertThat(copy2.replaceAll("\\s", "")).contains("3701**********").doesNotContain("370181197503031");
        String copy1 = pdfText("/panels/" + panel + "/booklets/1/1.pdf", session, 2);
        // the cover's instructions name the mark once; only copy 2 also has it on a row
        assertThat(copy1).contains("王德福");
        assertThat(copy1.split("本人家庭 · 回避", -1)).hasSize(2);
        assertThat(copy2.split("本人家庭 · 回避", -1)).hasSize(3);
        assertThat(audited("BOOKLET_DOWNLOAD", null)).isGreaterThanOrEqualTo(2);
    }

    @Test
    void theXlsxOfACopy_hasTheSameRows_andTheZipHasEveryCopyInBothForms() throws Exception {
        MockHttpSession session = Logins.as(mvc, "b05_head");
        mvc.perform(
                post("/api/v1/panels/" + panel + "/booklets").session(session).with(csrf()));
        MockHttpServletResponse x = mvc.perform(
                        get("/panels/" + panel + "/booklets/1/3.xlsx").session(session))
                .andReturn()
                .getResponse();
        assertThat(x.getStatus()).isEqualTo(200);
        assertThat(x.getHeader("Content-Disposition")).contains("filename*=UTF-8''");
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(x.getContentAsByteArray()))) {
            List<Row> rows = wb.getSheets().toList().get(1).read();
            assertThat(rows).hasSize(3 + 2);
            assertThat(rows.get(3).getCellText(1)).isEqualTo("甲一");
            assertThat(rows.get(3).getCellText(2)).isEqualTo("甲二（配偶）");
            assertThat(rows.get(4).getCellText(1)).isEqualTo("丙一");
            assertThat(rows.get(4).getCellText(3)).matches("3701\\*{10}\\d{3}[\\dX]");
            assertThat(rows.get(1).getCellText(14)).isEqualTo("P" + panel + "-V1-C3");
        }
        byte[] zip = mvc.perform(get("/panels/" + panel + "/booklets/1.zip").session(session))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        assertThat(entries(zip)).hasSize(10).allMatch(n -> n.endsWith(".pdf") || n.endsWith(".xlsx"));
    }

    @Test
    void theBranchZipHasOneFolderPerConfirmedPanel_andPrintsOnTheWay() throws Exception {
        long draft = fx.panel(b05, "草稿测试小组", "DRAFT", other);
        fx.fiveMembers(draft, null);
        MockHttpSession session = Logins.as(mvc, "b05_head");
        MockHttpServletResponse res = mvc.perform(
                        get("/branches/" + b05 + "/booklets.zip?format=pdf").session(session))
                .andReturn()
                .getResponse();
        assertThat(res.getStatus()).isEqualTo(200);
        assertThat(res.getContentType()).isEqualTo("application/zip");
        List<String> names = entries(res.getContentAsByteArray());
        String folder = "东关测试村评议小组-P" + panel + "-V1/";
        assertThat(names).hasSize(5).allMatch(n -> n.startsWith(folder) && n.endsWith(".pdf"));
        assertThat(jdbc.sql("select count(*) from booklet_print where panel_id = :p")
                        .param("p", draft)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void aDraftPanelIsNotPrinted() {
        long draft = fx.panel(b05, "草稿测试小组", "DRAFT", area);
        fx.fiveMembers(draft, null);
        assertThatThrownBy(() -> ActingAs.call(mvc, "b05_head", () -> booklets.print(draft)))
                .isInstanceOf(BusinessException.class)
                .extracting(e -> ((BusinessException) e).messageKey())
                .isEqualTo("booklet.error.notConfirmed");
    }

    @Test
    void anotherBranchGets404ForThePageTheFilesAndTheBranchZip_andTheAttemptIsAudited() throws Exception {
        ActingAs.call(mvc, "b05_head", () -> booklets.print(panel));
        MockHttpSession session = Logins.as(mvc, "b06_head");
        long before = new Fixtures(jdbc).outOfScopeEntries(new Fixtures(jdbc).bank("ZQRCB"));
        for (String url : List.of(
                "/panels/" + panel + "/booklets",
                "/panels/" + panel + "/booklets/1/1.pdf",
                "/panels/" + panel + "/booklets/1.zip",
                "/branches/" + b05 + "/booklets.zip",
                "/api/v1/panels/" + panel + "/booklets",
                "/api/v1/panels/" + panel + "/booklets/1/households")) {
            assertThat(mvc.perform(get(url).session(session))
                            .andReturn()
                            .getResponse()
                            .getStatus())
                    .as(url)
                    .isEqualTo(404);
        }
        assertThat(new Fixtures(jdbc).outOfScopeEntries(new Fixtures(jdbc).bank("ZQRCB")))
                .isGreaterThanOrEqualTo(before + 6);
    }

    @Test
    void thePageListsTheCopiesAndVersions_inBothLanguages() throws Exception {
        ActingAs.call(mvc, "b05_head", () -> booklets.print(panel));
        MockHttpSession session = Logins.as(mvc, "b05_head");
        String zh = mvc.perform(get("/panels/" + panel + "/booklets").session(session))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(zh)
                .contains("东关测试村评议小组")
                .contains("P" + panel + "-V1")
                .contains("丙一")
                .contains("回避");
        String en = mvc.perform(get("/panels/" + panel + "/booklets?lang=en").session(session))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(en).contains("Printed versions").contains("recused").doesNotContain("??");
    }

    private long audited(String action, Long printId) {
        return jdbc.sql("select count(*) from audit_log where action = :a and entity_type = 'booklet_print'"
                        + (printId == null ? "" : " and entity_id = :id"))
                .param("a", action)
                .param("id", String.valueOf(printId))
                .query(Long.class)
                .single();
    }

    private String pdfText(String url, MockHttpSession session, int expectedPages) throws Exception {
        MockHttpServletResponse res =
                mvc.perform(get(url).session(session)).andReturn().getResponse();
        assertThat(res.getStatus()).as(url).isEqualTo(200);
        assertThat(res.getContentType()).isEqualTo("application/pdf");
        try (PDDocument doc = Loader.loadPDF(res.getContentAsByteArray())) {
            assertThat(doc.getNumberOfPages()).isEqualTo(expectedPages);
            return new PDFTextStripper().getText(doc);
        }
    }

    private static List<String> entries(byte[] zip) throws Exception {
        List<String> names = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                names.add(e.getName());
            }
        }
        return names;
    }
}
