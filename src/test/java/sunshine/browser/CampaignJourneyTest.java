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
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import sunshine.customer.FilingColumns;
import sunshine.customer.ResidentId;
import sunshine.demo.DemoBank;
import sunshine.shared.Today;

/**
 * One village through the campaign in a real browser, step by step as the roles do it (issue 9). Each step is
 * a test in order; each page it opens is checked for untranslated keys, console errors and unmasked personal
 * data, and photographed to target/journey. From filing to the first draw and head office's figures.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CampaignJourneyTest {

    static final String MANAGER = "b17_am1";
    static final String HEAD = "b17_head";
    static final String ENTRY = "b17_entry";
    static final String VERIFIER = "b17_verify";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Browser browser;
    String areaCode;
    String areaName;
    long areaId;
    String panelPath;
    String certificateNo;

    @BeforeAll
    void start() {
        browser = new Browser("http://localhost:" + port);
        var area = jdbc.sql("""
                        select a.division_code, a.name, a.id from area a join user_account u on u.staff_id = a.manager_id
                         where u.username = :u and a.division_code is not null order by a.division_code limit 1""")
                .param("u", MANAGER)
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)})
                .single();
        areaCode = area[0];
        areaName = area[1];
        areaId = Long.parseLong(area[2]);
    }

    @AfterAll
    void stop() {
        Today.shiftDays(0);
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
    @Order(5)
    void theManagerSetsUpTheVillagePanel_andTheBranchHeadConfirmsIt() {
        browser.logIn("manager-panels", MANAGER, DemoBank.PASSWORD);
        browser.open("panel-new", "/panels/new");
        new Select(browser.find("#kind")).selectByValue("VILLAGE");
        browser.find("#name").sendKeys(areaName + "评议小组");
        browser.clickAndLoad("panel-created", "form[action$='/panels'] button[type=submit]");
        assertThat(browser.driver.getCurrentUrl()).matches(".*/panels/\\d+.*");
        panelPath =
                browser.driver.getCurrentUrl().replaceAll("^https?://[^/]+", "").replaceAll("[#?].*$", "");

        String[][] members = {
            {"CADRE", "田书记", "13900000601"},
            {"GRADUATE_OFFICIAL", "田村官", "13900000602"},
            {"SHOPKEEPER", "田店主", "13900000603"},
            {"LARGE_GROWER", "田大户", "13900000604"},
            {"SENIOR_PARTY_MEMBER", "田老党员", "13900000605"}
        };
        for (String[] m : members) {
            browser.publicPhones.add(m[2]);
            new Select(browser.find("#role")).selectByValue(m[0]);
            browser.find("#name").sendKeys(m[1]);
            browser.find("#phone").sendKeys(m[2]);
            browser.clickAndLoad("panel-member-" + m[0], "form[action$='/members'] button[type=submit]");
        }
        new Select(browser.find("#areaId")).selectByVisibleText(browser.optionText("#areaId", areaName));
        browser.clickAndLoad("panel-area", "form[action$='/areas'] button[type=submit]");
        String panel = browser.text();
        assertThat(panel).contains("田书记", "田老党员", areaName);

        browser.logIn("branch-head-home", HEAD, DemoBank.PASSWORD);
        browser.open("panel-to-confirm", panelPath);
        browser.clickAndLoad("panel-confirmed", "form[action$='/confirm'] button[type=submit]");
        assertThat(browser.all(".alert-danger"))
                .as("confirmation refused: " + browser.text())
                .isEmpty();
        assertThat(browser.all("form[action$='/reopen']"))
                .as("a confirmed panel can be reopened")
                .isNotEmpty();
    }

    @Test
    @Order(6)
    void theManagerPrintsTheFiveBooklets() {
        browser.logIn("manager-again", MANAGER, DemoBank.PASSWORD);
        browser.open("booklets", panelPath + "/booklets");
        browser.clickAndLoad("booklets-printed", "form[action$='/booklets'] button[type=submit]");
        // one PDF and one xlsx per member's copy
        assertThat(browser.all("a[href$='.pdf']")).hasSizeGreaterThanOrEqualTo(5);
        assertThat(browser.all("a[href$='.xlsx']")).hasSizeGreaterThanOrEqualTo(5);
    }

    @Test
    @Order(7)
    void dataEntryKeysTheFiveCopies_withOneTypingMistake() {
        browser.logIn("entry-home", ENTRY, DemoBank.PASSWORD);
        for (int copy = 1; copy <= 5; copy++) {
            browser.open("entry-copy-" + copy, panelPath + "/entry/" + copy);
            List<WebElement> assets = browser.all("input[name^='assets_']");
            assertThat(assets)
                    .as("the village's two households on copy " + copy)
                    .hasSize(2);
            for (int h = 0; h < assets.size(); h++) {
                String household = assets.get(h).getAttribute("name").substring("assets_".length());
                Figures f = figures(copy, h);
                // copy 3's first household: 80,000 of net income typed as 800,000
                String net = copy == 3 && h == 0 ? "800000" : f.net;
                type("assets_" + household, f.assets);
                type("liabilities_" + household, f.liabilities);
                type("grossIncome_" + household, f.gross);
                type("netIncome_" + household, net);
                type("suggestedAmount_" + household, f.suggested);
            }
            browser.clickAndLoad("entry-copy-" + copy + "-finished", "button[name=finish]");
            assertThat(browser.all(".alert-danger"))
                    .as("keying refused: " + browser.text())
                    .isEmpty();
        }
    }

    @Test
    @Order(8)
    void theVerifierKeysEachCopyAgainBlind_seesTheMistake_andResolvesIt() {
        browser.logIn("verify-home", VERIFIER, DemoBank.PASSWORD);
        for (int copy = 1; copy <= 5; copy++) {
            browser.open("verify-list-" + copy, panelPath + "/entry");
            browser.clickAndLoad("verify-copy-" + copy, "a[href*='/review/copies/']", copy - 1);
            List<WebElement> assets = browser.all("input[name^='assets_']");
            assertThat(assets).hasSize(2);
            // blind: the first keying's figures are not on the page
            assertThat(assets.get(0).getAttribute("value")).isEmpty();
            for (int h = 0; h < assets.size(); h++) {
                String household = assets.get(h).getAttribute("name").substring("assets_".length());
                Figures f = figures(copy, h);
                type("assets_" + household, f.assets);
                type("liabilities_" + household, f.liabilities);
                type("grossIncome_" + household, f.gross);
                type("netIncome_" + household, f.net);
                type("suggestedAmount_" + household, f.suggested);
            }
            browser.clickAndLoad("verify-copy-" + copy + "-second", "form button[type=submit].btn-primary");
            if (copy == 3) {
                // the difference is shown side by side, in red, and the verifier settles it
                assertThat(browser.all("td.text-danger")).isNotEmpty();
                assertThat(browser.text()).contains("800,000.00", "80,000.00");
                browser.clickAndLoad("verify-copy-3-resolved", "form button[type=submit].btn-primary");
            }
            assertThat(browser.all(".alert-danger"))
                    .as("verification refused: " + browser.text())
                    .isEmpty();
        }
        browser.open("verify-all-done", panelPath + "/entry");
        assertThat(browser.text()).contains("已核对");
    }

    @Test
    @Order(9)
    void theBranchHeadAggregatesThePanel_andReadsHowEachAmountWasReached() {
        browser.logIn("head-aggregates", HEAD, DemoBank.PASSWORD);
        browser.open("results-before", panelPath + "/results");
        browser.clickAndLoad("results", "form[action$='/aggregate'] button[type=submit]");
        String results = browser.text();
        // worked by hand from R19/R20: the middle three of each household's five estimates, net income
        // 78,000/80,000/82,000 and suggested 77,000/80,000/83,000 -> 80,000, below the band 1.1-1.5 x 80,000 (flagged,
        // not raised), already a whole thousand; the second household 50,000 the same way
        assertThat(results).contains("80,000", "50,000", "田家长", "田二户");
        assertThat(browser.all("a[href*='/explanation']")).hasSize(2);
        long household = jdbc.sql("select household_id from customer where resident_id = :r")
                .param("r", id("19700101", 501))
                .query(Long.class)
                .single();
        browser.open("explanation", "/review/households/" + household + "/explanation");
        String explanation = browser.text();
        // every copy's figures are shown, the dropped highest and lowest among them
        assertThat(explanation).contains("86,000", "74,000", "80,000");
    }

    @Test
    @Order(4)
    void headOffice_beforeTheReview_seesTheVillageFiledButNotPreCredited() {
        browser.logIn("head-office-before", "ho_bd", DemoBank.PASSWORD);
        refreshFigures("head-office-refresh-before");
        browser.open("head-office-village-before", "/dashboard/coverage/areas/" + areaId);
        assertThat(funnel("已建档").households())
                .as("the village's two households filed")
                .isGreaterThanOrEqualTo(2);
        assertThat(funnel("已预授信").households()).isZero();
        assertThat(funnel("已用信").households()).isZero();
    }

    @Test
    @Order(10)
    void theBranchHeadRunsTheLedgerChecks_andFixesTheVillagesFinalList() {
        browser.logIn("checks-home", HEAD, DemoBank.PASSWORD);
        browser.open("checks", "/checks");
        browser.clickAndLoad("checks-run", "form[action$='/checks/run'] button[type=submit]");
        assertThat(browser.driver.getCurrentUrl()).contains("/checks/findings");
        assertThat(browser.all(".alert-danger"))
                .as("checks refused: " + browser.text())
                .isEmpty();

        browser.open("final-lists", "/checks/final-lists");
        List<WebElement> fixable = browser.all("form[action$='/checks/final-lists'] input[name=areaId]");
        int row = -1;
        for (int i = 0; i < fixable.size(); i++) {
            if (Long.toString(areaId).equals(fixable.get(i).getAttribute("value"))) {
                row = i;
            }
        }
        assertThat(row).as("the village can be fixed: " + browser.text()).isNotNegative();
        browser.clickAndLoad("final-list-fixed", "form[action$='/checks/final-lists'] button[type=submit]", row);
        assertThat(browser.all(".alert-danger"))
                .as("fixing refused: " + browser.text())
                .isEmpty();
        assertThat(browser.driver.getCurrentUrl()).matches(".*/checks/final-lists/\\d+.*");
        // the two households with the amounts worked out by hand in the review step
        assertThat(browser.text()).contains("田家长", "田二户", "80,000", "50,000");
    }

    @Test
    @Order(11)
    void theChainApprovesTheVillage_eachStageByItsOwnPerson() {
        String[][] chain = {
            {MANAGER, "PROPOSAL"},
            {"b17_am2", "ACCOUNT_MANAGER_REVIEW"},
            {"b17_credit", "CREDIT_COMMITTEE"},
            {HEAD, "BRANCH_HEAD_FINAL"}
        };
        String approve = "form[action$='/approval/areas/" + areaId + "/approve']";
        for (String[] step : chain) {
            browser.logIn("approval-" + step[1].toLowerCase() + "-home", step[0], DemoBank.PASSWORD);
            // the cases enter the chain when the list is fixed (an event): the first queue may need a moment
            for (int tries = 0; tries < 30 && browser.all(approve).isEmpty(); tries++) {
                browser.open("approval-" + step[1].toLowerCase(), "/approval");
                if (browser.all(approve).isEmpty()) {
                    sleep(1_000);
                }
            }
            assertThat(browser.find(approve + " input[name=stage]").getAttribute("value"))
                    .isEqualTo(step[1]);
            browser.clickAndLoad("approval-" + step[1].toLowerCase() + "-done", approve + " button[type=submit]");
            assertThat(browser.all(".alert-danger"))
                    .as("approval refused: " + browser.text())
                    .isEmpty();
            assertThat(browser.all(approve))
                    .as("nothing of the village left at this stage")
                    .isEmpty();
        }
    }

    @Test
    @Order(12)
    void theManagerPostsTheNotice_recordsAnObjection_andItIsKeptAfterAVisit() throws Exception {
        browser.logIn("notice-home", MANAGER, DemoBank.PASSWORD);
        browser.open("notice-village", "/approval/areas/" + areaId);
        browser.clickAndLoad("notice-posted", "form[action$='/notices'] button[type=submit]");
        assertThat(browser.all(".alert-danger"))
                .as("posting refused: " + browser.text())
                .isEmpty();
        assertThat(browser.driver.getCurrentUrl()).matches(".*/approval/notices/\\d+.*");
        assertThat(browser.text()).contains("田家长", "80,000", "田二户", "50,000");
        String notice =
                browser.driver.getCurrentUrl().replaceAll("^https?://[^/]+", "").replaceAll("[#?].*$", "");
        String poster =
                browser.find("a[href$='poster.pdf']").getAttribute("href").replaceAll("^https?://[^/]+", "");
        String posterText = browser.pdfText(poster);
        // names and amounts are posted; resident IDs never are (R27)
        assertThat(posterText).contains("田家长", "80,000").doesNotContain(id("19700101", 501));

        new Select(browser.find("#caseId")).selectByVisibleText(browser.optionText("#caseId", "田二户"));
        browser.find("#objector").sendKeys("村民张某");
        new Select(browser.find("#receivedVia")).selectByValue("VISIT");
        browser.find("#content").sendKeys("反映该户今年新开了小卖部，收入应高于评议。");
        browser.clickAndLoad("objection-recorded", "form[action$='/objections'] button[type=submit]");
        assertThat(browser.all(".alert-danger"))
                .as("objection refused: " + browser.text())
                .isEmpty();
        assertThat(browser.text()).contains("村民张某");

        browser.logIn("objection-head", HEAD, DemoBank.PASSWORD);
        browser.open("objection-to-close", notice);
        String close = "form[action*='/approval/objections/'][action$='/close']";
        new Select(browser.find(close + " select[name=outcome]")).selectByValue("KEEP");
        browser.find(close + " input[name=note]").sendKeys("走访核实：小卖部刚开业，额度维持。");
        browser.clickAndLoad("objection-kept", close + " button[type=submit]");
        assertThat(browser.all(".alert-danger"))
                .as("closing refused: " + browser.text())
                .isEmpty();
        assertThat(browser.all(close)).as("no objection left open").isEmpty();
    }

    @Test
    @Order(13)
    void sixDaysLater_theHouseholdSigns_getsItsCertificate_drawsAndRepays() throws Exception {
        long household = householdOf(id("19700101", 501));
        Today.shiftDays(6); // the notice period (5 days) has passed
        browser.logIn("credit-home", MANAGER, DemoBank.PASSWORD);
        browser.open("credit-awaiting", "/credit");
        List<WebElement> awaiting = browser.all("form[action$='/credit/contracts'] input[name=householdId]");
        int row = -1;
        for (int i = 0; i < awaiting.size(); i++) {
            if (Long.toString(household).equals(awaiting.get(i).getAttribute("value"))) {
                row = i;
            }
        }
        assertThat(row)
                .as("田家长's household awaits its contract: " + browser.text())
                .isNotNegative();
        browser.clickAndLoad("credit-signed", "form[action$='/credit/contracts'] button[type=submit]", row);
        assertThat(browser.all(".alert-danger"))
                .as("signing refused: " + browser.text())
                .isEmpty();
        assertThat(browser.driver.getCurrentUrl()).matches(".*/credit/lines/\\d+.*");
        String line =
                browser.driver.getCurrentUrl().replaceAll("^https?://[^/]+", "").replaceAll("[#?].*$", "");
        certificateNo = jdbc.sql("select certificate_no from credit_line where household_id = :h")
                .param("h", household)
                .query(String.class)
                .single();
        assertThat(browser.text()).contains(certificateNo, "80,000");

        String certificate = browser.pdfText(line + "/certificate.pdf");
        assertThat(certificate).contains(certificateNo, "田家长", "80,000").doesNotContain(id("19700101", 501));

        // at the counter: the certificate and the representative's ID card
        browser.find("#dc").sendKeys(certificateNo);
        browser.find("#dr").sendKeys(id("19700101", 501));
        browser.find("#da").sendKeys("30000");
        browser.clickAndLoad("credit-drawn", "form[action$='/draws'] button[type=submit]");
        assertThat(browser.all(".alert-danger"))
                .as("draw refused: " + browser.text())
                .isEmpty();
        assertThat(browser.text()).as("available after the draw").contains("50,000");

        browser.find("#rc").sendKeys(certificateNo);
        browser.find("#ra").sendKeys("10000");
        browser.clickAndLoad("credit-repaid", "form[action$='/repayments'] button[type=submit]");
        assertThat(browser.all(".alert-danger"))
                .as("repayment refused: " + browser.text())
                .isEmpty();
        assertThat(browser.text()).as("available after the repayment").contains("60,000");
    }

    record Figures(String assets, String liabilities, String gross, String net, String suggested) {}

    /** Member {@code copy}'s estimate of household {@code h}: members differ a little, as real estimates do. */
    static Figures figures(int copy, int h) {
        int base = h == 0 ? 80_000 : 50_000;
        int net = base + (copy - 3) * 2_000;
        return new Figures(
                Integer.toString(net * 5),
                Integer.toString(net / 2),
                Integer.toString(net * 2),
                Integer.toString(net),
                Integer.toString(net + (copy - 3) * 1_000));
    }

    void type(String name, String value) {
        WebElement e = browser.find("input[name='" + name + "']");
        e.clear();
        e.sendKeys(value);
    }

    @Test
    @Order(40)
    void headOffice_afterwards_seesTheVillagePreCreditedContractedAndDrawing() {
        browser.logIn("head-office-home", "ho_bd", DemoBank.PASSWORD);
        browser.open("head-office-coverage", "/filing/coverage?by=AREA");
        assertThat(browser.text()).contains("建档覆盖率");
        assertThat(browser.all("table tbody tr")).isNotEmpty();

        refreshFigures("head-office-refresh-after");
        browser.open("head-office-village-after", "/dashboard/coverage/areas/" + areaId);
        assertThat(funnel("已预授信").households()).isEqualTo(2);
        assertThat(funnel("已审批").households()).isEqualTo(2);
        assertThat(funnel("已签约").households()).isEqualTo(1);
        assertThat(funnel("已用信").households()).isEqualTo(1);
    }

    record Step(long households, String amount) {}

    /** The funnel row of the open area page whose step name starts with {@code name}. */
    Step funnel(String name) {
        for (WebElement tr : browser.all("table tr")) {
            List<WebElement> td = tr.findElements(org.openqa.selenium.By.tagName("td"));
            if (td.size() == 3 && td.get(0).getText().startsWith(name)) {
                return new Step(
                        Long.parseLong(td.get(1).getText().replace(",", "")),
                        td.get(2).getText());
            }
        }
        throw new AssertionError("no funnel step " + name + " on " + browser.text());
    }

    /** Head office refreshes the precomputed figures now instead of waiting for the schedule. */
    void refreshFigures(String step) {
        browser.open(step, "/dashboard/coverage");
        browser.clickAndLoad(step + "-done", "form[action$='/dashboard/refresh'] button[type=submit]");
        assertThat(browser.all(".alert-danger")).isEmpty();
    }

    long householdOf(String residentId) {
        return jdbc.sql("select household_id from customer where resident_id = :r")
                .param("r", residentId)
                .query(Long.class)
                .single();
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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
