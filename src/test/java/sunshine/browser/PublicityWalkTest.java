package sunshine.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
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
 * Issue 10's "How it will be checked", walked in a real browser as a new user would: head office publishes the terms;
 * the branch prints a village's poster (the PDF carries the village's short link, printed and as a QR code); a
 * phone-sized browser, not signed in, opens the link read from the QR code, reads the notice and files an objection to a name on it; the branch sees it in the complaint
 * log and in the notice's objections; a contract is signed after the notice period, head office changes the rate
 * table, and the contract and the terms of its signing day still show the old rate. Screenshots go to
 * target/publicity-walk; every page is checked for untranslated keys, console errors and unmasked personal data.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PublicityWalkTest {

    static final Path SHOTS = Path.of("target", "publicity-walk");
    static final String HEAD_OFFICE = "ho_bd";
    /** The rate table the walk publishes first (v2), and the one it changes to afterwards (v3), percent a year. */
    static final Map<String, String> FIRST = rates("4.15", "4.65", "5.25", "6.05", "7.05");

    static final Map<String, String> CHANGED = rates("4.95", "5.45", "5.95", "6.75", "7.75");
    static final String CALLBACK_PHONE = "0531-86661234";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    org.springframework.context.ApplicationEventPublisher publisher;

    @Autowired
    org.springframework.transaction.support.TransactionTemplate tx;

    @Autowired
    sunshine.approval.ApprovalCases cases;

    @Autowired
    sunshine.approval.Notices notices;

    Browser staff;
    Browser phone;
    long area;
    String areaName;
    String head;
    long noticeId;
    /** Two lines of the notice: one the public objects to, one (still approved) whose contract is signed. */
    long objectedCase;

    String objectedName;
    long signedHousehold;
    String signedGrade;
    String publicLink;
    String qrLink;
    long complaintNo;
    String complaintText;
    String linePath;
    LocalDate signedOn;

    static Map<String, String> rates(String aaa, String aa, String a, String b, String c) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("AAA", aaa);
        m.put("AA", aa);
        m.put("A", a);
        m.put("B", b);
        m.put("C", c);
        return m;
    }

    private java.util.Optional<Object[]> qualifyingNotice() {
        return jdbc.sql("""
                        select n.id, n.area_id, a.name, lower(b.code) from approval_notice n
                          join area a on a.id = n.area_id join branch b on b.id = n.branch_id
                         where n.posted_on <= :d and n.posted_on + n.period_days > :d
                           and not exists (select 1 from approval_notice m where m.area_id = n.area_id
                                   and m.posted_on <= :d and m.posted_on + m.period_days > :d
                                   and (m.posted_on, m.id) > (n.posted_on, n.id))
                           and (select count(*) from approval_notice_line l join approval_case c on c.id = l.case_id
                                 where l.notice_id = n.id and c.status in ('APPROVED', 'OBJECTED')) >= 2
                           and exists (select 1 from approval_notice_line l join approval_case c on c.id = l.case_id
                                   join credit_grantable g on g.approval_case_id = c.id
                                 where l.notice_id = n.id and c.status = 'APPROVED' and not g.withdrawn
                                   and g.grade in ('AAA', 'AA', 'A', 'B', 'C')
                           and not exists (select 1 from credit_line cl where cl.household_id = c.household_id))
                         order by n.id limit 1""")
                .param("d", Today.date())
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4)})
                .optional();
    }

    /**
     * When no village shows such a notice (the demo's own may have a single line left), three B02 households go
     * through the chain as the branch's people and their notice is posted today.
     */
    private void noticeOfOurOwn() {
        var fx = new sunshine.approval.ApprovalFixture(jdbc, publisher, tx);
        var hs = fx.freshHouseholds("ZQRCB", "B02", 3);
        List<Long> ids = fx.fix(hs, List.of("45000", "52000", "38000"));
        String[][] chain = {
            {"b02_am1", "PROPOSAL"},
            {"b02_am2", "ACCOUNT_MANAGER_REVIEW"},
            {"b02_credit", "CREDIT_COMMITTEE"},
            {"b02_head", "BRANCH_HEAD_FINAL"}
        };
        for (long id : ids) {
            for (String[] step : chain) {
                DemoBank.as(
                        jdbc,
                        step[0],
                        () -> cases.decide(
                                id,
                                sunshine.approval.DecisionCommand.approve(
                                        sunshine.approval.Stage.valueOf(step[1]), fx.version(id))));
            }
        }
        DemoBank.as(jdbc, "b02_am1", () -> notices.post(hs.get(0).areaId(), Today.date()));
    }

    @BeforeAll
    void start() {
        staff = new Browser("http://localhost:" + port, SHOTS);
        // a village whose public page shows a notice today (PUBLIC mode: the demo's, or one another test posted; the
        // page shows the area's latest notice in period) with a line that can be signed later and another one to
        // object to, and its branch head
        var notice = qualifyingNotice().orElseGet(() -> {
            noticeOfOurOwn();
            return qualifyingNotice().orElseThrow();
        });
        noticeId = (long) notice[0];
        area = (long) notice[1];
        areaName = (String) notice[2];
        head = notice[3] + "_head";
        // the household whose contract is signed later: a line still approved, its limit not withdrawn
        Object[] signed = jdbc.sql("""
                        select c.id, c.household_id, g.grade from approval_notice_line l
                          join approval_case c on c.id = l.case_id join credit_grantable g on g.approval_case_id = c.id
                         where l.notice_id = :n and c.status = 'APPROVED' and not g.withdrawn
                           and g.grade in ('AAA', 'AA', 'A', 'B', 'C')
                           and not exists (select 1 from credit_line cl where cl.household_id = c.household_id) order by c.id limit 1""")
                .param("n", noticeId)
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getLong(2), rs.getString(3)})
                .single();
        signedHousehold = (long) signed[1];
        signedGrade = (String) signed[2];
        // the line the public objects to: another one still on the notice (the demo's has an objection already)
        Object[] objected = jdbc.sql("""
                        select c.id, l.household_name from approval_notice_line l join approval_case c on c.id = l.case_id
                         where l.notice_id = :n and c.status in ('APPROVED', 'OBJECTED') and c.id <> :signed
                         order by c.id limit 1""")
                .param("n", noticeId)
                .param("signed", (long) signed[0])
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2)})
                .single();
        objectedCase = (long) objected[0];
        objectedName = (String) objected[1];
        // the area's account managers' phones are posted by design (R27)
        jdbc.sql(
                        "select s.phone from area a join staff s on s.id = a.manager_id where a.id = :a and s.phone is not null")
                .param("a", area)
                .query(String.class)
                .list()
                .forEach(p -> staff.publicPhones.add(p.replaceAll("\\D", "")));
    }

    @AfterAll
    void stop() {
        Today.shiftDays(0);
        if (staff != null) {
            staff.close();
        }
        if (phone != null) {
            phone.close();
        }
    }

    @Test
    @Order(1)
    void headOfficePublishesTheTerms_withARateTable() {
        staff.logIn("head-office-home", HEAD_OFFICE, DemoBank.PASSWORD);
        staff.open("terms-now", "/publicity/terms");
        staff.clickAndLoad("terms-form", "a[href$='/publicity/terms/new']");
        publish(FIRST, "本行承诺：阳光信贷全程公开，欢迎监督。");
        assertThat(staff.all(".alert-danger")).as(staff.text()).isEmpty();
        String rates = staff.find("#rates").getText();
        FIRST.forEach((grade, rate) -> assertThat(rates).contains(grade).contains(rate + "%"));
        assertThat(staff.text()).contains("本行承诺：阳光信贷全程公开，欢迎监督。");
    }

    /** Fills the new-version form (effective today) with the rate table and one more service commitment. */
    void publish(Map<String, String> table, String commitment) {
        assertThat(staff.driver.getCurrentUrl()).endsWith("/publicity/terms/new");
        WebElement commitments = staff.find("#commitments");
        commitments.sendKeys("\n" + commitment);
        List<WebElement> grades = staff.all("input[name=grade]");
        List<WebElement> values = staff.all("input[name=rate]");
        for (int i = 0; i < grades.size(); i++) {
            String rate = table.get(grades.get(i).getAttribute("value"));
            if (rate != null) {
                values.get(i).clear();
                values.get(i).sendKeys(rate);
            }
        }
        staff.screenshot("terms-filled");
        staff.clickAndLoad("terms-published", "form[action$='/publicity/terms'] button[type=submit]");
    }

    @Test
    @Order(2)
    void theBranchPrintsTheVillagePoster_andThePdfCarriesTheShortLink() throws Exception {
        staff.logIn("branch-head-home", head, DemoBank.PASSWORD);
        staff.open("publicity-area", "/publicity/areas/" + area);
        publicLink = staff.find("#public-link").getAttribute("href");
        assertThat(publicLink).matches("http://localhost:\\d+/p/[A-Za-z0-9_-]{16}");
        String poster = staff.find("a[href$='/poster.pdf']").getAttribute("href");

        HttpResponse<byte[]> pdf = download(poster);
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
        Files.write(SHOTS.resolve("poster.pdf"), pdf.body());
        try (PDDocument doc = Loader.loadPDF(pdf.body())) {
            String text = new PDFTextStripper().getText(doc);
            // the short link is printed under the QR code; a long link may wrap, so compare without white space
            assertThat(text.replaceAll("\\s", "")).contains(publicLink).contains(areaName);
            assertThat(text).contains("章丘农商银行");
            // the QR code on the poster is what a phone scans: it must carry the same short link
            BufferedImage img = new PDFRenderer(doc).renderImageWithDPI(0, 150);
            int[] px = img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth());
            BinaryBitmap bitmap =
                    new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(img.getWidth(), img.getHeight(), px)));
            qrLink = new QRCodeReader().decode(bitmap).getText();
            assertThat(qrLink).isEqualTo(publicLink);
        }
    }

    /** Downloads what the signed-in staff browser may open, with its session cookie. */
    HttpResponse<byte[]> download(String url) throws Exception {
        String cookies = staff.driver.manage().getCookies().stream()
                .map(c -> c.getName() + "=" + c.getValue())
                .collect(Collectors.joining("; "));
        HttpRequest req = HttpRequest.newBuilder(URI.create(url))
                .header("Cookie", cookies)
                .GET()
                .build();
        return HttpClient.newHttpClient().send(req, HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    @Order(3)
    void aPhoneOpensTheShortLinkWithoutLoggingIn_andReadsTheNotice() {
        phone = new Browser("", SHOTS.resolve("phone"));
        phone.publicPhones.addAll(staff.publicPhones);
        phone.driver.manage().window().setSize(new Dimension(360, 640));
        phone.open("public-page", qrLink);
        assertThat(phone.driver.getCurrentUrl()).as("no login asked").doesNotContain("/login");
        String text = phone.text();
        assertThat(text).contains(areaName, "张榜公示", "本行承诺：阳光信贷全程公开，欢迎监督。");
        // the notice: every line still standing with its amount as posted, never an ID or a phone (checkPage)
        List<Object[]> lines = jdbc.sql("""
                        select l.household_name, l.amount from approval_notice_line l join approval_case c on c.id = l.case_id
                         where l.notice_id = :n and c.status in ('APPROVED', 'OBJECTED')""")
                .param("n", noticeId)
                .query((rs, n) -> new Object[] {rs.getString(1), rs.getBigDecimal(2)})
                .list();
        assertThat(lines).isNotEmpty();
        String notice = phone.find("#notice").getText();
        for (Object[] l : lines) {
            String amount = new java.text.DecimalFormat("#,##0.00").format(l[1]);
            assertThat(notice).contains((String) l[0]).contains(amount);
        }
        // the rates in force now are the ones just published
        FIRST.forEach((grade, rate) -> assertThat(text).contains(rate + "%"));
        // made for the phone: nothing wider than its screen
        long overflow = (Long) ((JavascriptExecutor) phone.driver)
                .executeScript("return document.documentElement.scrollWidth - window.innerWidth;");
        assertThat(overflow).as("page wider than a 360 px phone").isLessThanOrEqualTo(0);
    }

    @Test
    @Order(4)
    void thePhoneFilesAnObjectionToANameOnTheNotice() {
        complaintText = "公示名单中" + objectedName + "家常年在外，收入与公示金额不符，请核实。";
        new Select(phone.find("select[name=about]")).selectByValue(Long.toString(objectedCase));
        phone.find("textarea[name=content]").sendKeys(complaintText);
        phone.find("input[name=name]").sendKeys("村民李某");
        phone.find("input[name=phone]").sendKeys(CALLBACK_PHONE);
        Matcher sum = Pattern.compile("(\\d+) \\+ (\\d+) = \\?").matcher(phone.text());
        assertThat(sum.find()).isTrue();
        phone.find("input[name=answer]")
                .sendKeys(String.valueOf(Integer.parseInt(sum.group(1)) + Integer.parseInt(sum.group(2))));
        phone.screenshot("complaint-filled");
        phone.clickAndLoad("complaint-sent", "form button[type=submit]");
        String text = phone.text();
        Matcher no = Pattern.compile("登记编号 (\\d+)").matcher(text);
        assertThat(no.find()).as(text).isTrue();
        complaintNo = Long.parseLong(no.group(1));
        assertThat(phone.find("#objectionRecorded").getText()).contains(objectedName, "已转入公示异议处理");
    }

    @Test
    @Order(5)
    void theBranchSeesItInTheComplaintLog_andInTheNoticesObjections() {
        staff.logIn("branch-head-again", head, DemoBank.PASSWORD);
        staff.open("complaint-log", "/complaints");
        assertThat(staff.text()).contains(complaintText);
        staff.open("complaint", "/complaints/" + complaintNo);
        assertThat(staff.text()).contains(complaintText, "公开页面", "公示异议：" + objectedName);
        staff.open("notice-objections", "/approval/notices/" + noticeId);
        assertThat(staff.text()).contains(complaintText, "投诉登记编号 " + complaintNo);
        assertThat(staff.all("a[href$='/complaints/" + complaintNo + "']")).hasSize(1);
    }

    @Test
    @Order(6)
    void aContractSignedBeforeTheRateChange_keepsShowingTheOldRate() {
        LocalDate grantable = jdbc.sql("select grantable_from from credit_grantable where household_id = :h")
                .param("h", signedHousehold)
                .query(LocalDate.class)
                .single();
        int untilGrantable = (int) ChronoUnit.DAYS.between(Today.date(), grantable);
        try {
            // the notice period passes; the branch signs the household's contract face to face (R28)
            Today.shiftDays(untilGrantable);
            signedOn = Today.date();
            staff.open("credit-awaiting", "/credit");
            staff.clickAndLoad(
                    "contract-signed",
                    "form:has(input[name=householdId][value='" + signedHousehold + "']) button[type=submit]");
            assertThat(staff.driver.getCurrentUrl()).matches(".*/credit/lines/\\d+.*");
            linePath = staff.driver
                    .getCurrentUrl()
                    .replaceAll("^https?://[^/]+", "")
                    .replaceAll("[#?].*$", "");
            String oldRate = new BigDecimal(FIRST.get(signedGrade)).setScale(4).toPlainString() + "%";
            assertThat(staff.text()).contains(oldRate);

            // the next day head office changes the rate table
            Today.shiftDays(untilGrantable + 1);
            staff.logIn("head-office-again", HEAD_OFFICE, DemoBank.PASSWORD);
            staff.open("terms-form-again", "/publicity/terms/new");
            publish(CHANGED, "利率调整后的新版条款。");
            assertThat(staff.find("#rates").getText()).contains(CHANGED.get(signedGrade) + "%");

            // the contract keeps the rate it was signed at, and the terms of its signing day are still shown
            staff.logIn("branch-head-later", head, DemoBank.PASSWORD);
            staff.open("contract-after-change", linePath);
            String line = staff.text();
            assertThat(line).contains(oldRate);
            assertThat(line)
                    .doesNotContain(
                            new BigDecimal(CHANGED.get(signedGrade)).setScale(4).toPlainString() + "%");
            // the contract links to the terms in force on its signing day
            staff.clickAndLoad("terms-on-signing-day", "#terms-on-signing-day");
            assertThat(staff.driver.getCurrentUrl()).endsWith("/publicity/terms?date=" + signedOn);
            String then = staff.find("#rates").getText();
            FIRST.forEach((grade, rate) -> assertThat(then).contains(rate + "%"));
            assertThat(then).doesNotContain(CHANGED.get(signedGrade) + "%");
            staff.open("terms-today", "/publicity/terms");
            String now = staff.find("#rates").getText();
            CHANGED.forEach((grade, rate) -> assertThat(now).contains(rate + "%"));
        } finally {
            Today.shiftDays(0);
        }
    }
}
