package sunshine.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import sunshine.Fixtures;
import sunshine.browser.Browser;
import sunshine.customer.ResidentId;
import sunshine.demo.DemoBank;
import sunshine.shared.Today;

/**
 * Issue 6's "How it will be checked", walked in headless Chromium as a new user would: the head of a branch that has
 * never used the checks downloads the ledger templates (xlsx and CSV), fills them and uploads, through the page's
 * form, a ledger with a loan outside the pre-credit list (R23 a), a loan above its household's limit (R23 b) and a
 * loan within its limit, then the bad-record files of a loan repaid by a guarantor and a written-off personal loan
 * (R24 2 and 3); runs the checks; sees the two households removed, each with its reason and the snapshot row, and the
 * two findings. The branch explains one finding, head-office credit accepts it and refers the other to audit, audit
 * takes the case (investigating); thirty-one days later it stands out as overdue, and audit closes it with a
 * resolution. The checks are run again on the same snapshot and the same ledger is uploaded again: nothing is
 * duplicated, on the page or in the database. Every page is checked for untranslated keys, console errors and
 * unmasked resident IDs, and photographed to target/screenshots/checks-walk.
 *
 * <p>Its data is its own: a new village in branch B05 (which the demo and the other walks leave alone), five
 * households filed directly in the database, review results inserted as the review's batch would leave them, and
 * loan numbers unique to the run. Expected findings and removals are worked out by hand from R23 and R24.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ChecksWalkTest {

    static final Path SHOTS = Path.of("target", "screenshots", "checks-walk");
    static final String BRANCH = "B05";
    static final String HEAD = "b05_head";
    static final String HO_CREDIT = "ho_credit";
    static final String HO_AUDIT = "ho_audit";
    /** The ledger's columns as issue 6 point 1 lists them, in the template's Chinese. */
    static final List<String> LEDGER_COLUMNS =
            List.of("贷款账号", "借款人身份证号", "机构代码", "客户经理工号", "贷款产品", "金额", "余额", "发放日期", "到期日期", "五级分类", "担保人身份证号(多个用;分隔)");

    static final String GUARANTOR_REPAID_HEADER = "贷款账号,借款人身份证号,机构代码,金额,发生日期,担保人身份证号";
    static final String WRITE_OFF_HEADER = "贷款账号,借款人身份证号,机构代码,金额,发生日期,是否个人贷款";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Browser browser;
    Fixtures fx;
    Path files;
    long bank;
    long area;
    String areaName;
    String managerNo;
    /** Loan numbers of this run: CW{run}-n. */
    String prefix;

    /** Households (representative's resident ID, name) of the walk. */
    Person above;

    Person notOnList;
    Person withinLimit;
    Person guarantorRepaid;
    /** The member of {@link #guarantorRepaid}'s household whose loan the guarantor repaid (not its representative). */
    Person guarantorRepaidSpouse;

    Person writtenOff;
    Person guarantor;

    long ledgerSnapshot;
    Path ledgerFile;
    long aboveFinding;
    long notOnListFinding;
    long referral;

    record Person(String residentId, String name, long household) {}

    @BeforeAll
    void start() throws IOException {
        browser = new Browser("http://localhost:" + port, SHOTS);
        fx = new Fixtures(jdbc);
        bank = fx.bank("ZQRCB");
        long branch = fx.branch("ZQRCB", BRANCH);
        files = Files.createTempDirectory("checks-walk");
        int run = (int) (System.currentTimeMillis() / 1000 % 1_000_000);
        prefix = "CW" + run + "-";
        areaName = "核查走查村" + run;
        area = jdbc.sql(
                        "insert into area (bank_id, branch_id, kind, name) values (:b, :br, 'VILLAGE', :n) returning id")
                .param("b", bank)
                .param("br", branch)
                .param("n", areaName)
                .query(Long.class)
                .single();
        managerNo = jdbc.sql("select s.staff_no from staff s join user_account u on u.staff_id = s.id"
                        + " where u.username = 'b05_am1'")
                .query(String.class)
                .single();
        Random random = new Random(run);
        above = person(random, "周立新");
        notOnList = person(random, "吴秀兰");
        withinLimit = person(random, "陈海燕");
        guarantorRepaid = person(random, "郑国强");
        guarantorRepaidSpouse = spouse(random, guarantorRepaid, "王桂芳");
        writtenOff = person(random, "冯志明");
        guarantor = new Person(newId(random), "担保人", 0);
        // the review's results (the latest per household is its current one): four on the list, one filed only
        result(above.household(), "50000.00");
        result(withinLimit.household(), "20000.00");
        result(guarantorRepaid.household(), "40000.00");
        result(writtenOff.household(), "30000.00");
    }

    @AfterEach
    void clockBack() {
        Today.shiftDays(0);
    }

    @AfterAll
    void stop() {
        Today.shiftDays(0);
        if (browser != null) {
            browser.close();
        }
    }

    // ---------------------------------------------------------------------------------------------------- uploads

    @Test
    @Order(1)
    void theBranchHeadDownloadsTheTemplates_andUploadsALedgerThroughThePage() throws Exception {
        browser.logIn("head-home", HEAD, DemoBank.PASSWORD);
        browser.open("checks-home", "/checks");
        browser.clickAndLoad("upload-form", "a[href$='/checks/upload']");

        // the ledger's templates, as the links on the page download them
        byte[] xlsx = browser.download(href("a[href$='/checks/templates/LEDGER.xlsx']"));
        List<String> header = new ArrayList<>();
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            wb.getFirstSheet().openStream().findFirst().orElseThrow().forEach(c -> header.add(c.getRawValue()));
        }
        assertThat(header).containsExactlyElementsOf(LEDGER_COLUMNS);
        String csv =
                new String(browser.download(href("a[href$='/checks/templates/LEDGER.csv']")), StandardCharsets.UTF_8);
        assertThat(csv.replace("\uFEFF", "").strip()).isEqualTo(String.join(",", LEDGER_COLUMNS));

        // the ledger, filled into a workbook with the template's header: one loan outside the list, one above its
        // household's 50,000, one within its household's 20,000
        ledgerFile = files.resolve("贷款台账-" + prefix + ".xlsx");
        List<List<String>> rows = List.of(
                ledgerRow(1, above, "80000.00", "76000.00"),
                ledgerRow(2, notOnList, "30000.00", "30000.00"),
                ledgerRow(3, withinLimit, "15000.00", "9000.00"));
        writeXlsx(ledgerFile, header, rows);
        ledgerSnapshot = upload("ledger", "LEDGER", ledgerFile);
        assertThat(browser.text())
                .contains("已加载")
                .contains(ledgerFile.getFileName().toString());
        assertThat(count("select count(*) from check_row where snapshot_id = :s and status = 'VALID'", ledgerSnapshot))
                .isEqualTo(3);
        // the valid rows are listed, the borrowers' IDs masked (checkPage fails on a full one)
        browser.clickAndLoad("ledger-valid-rows", "a[href*='status=VALID']");
        assertThat(browser.text()).contains(prefix + "1").contains(prefix + "2").contains(prefix + "3");
        assertThat(browser.text()).contains(ResidentId.mask(above.residentId()));
    }

    @Test
    @Order(2)
    void theBadRecordFilesAreUploadedAsTheirOwnKinds() throws Exception {
        String guarantorCsvTemplate =
                new String(browser.download("/checks/templates/GUARANTOR_REPAID.csv"), StandardCharsets.UTF_8);
        assertThat(guarantorCsvTemplate.replace("\uFEFF", "").strip()).isEqualTo(GUARANTOR_REPAID_HEADER);
        Path repaid = files.resolve("担保人代偿-" + prefix + ".csv");
        Files.writeString(
                repaid,
                "\uFEFF" + GUARANTOR_REPAID_HEADER + "\r\n" + prefix + "4," + guarantorRepaidSpouse.residentId() + ","
                        + BRANCH + ",20000.00," + Today.date().minusYears(1) + "," + guarantor.residentId() + "\r\n");
        browser.open("upload-form-2", "/checks/upload");
        upload("guarantor-repaid", "GUARANTOR_REPAID", repaid);

        String writeOffTemplate =
                new String(browser.download("/checks/templates/WRITE_OFF.csv"), StandardCharsets.UTF_8);
        assertThat(writeOffTemplate.replace("\uFEFF", "").strip()).isEqualTo(WRITE_OFF_HEADER);
        Path writeOff = files.resolve("核销贷款-" + prefix + ".csv");
        Files.writeString(
                writeOff,
                "\uFEFF" + WRITE_OFF_HEADER + "\r\n" + prefix + "5," + writtenOff.residentId() + "," + BRANCH
                        + ",12000.00," + Today.date().minusYears(3) + ",是\r\n");
        browser.open("upload-form-3", "/checks/upload");
        upload("written-off", "WRITE_OFF", writeOff);

        // the home page lists the three snapshots, each marked current
        browser.open("checks-home-loaded", "/checks");
        assertThat(browser.text())
                .contains(ledgerFile.getFileName().toString())
                .contains(repaid.getFileName().toString())
                .contains(writeOff.getFileName().toString());
    }

    // ---------------------------------------------------------------------------------------------------- checks

    @Test
    @Order(3)
    void theChecksRun_showingTheTwoFindingsAndTheTwoRemovals() {
        browser.open("checks-before-run", "/checks");
        browser.clickAndLoad("checks-run", "form[action$='/checks/run'] button[type=submit]");
        assertThat(browser.driver.getCurrentUrl()).contains("/checks/findings");
        // the upload ran the check already (every new ledger is checked): the button reports what it added, and only
        // the ledgers that can hold the branch's loans (its own, and any from head office) were read
        long ledgersRead = count("""
                select count(*) from (select distinct on (scope_path) id, scope_path from check_snapshot
                 where bank_id = :p and kind = 'LEDGER' and status = 'LOADED' order by scope_path, as_of desc, id desc) s
                 where s.scope_path = (select path from branch where code = 'B05' and bank_id = :p)
                    or (select path from branch where code = 'B05' and bank_id = :p) like s.scope_path || '%'""", bank);
        assertThat(browser.find(".alert-info").getText())
                .contains("不在名单 0 条，超过预授信金额 0 条（读取台账快照 " + ledgersRead + " 个）");
        assertThat(browser.all(".alert-success"))
                .as("no bare 'saved' note above the run's result")
                .isEmpty();

        // R23: the loan outside the list and the loan above 50,000; nothing for the loan within its limit
        aboveFinding = findingOf(prefix + "1");
        notOnListFinding = findingOf(prefix + "2");
        assertThat(count("select count(*) from check_finding where loan_no like :p", prefix + "%"))
                .isEqualTo(2);
        WebElement aboveRow = rowWith(prefix + "1");
        assertThat(aboveRow.getText())
                .contains("贷款金额大于预授信金额")
                .contains("待说明")
                .contains("80,000.00")
                .contains("50,000.00")
                .contains(above.name())
                .contains(ResidentId.mask(above.residentId()))
                .contains("快照 " + ledgerSnapshot + " 第 2 行");
        assertThat(rowWith(prefix + "2").getText())
                .contains("有贷款但不在预授信名单")
                .contains("30,000.00")
                .contains(notOnList.name())
                .contains("快照 " + ledgerSnapshot + " 第 3 行");
        assertThat(browser.text()).doesNotContain(prefix + "3");

        // R24: the household whose member's loan the guarantor repaid, and the one with a written-off loan
        browser.open("households-removed", "/checks/households?filter=REMOVED");
        WebElement repaidRow = rowWith(guarantorRepaid.name());
        assertThat(repaidRow.getText())
                .contains(areaName)
                .contains("担保人代偿（R24-2）")
                .contains(guarantorRepaidSpouse.name())
                .contains(ResidentId.mask(guarantorRepaidSpouse.residentId()))
                .contains("第 2 行");
        WebElement writtenOffRow = rowWith(writtenOff.name());
        assertThat(writtenOffRow.getText()).contains("个人贷款核销（R24-3）").contains("第 2 行");
        assertThat(browser.text()).doesNotContain(above.name()).doesNotContain(withinLimit.name());
        // the snapshot row behind a removal: the link opens the file's valid rows, the loan among them
        WebElement evidence = repaidRow.findElement(By.cssSelector("a[href*='/checks/snapshots/']"));
        follow("removal-evidence", evidence);
        // the row itself, every cell under its column, the IDs masked
        String row = browser.find("#row").getText();
        assertThat(row)
                .contains("快照")
                .contains("第 2 行")
                .contains(prefix + "4")
                .contains(ResidentId.mask(guarantorRepaidSpouse.residentId()))
                .contains(ResidentId.mask(guarantor.residentId()))
                .contains("20000.00")
                .contains(Today.date().minusYears(1).toString())
                .contains("有效");
        assertThat(browser.text()).contains("担保人代偿贷款");
    }

    // ---------------------------------------------------------------------------------------------------- decisions

    @Test
    @Order(4)
    void theBranchExplainsOne_headOfficeAcceptsIt_andRefersTheOtherToAudit() {
        browser.open("findings", "/checks/findings");
        browser.clickAndLoad("finding-above", "a[href$='/checks/findings/" + aboveFinding + "']");
        // its evidence: the ledger's row with the amount, the balance and the dates
        browser.clickAndLoad("finding-above-evidence", "a[href*='/checks/snapshots/" + ledgerSnapshot + "']");
        assertThat(browser.find("#row").getText())
                .contains(prefix + "1")
                .contains("80000.00")
                .contains("76000.00")
                .contains(managerNo)
                .contains("正常");
        browser.driver.navigate().back();
        browser.find("#reason").sendKeys("该户新增大棚两个，经营规模扩大，支行按规定报批后发放。");
        browser.clickAndLoad("finding-explained", "form[action$='/explain'] button[type=submit]");
        assertThat(browser.text()).contains("已说明，待总行决定").contains("该户新增大棚两个");
        assertThat(status("check_finding", aboveFinding)).isEqualTo("EXPLAINED");

        browser.logIn("credit-home", HO_CREDIT, DemoBank.PASSWORD);
        browser.open("credit-finding-above", "/checks/findings/" + aboveFinding);
        browser.find("#note").sendKeys("原因属实，认可。");
        browser.clickAndLoad("credit-accepted", "form[action$='/accept'] button[type=submit]");
        assertThat(browser.text()).contains("原因已认可").contains("原因属实，认可。");
        assertThat(status("check_finding", aboveFinding)).isEqualTo("ACCEPTED");

        browser.open("credit-finding-not-on-list", "/checks/findings/" + notOnListFinding);
        assertThat(browser.text()).contains("未列入预授信名单");
        browser.find("#evidence").sendKeys("台账第3行：借款人未列入预授信名单即放款30,000元，支行未说明原因。");
        new Select(browser.find("#ownerId")).selectByVisibleText(staffName(HO_AUDIT));
        assertThat(browser.find("#deadline").getAttribute("value"))
                .isEqualTo(Today.date().plusDays(30).toString());
        browser.clickAndLoad("credit-referred", "form[action$='/refer'] button[type=submit]");
        assertThat(browser.text()).contains("已移交审计").doesNotContain("— —");
        assertThat(status("check_finding", notOnListFinding)).isEqualTo("REFERRED");
        referral = jdbc.sql("select id from check_referral where finding_id = :f")
                .param("f", notOnListFinding)
                .query(Long.class)
                .single();
    }

    @Test
    @Order(5)
    void auditTakesTheCase_itStandsOutWhenOverdue_andAuditClosesIt() {
        browser.logIn("audit-home", HO_AUDIT, DemoBank.PASSWORD);
        browser.open("audit-referrals", "/checks/referrals");
        browser.clickAndLoad("audit-case", "a[href$='/checks/referrals/" + referral + "']");
        assertThat(browser.text())
                .contains(notOnList.name())
                .contains(ResidentId.mask(notOnList.residentId()))
                .contains(managerNo)
                .contains("台账第3行")
                .contains(Today.date().plusDays(30).toString());
        new Select(browser.find("#status")).selectByValue("INVESTIGATING");
        browser.find("#resolution").sendKeys("已调取放款档案，约谈客户经理。");
        browser.clickAndLoad("audit-investigating", "form[action$='/steps'] button[type=submit]");
        assertThat(status("check_referral", referral)).isEqualTo("INVESTIGATING");
        assertThat(browser.text()).contains("调查中");

        // thirty-one days later the case is past its deadline: first in audit's list, in red, marked overdue
        Today.shiftDays(31);
        browser.open("audit-referrals-overdue", "/checks/referrals");
        WebElement row = browser.all("tbody tr").get(0);
        assertThat(row.getText()).contains(String.valueOf(referral)).contains("已逾期");
        assertThat(row.getAttribute("class")).contains("table-danger");
        browser.open("audit-checks-home-overdue", "/checks");
        assertThat(browser.find(".alert-danger").getText()).contains("逾期");
        browser.open("audit-case-overdue", "/checks/referrals/" + referral);
        assertThat(browser.text()).contains("已逾期");

        new Select(browser.find("#status")).selectByValue("CLOSED");
        browser.find("#resolution").clear();
        browser.find("#resolution").sendKeys("客户经理未核实名单即放款，已通报批评并扣减绩效。");
        browser.clickAndLoad("audit-closed", "form[action$='/steps'] button[type=submit]");
        assertThat(status("check_referral", referral)).isEqualTo("CLOSED");
        assertThat(browser.text()).contains("已结案").contains("已通报批评").doesNotContain("已逾期");
        assertThat(browser.text()).contains("结案时间");
        browser.open("audit-referrals-closed", "/checks/referrals");
        WebElement closed = rowWith("已通报批评");
        assertThat(closed.getAttribute("class")).doesNotContain("table-danger");
        assertThat(jdbc.sql("""
                        select string_agg(action, ',' order by seq) from audit_log
                         where entity_type = 'check_referral' and entity_id = :r""")
                        .param("r", String.valueOf(referral))
                        .query(String.class)
                        .single())
                .isEqualTo("CHECK_REFERRAL_OPENED,CHECK_REFERRAL_INVESTIGATING,CHECK_REFERRAL_CLOSED");
    }

    // ---------------------------------------------------------------------------------------------------- re-run

    @Test
    @Order(6)
    void runningAgainOnTheSameSnapshot_andUploadingTheSameLedgerAgain_duplicatesNothing() throws Exception {
        browser.logIn("head-again", HEAD, DemoBank.PASSWORD);
        browser.open("checks-again", "/checks");
        browser.clickAndLoad("checks-rerun", "form[action$='/checks/run'] button[type=submit]");
        assertThat(browser.find(".alert-info").getText()).contains("不在名单 0 条").contains("超过预授信金额 0 条");
        assertThat(rowsWith(prefix)).isEqualTo(2);
        assertThat(count("select count(*) from check_finding where loan_no like :p", prefix + "%"))
                .isEqualTo(2);
        // the decided findings stay as they were decided
        assertThat(status("check_finding", aboveFinding)).isEqualTo("ACCEPTED");
        assertThat(status("check_finding", notOnListFinding)).isEqualTo("REFERRED");
        assertThat(rowWith(prefix + "1").getText()).contains("原因已认可");
        assertThat(rowWith(prefix + "2").getText()).contains("已移交审计");

        // the same file again: recognised, nothing changes
        browser.open("upload-again", "/checks/upload");
        new Select(browser.find("#kind")).selectByValue("LEDGER");
        browser.find("#file").sendKeys(ledgerFile.toAbsolutePath().toString());
        browser.clickAndLoad("upload-again-done", "form[action$='/checks/upload'] button[type=submit]");
        assertThat(browser.text()).contains("该文件已按同一日期上传过");
        assertThat(browser.driver.getCurrentUrl()).endsWith("/checks/snapshots/" + ledgerSnapshot);
        assertThat(count(
                        "select count(*) from check_snapshot where file_sha256 = (select file_sha256 from check_snapshot"
                                + " where id = :s)",
                        ledgerSnapshot))
                .isEqualTo(1);
        assertThat(count("select count(*) from check_finding where loan_no like :p", prefix + "%"))
                .isEqualTo(2);
        assertThat(count("select count(*) from check_referral where finding_id = :f", notOnListFinding))
                .isEqualTo(1);

        // the removals: each household once, with its one reason
        browser.open("households-again", "/checks/households?filter=REMOVED");
        assertThat(rowsWith(guarantorRepaid.name())).isEqualTo(1);
        assertThat(rowsWith(writtenOff.name())).isEqualTo(1);
        assertThat(rowWith(guarantorRepaid.name()).findElements(By.cssSelector(".badge")))
                .hasSize(1);
    }

    @Test
    @Order(7)
    void theSamePagesInEnglish_haveNoUntranslatedKey() {
        browser.logIn("credit-english", HO_CREDIT, DemoBank.PASSWORD);
        browser.open("en-checks", "/checks?lang=en");
        assertThat(browser.text()).contains("Loan ledger");
        browser.open("en-upload", "/checks/upload");
        browser.open("en-findings", "/checks/findings");
        browser.open("en-finding", "/checks/findings/" + notOnListFinding);
        assertThat(browser.text()).contains("Referred to audit");
        browser.open("en-evidence", "/checks/snapshots/" + ledgerSnapshot + "?status=VALID&row=3");
        assertThat(browser.find("#row").getText()).contains(prefix + "2").contains("Valid");
        browser.open("en-households", "/checks/households?filter=REMOVED");
        browser.open("en-referrals", "/checks/referrals");
        browser.open("en-referral", "/checks/referrals/" + referral);
        assertThat(browser.text()).contains("Closed");
        browser.open("zh-again", "/checks?lang=zh_CN");
    }

    // ---------------------------------------------------------------------------------------------------- helpers

    /** Chooses the kind and the file on the upload page, submits, and waits until the snapshot is loaded. */
    private long upload(String step, String kind, Path file) {
        new Select(browser.find("#kind")).selectByValue(kind);
        assertThat(browser.find("#asOf").getAttribute("value"))
                .isEqualTo(Today.date().toString());
        browser.find("#file").sendKeys(file.toAbsolutePath().toString());
        browser.clickAndLoad(step + "-submitted", "form[action$='/checks/upload'] button[type=submit]");
        // read in the background; the page polls and reloads itself when the file is in
        browser.waitUntilPresent(step + "-loaded", "ul.nav-tabs", 120);
        assertThat(browser.driver.getCurrentUrl()).contains("/checks/snapshots/");
        long id = Long.parseLong(browser.driver.getCurrentUrl().replaceAll(".*/snapshots/(\\d+).*", "$1"));
        assertThat(jdbc.sql("select status || '/' || rows_invalid from check_snapshot where id = :s")
                        .param("s", id)
                        .query(String.class)
                        .single())
                .as("snapshot %s of %s", id, file.getFileName())
                .isEqualTo("LOADED/0");
        return id;
    }

    /** Clicks the element and waits for the page it leads to; photographs and checks it. */
    private void follow(String step, WebElement link) {
        WebElement old = browser.driver.findElement(By.tagName("html"));
        browser.press(link);
        browser.waitFor(ExpectedConditions.stalenessOf(old), 60);
        browser.screenshot(step);
        browser.checkPage();
    }

    private String href(String css) {
        return browser.find(css).getAttribute("href").replaceAll("^https?://[^/]+", "");
    }

    private List<String> ledgerRow(int n, Person who, String amount, String balance) {
        LocalDate issued = Today.date().minusMonths(8);
        return List.of(
                prefix + n,
                who.residentId(),
                BRANCH,
                managerNo,
                "农户小额信用贷款",
                amount,
                balance,
                issued.toString(),
                issued.plusYears(2).toString(),
                "正常",
                guarantor.residentId());
    }

    private static void writeXlsx(Path file, List<String> header, List<List<String>> rows) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            Workbook wb = new Workbook(out, "core-system", "1.0");
            Worksheet ws = wb.newWorksheet("贷款台账");
            for (int c = 0; c < header.size(); c++) {
                ws.inlineString(0, c, header.get(c));
            }
            for (int r = 0; r < rows.size(); r++) {
                for (int c = 0; c < rows.get(r).size(); c++) {
                    ws.inlineString(r + 1, c, rows.get(r).get(c));
                }
            }
            wb.finish();
        }
    }

    /** The table row of the current page that contains the text (exactly one). */
    private WebElement rowWith(String text) {
        List<WebElement> rows = browser.all("tbody tr").stream()
                .filter(r -> r.getText().contains(text))
                .toList();
        assertThat(rows)
                .as("rows with %s on %s", text, browser.driver.getCurrentUrl())
                .hasSize(1);
        return rows.get(0);
    }

    private long rowsWith(String text) {
        browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.tagName("tbody")), 10);
        return browser.all("tbody tr").stream()
                .filter(r -> r.getText().contains(text))
                .count();
    }

    private long findingOf(String loanNo) {
        return jdbc.sql("select id from check_finding where loan_no = :l")
                .param("l", loanNo)
                .query(Long.class)
                .single();
    }

    private String status(String table, long id) {
        return jdbc.sql("select status from " + table + " where id = :id")
                .param("id", id)
                .query(String.class)
                .single();
    }

    private long count(String sql, Object param) {
        var spec = jdbc.sql(sql);
        if (sql.contains(":p")) {
            spec = spec.param("p", param);
        } else if (sql.contains(":s")) {
            spec = spec.param("s", param);
        } else {
            spec = spec.param("f", param);
        }
        return spec.query(Long.class).single();
    }

    private String staffName(String username) {
        return jdbc.sql("select s.name from staff s join user_account u on u.staff_id = s.id where u.username = :u")
                .param("u", username)
                .query(String.class)
                .single();
    }

    private void result(long household, String amount) {
        CheckTestData.result(jdbc, bank, household, amount, true);
    }

    /** A resident ID no customer of the database has (region 370181, a birth date from 1960 to 1989). */
    private String newId(Random random) {
        while (true) {
            LocalDate born = LocalDate.of(1960, 1, 1).plusDays(random.nextInt(365 * 30));
            String id = ResidentId.complete(
                    "370181" + born.toString().replace("-", "") + String.format("%03d", random.nextInt(1000)));
            if (jdbc.sql("select count(*) from customer where resident_id = :r")
                            .param("r", id)
                            .query(Long.class)
                            .single()
                    == 0) {
                return id;
            }
        }
    }

    private Person person(Random random, String name) {
        String id = newId(random);
        long customer = fx.customerIn(area, id, name);
        return new Person(id, name, fx.householdOf(customer));
    }

    /** A second member of the household, filed as the representative's spouse. */
    private Person spouse(Random random, Person of, String name) {
        String id = newId(random);
        jdbc.sql("""
                insert into customer (bank_id, branch_id, area_id, household_id, relationship, resident_id, name, gender,
                       birth_date, phone, address, customer_type, data_source)
                select h.bank_id, h.branch_id, h.area_id, h.id, 'SPOUSE', :r, :n, 'F', date '1982-05-01', '13900000000',
                       '测试地址', 'FARMER', 'MANUAL'
                  from household h where h.id = :h""").param("r", id).param("n", name).param("h", of.household()).update();
        return new Person(id, name, of.household());
    }
}
