package sunshine.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import sunshine.customer.FilingColumns;
import sunshine.customer.ResidentId;
import sunshine.demo.DemoBank;

/**
 * One village through the campaign in a real browser, step by step as the roles do it (issue 9). Each step is
 * a test in order; each page it opens is checked for untranslated keys, console errors and unmasked personal
 * data, and photographed to target/journey. Later stages join the walk as they are built.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CampaignJourneyTest {

    static final String MANAGER = "b17_am1";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Browser browser;
    String areaCode;
    String areaName;

    @BeforeAll
    void start() {
        browser = new Browser("http://localhost:" + port);
        var area = jdbc.sql("""
                        select a.division_code, a.name from area a join user_account u on u.staff_id = a.manager_id
                         where u.username = :u and a.division_code is not null order by a.division_code limit 1""")
                .param("u", MANAGER)
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)})
                .single();
        areaCode = area[0];
        areaName = area[1];
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    @Order(1)
    void theAccountManagerLogsInAndSeesTheHomePage() {
        browser.logIn("manager-home", MANAGER, DemoBank.PASSWORD);
        assertThat(browser.driver.getCurrentUrl()).doesNotContain("/login");
        // the menu of the manager's work: filing and the panels, not the organisation's administration
        assertThat(browser.text()).contains("客户建档", "评议小组");
    }

    @Test
    @Order(2)
    void theManagerImportsAVillageWorkbook_seesThePreviewWithTheBadRowNamed_andCommits() throws Exception {
        Path file = Files.createTempDirectory("journey").resolve("田家村建档.xlsx");
        List<List<Object>> rows = new ArrayList<>();
        rows.add(row("J-1", "本人", "田家长", id("19700101", 501), "13800000501"));
        rows.add(row("J-1", "配偶", "田家妻", id("19720202", 502), "13800000502"));
        rows.add(row("J-2", "本人", "田二户", id("19750303", 503), "13800000503"));
        // a resident ID whose check character is wrong: the preview must name this row
        String bad = id("19760404", 504);
        rows.add(row("J-3", "本人", "田错号", bad.substring(0, 17) + (bad.charAt(17) == '1' ? "2" : "1"), "13800000504"));
        try (OutputStream out = Files.newOutputStream(file)) {
            Workbook wb = new Workbook(out, "journey", "1.0");
            Worksheet ws = wb.newWorksheet("客户建档");
            for (int c = 0; c < FilingColumns.FIXED.size(); c++) {
                ws.inlineString(0, c, FilingColumns.FIXED.get(c).header());
            }
            for (int r = 0; r < rows.size(); r++) {
                for (int c = 0; c < rows.get(r).size(); c++) {
                    if (rows.get(r).get(c) instanceof String s) {
                        ws.inlineString(r + 1, c, s);
                    }
                }
            }
            wb.finish();
        }

        browser.open("import-page", "/filing/import");
        browser.find("#file").sendKeys(file.toAbsolutePath().toString());
        browser.clickAndLoad("import-reading", "form[enctype] button[type=submit]");
        // the page polls while reading; the commit button appears with the preview
        browser.waitUntilPresent("import-preview", "#commit", 60);
        String preview = browser.text();
        assertThat(preview).contains("确认导入");
        assertThat(browser.find("#commit").getText()).contains("3");

        browser.clickAndLoad("import-committing", "#commit");
        browser.waitUntilPresent("import-committed", ".alert-success", 60);
        assertThat(browser.find(".alert-success").getText()).contains("3");
        Files.deleteIfExists(file);
    }

    @Test
    @Order(3)
    void theNewPeopleAreFoundByName_withTheirIdsMasked() {
        browser.open("customer-search", "/customers?q=田家长");
        String text = browser.text();
        assertThat(text).contains("田家长");
        String full = id("19700101", 501);
        assertThat(text).doesNotContain(full).contains(full.substring(14));
    }

    @Test
    @Order(4)
    void headOfficeSeesTheVillageInTheFilingCoverage() {
        browser.logIn("head-office-home", "ho_bd", DemoBank.PASSWORD);
        browser.open("head-office-coverage", "/filing/coverage?by=AREA");
        assertThat(browser.text()).contains("建档覆盖率");
        assertThat(browser.all("table tbody tr")).isNotEmpty();
    }

    List<Object> row(String household, String relationship, String name, String residentId, String phone) {
        List<Object> r = new ArrayList<>(Collections.nCopies(FilingColumns.FIXED.size(), null));
        r.set(0, areaCode);
        r.set(1, household);
        r.set(2, relationship);
        r.set(3, name);
        r.set(4, residentId);
        r.set(7, phone);
        r.set(8, areaName + household + "号");
        r.set(9, "农户");
        return r;
    }

    static String id(String birth, int seq) {
        return ResidentId.complete("370181" + birth + String.format("%03d", seq));
    }
}
