package sunshine.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import sunshine.demo.DemoBank;
import sunshine.shared.Today;

/**
 * Issue 7's "How it will be checked", in a real browser, as the bank's people do it: a B01 village whose final list
 * is fixed (the checks module's FinalListFixed event) is taken through the approval chain with one referral back, its notice is posted, an
 * objection is recorded, investigated and revises an amount, signing on day 4 is refused with the day it becomes
 * possible, signing on day 6 issues the certificate (the PDF downloads and parses), two draws at the same moment past
 * the limit let exactly one through, a repayment restores the line, an adjustment is requested, and the incentive sheet
 * counts the certificates. Every page is checked for untranslated keys, console errors and unmasked personal data and
 * photographed to target/credit-walk. Days pass with {@link Today#shiftDays}, put back after each step.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CreditWalkTest {

    static final String AM1 = "b01_am1";
    static final String AM2 = "b01_am2";
    static final String COMMITTEE = "b01_credit";
    static final String HEAD = "b01_head";
    static final String HO_CREDIT = "ho_credit";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    org.springframework.context.ApplicationEventPublisher publisher;

    @Autowired
    org.springframework.transaction.support.TransactionTemplate tx;

    Browser browser;
    String base;
    long area;
    String areaName;
    /** The business day the walk starts on; the notice is posted on it. */
    LocalDate day0;
    /** Days after day 0 the server's clock is shifted by during the current step. */
    int day;

    long referredCase;
    long objectedCase;
    long keptCase;
    BigDecimal revisedAmount;
    long noticeId;
    long lineId;
    String certificateNo;
    BigDecimal limit;

    @BeforeAll
    void start() {
        base = "http://localhost:" + port;
        browser = new Browser(base, Path.of("target", "credit-walk"));
        // a B01 village whose final list is fixed: the checks module's event, as FinalLists.fix publishes it (the
        // demo's
        // own villages are already taken through approval by DemoApproval)
        sunshine.approval.ApprovalFixture fx = new sunshine.approval.ApprovalFixture(jdbc, publisher, tx);
        if (!"PUBLIC".equals(fx.mode("ZQRCB"))) {
            fx.mode("ZQRCB", "PUBLIC");
        }
        var households = fx.freshHouseholds("ZQRCB", "B01", 4);
        fx.fix(households, List.of("50000", "40000", "30000", "20000"));
        area = households.get(0).areaId();
        areaName = jdbc.sql("select name from area where id = :a")
                .param("a", area)
                .query(String.class)
                .single();
        day0 = Today.date();
    }

    @BeforeEach
    void clock() {
        Today.shiftDays(day);
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

    // ---------------------------------------------------------------------------------------------------- approval

    @Test
    @Order(1)
    void theVillageGoesThroughTheChain_withOneReferralBackByTheCommittee() {
        approveGroup(AM1, "PROPOSAL");
        approveGroup(AM2, "ACCOUNT_MANAGER_REVIEW");

        // the committee refers one case back to the account manager's review, with its reason
        browser.logIn("committee-home", COMMITTEE, DemoBank.PASSWORD);
        referredCase = caseAt("CREDIT_COMMITTEE");
        browser.open("committee-case", "/approval/cases/" + referredCase);
        new Select(browser.find("#kind")).selectByValue("REFER_BACK");
        new Select(browser.find("#referTo")).selectByValue("ACCOUNT_MANAGER_REVIEW");
        browser.find("#reason").sendKeys("经营收入证明不足，请客户经理补充核实后再报。");
        submit("committee-referred", "form[action$='/decisions'] button[type=submit]");
        assertThat(status(referredCase)).isEqualTo("IN_CHAIN/ACCOUNT_MANAGER_REVIEW");
        assertThat(browser.text()).contains("经营收入证明不足");
        approveGroup(COMMITTEE, "CREDIT_COMMITTEE");

        // the referred case resumes at the account manager's review and climbs the chain again
        approveGroup(AM2, "ACCOUNT_MANAGER_REVIEW");
        approveGroup(COMMITTEE, "CREDIT_COMMITTEE");
        approveGroup(HEAD, "BRANCH_HEAD_FINAL");
        if (count("IN_CHAIN", "HEAD_OFFICE_CREDIT") > 0) {
            approveGroup(HO_CREDIT, "HEAD_OFFICE_CREDIT");
        }
        assertThat(count("IN_CHAIN", null)).as("cases still in the chain").isZero();
        assertThat(count("AWAITING_NOTICE", null)).isPositive();
        // the referral is on the case's record, by the committee, with the reason
        browser.open("referred-case-record", "/approval/cases/" + referredCase);
        assertThat(browser.text()).contains("经营收入证明不足").contains("退回");
    }

    @Test
    @Order(2)
    void theNoticeIsPosted_andAnObjectionIsRecordedInvestigatedAndRevisesAnAmount() {
        browser.logIn("am1-home", AM1, DemoBank.PASSWORD);
        browser.open("area-before-notice", "/approval/areas/" + area);
        submit("notice-posted", "form[action$='/notices'] button[type=submit]");
        assertThat(browser.driver.getCurrentUrl()).contains("/approval/notices/");
        noticeId = Long.parseLong(browser.driver.getCurrentUrl().replaceAll(".*/notices/(\\d+).*", "$1"));
        assertThat(browser.text())
                .contains(day0.toString())
                .contains(day0.plusDays(5).toString());

        List<Long> lines = jdbc.sql("select case_id from approval_notice_line where notice_id = :n order by case_id")
                .param("n", noticeId)
                .query(Long.class)
                .list();
        assertThat(lines).hasSizeGreaterThanOrEqualTo(2);
        objectedCase = lines.get(0);
        keptCase = lines.get(1);
        BigDecimal before = amount(objectedCase);

        // the poster prints and shows no resident ID
        String poster = browser.pdfText("/approval/notices/" + noticeId + "/poster.pdf");
        assertThat(poster).contains(areaName);

        // an objection comes in by phone
        browser.logIn("am2-home", AM2, DemoBank.PASSWORD);
        browser.open("notice-for-objection", "/approval/notices/" + noticeId);
        new Select(browser.find("#caseId")).selectByValue(String.valueOf(objectedCase));
        browser.find("#objector").sendKeys("村民李某");
        new Select(browser.find("#receivedVia")).selectByValue("PHONE");
        browser.find("#content").sendKeys("反映该户今年养殖规模缩小一半，评议额度偏高。");
        submit("objection-recorded", "form[action$='/objections'] button[type=submit]");
        assertThat(status(objectedCase)).startsWith("OBJECTED");
        long objection = jdbc.sql("select id from approval_objection where case_id = :c")
                .param("c", objectedCase)
                .query(Long.class)
                .single();

        // it is taken up for investigation, then closed as revise: back to the account manager's review
        browser.find("#inv" + objection).sendKeys("客户经理上门核实养殖规模");
        submit("objection-investigating", "form[action$='/objections/" + objection + "/investigate'] button");
        assertThat(browser.text()).contains("调查中").contains("客户经理上门核实养殖规模");
        new Select(browser.find("#outcome" + objection)).selectByValue("REVISE");
        new Select(browser.find("#reviseAt" + objection)).selectByValue("ACCOUNT_MANAGER_REVIEW");
        browser.find("#note" + objection).sendKeys("经核实养殖规模缩小，额度需下调");
        submit("objection-closed", "form[action$='/objections/" + objection + "/close'] button");
        assertThat(browser.text()).contains("已办结：重新审批");
        assertThat(status(objectedCase)).isEqualTo("IN_CHAIN/ACCOUNT_MANAGER_REVIEW");

        // the account manager changes the amount with the reason; the chain approves it again
        revisedAmount = before.subtract(new BigDecimal("10000")).max(new BigDecimal("5000"));
        browser.open("revise-case", "/approval/cases/" + objectedCase);
        new Select(browser.find("#kind")).selectByValue("CHANGE_AMOUNT");
        browser.find("#amount").sendKeys(revisedAmount.toPlainString());
        browser.find("#reason").sendKeys("异议核实：养殖规模缩小");
        submit("revise-decided", "form[action$='/decisions'] button[type=submit]");
        assertThat(amount(objectedCase)).isEqualByComparingTo(revisedAmount);
        approveGroup(COMMITTEE, "CREDIT_COMMITTEE");
        approveGroup(HEAD, "BRANCH_HEAD_FINAL");
        assertThat(status(objectedCase)).isEqualTo("AWAITING_NOTICE/-");

        // the revised amount is posted again
        browser.logIn("am1-again", AM1, DemoBank.PASSWORD);
        browser.open("area-revised", "/approval/areas/" + area);
        submit("notice-revised", "form[action$='/notices'] button[type=submit]");
        assertThat(browser.text()).contains(String.format("%,.2f", revisedAmount));
    }

    // ---------------------------------------------------------------------------------------------------- credit

    @Test
    @Order(3)
    void onDay4SigningIsRefused_sayingTheDayItBecomesPossible() {
        day = 4;
        Today.shiftDays(day);
        browser.logIn("day4-home", AM1, DemoBank.PASSWORD);
        browser.open("day4-credit", "/credit");
        submit("day4-refused", signButton(household(keptCase)));
        assertThat(browser.find(".alert-danger").getText())
                .contains("公示期未满")
                .contains(day0.plusDays(5).toString());
        assertThat(linesOf(keptCase)).isZero();
    }

    @Test
    @Order(4)
    void onDay6TheContractIsSigned_andTheCertificatePrints() throws Exception {
        day = 6;
        Today.shiftDays(day);
        browser.logIn("day6-home", AM1, DemoBank.PASSWORD);
        browser.open("day6-credit", "/credit");
        submit("day6-signed", signButton(household(keptCase)));
        assertThat(browser.driver.getCurrentUrl()).contains("/credit/lines/");
        lineId = Long.parseLong(browser.driver.getCurrentUrl().replaceAll(".*/lines/(\\d+).*", "$1"));
        var line = jdbc.sql("select certificate_no, limit_amount, signed_on from credit_line where id = :id")
                .param("id", lineId)
                .query((rs, n) -> new Object[] {rs.getString(1), rs.getBigDecimal(2), rs.getObject(3, LocalDate.class)})
                .single();
        certificateNo = (String) line[0];
        limit = (BigDecimal) line[1];
        assertThat(limit).isEqualByComparingTo(amount(keptCase));
        assertThat(line[2]).isEqualTo(day0.plusDays(6));
        assertThat(browser.text()).contains(certificateNo);

        // the certificate: the link on the page downloads a PDF with the number, the holder and the limit
        String href = browser.find("a[href$='/certificate.pdf']").getAttribute("href");
        String pdf = browser.pdfText(URI.create(href).getPath());
        String holder = jdbc.sql("select c.name from credit_line l join customer c on c.id = l.representative_id"
                        + " where l.id = :id")
                .param("id", lineId)
                .query(String.class)
                .single();
        assertThat(pdf).contains(certificateNo).contains(holder);
        assertThat(pdf.replace(",", ""))
                .contains(limit.setScale(0, java.math.RoundingMode.DOWN).toPlainString());

        // the revised household signs at its revised amount
        browser.open("day6-credit-revised", "/credit");
        submit("day6-signed-revised", signButton(household(objectedCase)));
        BigDecimal revisedLimit = jdbc.sql("select limit_amount from credit_line where household_id = :h")
                .param("h", household(objectedCase))
                .query(BigDecimal.class)
                .single();
        assertThat(revisedLimit).isEqualByComparingTo(revisedAmount);
    }

    @Test
    @Order(5)
    void twoDrawsAtTheSameMomentPastTheLimit_exactlyOnePasses() throws Exception {
        browser.open("line-before-draws", "/credit/lines/" + lineId);
        String csrf = browser.find("input[name=_csrf]").getAttribute("value");
        String cookies = browser.cookieHeader();
        String residentId = jdbc.sql("select c.resident_id from credit_line l join customer c"
                        + " on c.id = l.representative_id where l.id = :id")
                .param("id", lineId)
                .query(String.class)
                .single();
        BigDecimal each = limit.multiply(new BigDecimal("0.6")).setScale(0, java.math.RoundingMode.UP);
        String body = "{\"certificateNo\":\"" + certificateNo + "\",\"residentId\":\"" + residentId + "\",\"amount\":"
                + each.toPlainString() + "}";
        HttpClient http = HttpClient.newHttpClient();
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<HttpResponse<String>>> answers = List.of(1, 2).stream()
                    .map(i -> pool.submit(() -> {
                        go.await();
                        return http.send(
                                HttpRequest.newBuilder(URI.create(base + "/api/v1/credit/draws"))
                                        .header("Content-Type", "application/json")
                                        .header("Accept-Language", "zh-CN")
                                        .header("Cookie", cookies)
                                        .header("X-CSRF-TOKEN", csrf)
                                        .POST(HttpRequest.BodyPublishers.ofString(body))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
                    }))
                    .toList();
            go.countDown();
            List<Integer> statuses = answers.stream()
                    .map(f -> {
                        try {
                            return f.get().statusCode();
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    })
                    .sorted()
                    .toList();
            assertThat(statuses)
                    .as("two draws of %s on a line of %s", each, limit)
                    .containsExactly(201, 409);
        } finally {
            pool.shutdownNow();
        }
        BigDecimal outstanding = outstanding();
        assertThat(outstanding).isEqualByComparingTo(each);
        browser.open("line-after-draws", "/credit/lines/" + lineId);
        assertThat(browser.text()).contains(String.format("%,.2f", limit.subtract(each)));
    }

    @Test
    @Order(6)
    void aRepaymentRestoresTheLine_andAnAdjustmentIsRequested() {
        BigDecimal owed = outstanding();
        browser.open("line-repay", "/credit/lines/" + lineId);
        browser.find("#rc").sendKeys(certificateNo);
        browser.find("#ra").sendKeys(owed.toPlainString());
        submit("line-repaid", "form[action$='/repayments'] button[type=submit]");
        assertThat(outstanding()).isEqualByComparingTo("0");
        assertThat(browser.text()).contains("还款");

        BigDecimal wanted = limit.add(new BigDecimal("10000"));
        browser.find("#nl").sendKeys(wanted.toPlainString());
        browser.find("#ar").sendKeys("扩大养殖规模，申请提高额度");
        browser.find("#ae").sendKeys("新签土地流转合同一份");
        submit("adjustment-requested", "form[action$='/adjustments'] button[type=submit]");
        assertThat(browser.text()).contains("扩大养殖规模，申请提高额度");
        var requested = jdbc.sql("select new_limit, status from credit_adjustment where line_id = :l")
                .param("l", lineId)
                .query((rs, n) -> rs.getBigDecimal(1).toPlainString() + "/" + rs.getString(2))
                .single();
        assertThat(requested).isEqualTo(wanted.setScale(2) + "/REQUESTED");
        // the limit itself is locked until head office has verified and applied it (R31)
        assertThat(jdbc.sql("select limit_amount from credit_line where id = :l")
                        .param("l", lineId)
                        .query(BigDecimal.class)
                        .single())
                .isEqualByComparingTo(limit);
    }

    @Test
    @Order(7)
    void theIncentiveSheetCountsTheNewCertificatesOfTheVillage() {
        browser.logIn("head-home", HEAD, DemoBank.PASSWORD);
        browser.open("incentives", "/credit/incentives?from=" + day0 + "&to=" + day0.plusDays(6));
        WebElement row = browser.all("tr").stream()
                .filter(r -> r.getText().contains(areaName))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no incentive row for " + areaName + ": " + browser.text()));
        List<String> cells = row.findElements(By.tagName("td")).stream()
                .map(WebElement::getText)
                .collect(Collectors.toList());
        // two certificates this walk issued: 6 yuan to the village committee and 5 to the assistant for each
        assertThat(cells.subList(2, 6)).containsExactly("2", "12.00", "10.00", "22.00");
    }

    // ---------------------------------------------------------------------------------------------------- helpers

    /** Signs in as the person, opens their queue and approves the village's group at the stage. */
    private void approveGroup(String username, String stage) {
        browser.logIn(username + "-home", username, DemoBank.PASSWORD);
        browser.open(username + "-queue-" + stage, "/approval");
        long before = count("IN_CHAIN", stage);
        assertThat(before).as("%s cases of the village at %s", username, stage).isPositive();
        WebElement form = browser.all("form[action$='/approval/areas/" + area + "/approve']").stream()
                .filter(f -> stage.equals(
                        f.findElement(By.cssSelector("input[name=stage]")).getAttribute("value")))
                .findFirst()
                .orElseThrow(() -> new AssertionError(username + " has no group of the village at " + stage));
        WebElement button = form.findElement(By.cssSelector("button[type=submit]"));
        WebElement old = browser.driver.findElement(By.tagName("html"));
        browser.press(button);
        browser.waitFor(org.openqa.selenium.support.ui.ExpectedConditions.stalenessOf(old), 60);
        browser.screenshot(username + "-approved-" + stage);
        browser.checkPage();
        assertThat(browser.text()).contains("已批准");
        assertThat(count("IN_CHAIN", stage)).as("left at %s", stage).isZero();
    }

    private void submit(String step, String css) {
        browser.clickAndLoad(step, css);
    }

    private String signButton(long household) {
        return "form[action$='/credit/contracts']:has(input[name=householdId][value='" + household
                + "']) button[type=submit]";
    }

    private long caseAt(String stage) {
        return jdbc.sql("select min(id) from approval_case where area_id = :a and status = 'IN_CHAIN' and stage = :s")
                .param("a", area)
                .param("s", stage)
                .query(Long.class)
                .single();
    }

    private long count(String status, String stage) {
        return jdbc.sql("select count(*) from approval_case where area_id = :a and status = :st"
                        + " and (cast(:s as text) is null or stage = :s)")
                .param("a", area)
                .param("st", status)
                .param("s", stage)
                .query(Long.class)
                .single();
    }

    private long linesOf(long caseId) {
        return jdbc.sql("select count(*) from credit_line where approval_case_id = :c")
                .param("c", caseId)
                .query(Long.class)
                .single();
    }

    private String status(long caseId) {
        return jdbc.sql("select status || '/' || coalesce(stage, '-') from approval_case where id = :c")
                .param("c", caseId)
                .query(String.class)
                .single();
    }

    private BigDecimal amount(long caseId) {
        return jdbc.sql("select amount from approval_case where id = :c")
                .param("c", caseId)
                .query(BigDecimal.class)
                .single();
    }

    private long household(long caseId) {
        return jdbc.sql("select household_id from approval_case where id = :c")
                .param("c", caseId)
                .query(Long.class)
                .single();
    }

    private BigDecimal outstanding() {
        return jdbc.sql("select outstanding from credit_line where id = :l")
                .param("l", lineId)
                .query(BigDecimal.class)
                .single();
    }
}
