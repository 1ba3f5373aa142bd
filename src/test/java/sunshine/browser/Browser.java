package sunshine.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through its chromedriver, the way a user's browser would see the platform.
 * Every page visited is checked ({@link #checkPage}): no untranslated message key, no error in the browser
 * console, no resident ID or mobile number in full. Screenshots of each step go to target/journey.
 */
public final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SHOTS = Path.of("target", "journey");

    /** Thymeleaf renders a missing message as ??key_locale??. */
    private static final Pattern UNTRANSLATED = Pattern.compile("\\?\\?[\\w.\\-]+_[\\w\\-]+\\?\\?");
    /** An 18-character resident ID in full (masked ones carry asterisks in the middle). */
    private static final Pattern FULL_ID = Pattern.compile("(?<![0-9])[1-9][0-9]{16}[0-9Xx](?![0-9])");
    /** A mainland mobile number in full. */
    private static final Pattern FULL_MOBILE = Pattern.compile("(?<![0-9])1[3-9][0-9]{9}(?![0-9])");

    public final WebDriver driver;
    private final String base;
    private final Path shots;
    private int shot;

    public Browser(String base) {
        this(base, SHOTS);
    }

    /** A browser whose screenshots go to their own folder (another journey's run does not wipe them). */
    public Browser(String base, Path shots) {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            throw new IllegalStateException("The browser tests need Debian's chromium and chromium-driver"
                    + " (apt-get install chromium chromium-driver fonts-noto-cjk); .ci/run installs them.");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--lang=zh-CN",
                "--window-size=1366,900");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        this.driver = new ChromeDriver(service, options);
        this.driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        this.base = base;
        this.shots = shots;
        try {
            Files.createDirectories(shots);
            try (var old = Files.list(shots)) {
                for (Path f : old.filter(f -> f.toString().endsWith(".png")).toList()) {
                    Files.delete(f);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Numbers that are public by design and may show in full: the panel members' phones are published with the
     * member list (seed 000 §4.3.4), as the supervision phone is. Any other full mobile fails the page.
     */
    public final java.util.Set<String> publicPhones = new java.util.HashSet<>();

    /** Opens a page, photographs it as the named step, and checks it. */
    public void open(String step, String path) {
        driver.get(base + path);
        screenshot(step);
        checkPage();
    }

    public void logIn(String step, String username, String password) {
        driver.manage().deleteAllCookies();
        driver.get(base + "/login");
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.cssSelector("button[type=submit]")).click();
        waitFor(ExpectedConditions.not(ExpectedConditions.urlContains("/login")), 30);
        screenshot(step);
        checkPage();
    }

    public WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    public List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    /** Clicks and waits for the next page (a form submit or a link); photographs and checks it. */
    public void clickAndLoad(String step, String css) {
        WebElement old = driver.findElement(By.tagName("html"));
        press(find(css));
        waitFor(ExpectedConditions.stalenessOf(old), 60);
        screenshot(step);
        checkPage();
    }

    /** Clicks the {@code index}-th (from 0) of the elements matching and waits for the next page. */
    public void clickAndLoad(String step, String css, int index) {
        WebElement old = driver.findElement(By.tagName("html"));
        List<WebElement> found = all(css);
        assertThat(found).as("%s on %s", css, driver.getCurrentUrl()).hasSizeGreaterThan(index);
        press(found.get(index));
        waitFor(ExpectedConditions.stalenessOf(old), 60);
        screenshot(step);
        checkPage();
    }

    /**
     * Clicks a button or link as a user would after scrolling to it: brought to the middle of the window first; when
     * the page is too short to scroll it there and the fixed footer covers it, the click goes to the element itself.
     */
    public void press(WebElement e) {
        var js = (org.openqa.selenium.JavascriptExecutor) driver;
        js.executeScript("arguments[0].scrollIntoView({block: 'center'});", e);
        try {
            e.click();
        } catch (org.openqa.selenium.ElementClickInterceptedException covered) {
            js.executeScript("arguments[0].click();", e);
        }
    }

    /** The full text of the first option of a select that contains {@code part}. */
    public String optionText(String selectCss, String part) {
        return all(selectCss + " option").stream()
                .map(WebElement::getText)
                .filter(t -> t.contains(part))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no option with " + part + " in " + selectCss));
    }

    /** Waits until the element is there (e.g. after htmx polling), then photographs and checks the page. */
    public void waitUntilPresent(String step, String css, int seconds) {
        waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)), seconds);
        screenshot(step);
        checkPage();
    }

    public <T> T waitFor(org.openqa.selenium.support.ui.ExpectedCondition<T> condition, int seconds) {
        return new WebDriverWait(driver, Duration.ofSeconds(seconds)).until(condition);
    }

    /** The page's visible text; read again when a polling page (htmx) swapped its content while it was read. */
    public String text() {
        for (int attempt = 1; ; attempt++) {
            try {
                return driver.findElement(By.tagName("body")).getText();
            } catch (org.openqa.selenium.StaleElementReferenceException e) {
                if (attempt == 5) {
                    throw e;
                }
            }
        }
    }

    /** What every page must be: translated, free of console errors, and masked. */
    public void checkPage() {
        String url = driver.getCurrentUrl();
        String text = text();
        Matcher untranslated = UNTRANSLATED.matcher(driver.getPageSource());
        assertThat(untranslated.find())
                .as("untranslated message key %s on %s", untranslated.find(0) ? untranslated.group() : "", url)
                .isFalse();
        Matcher id = FULL_ID.matcher(text);
        assertThat(id.find()).as("a resident ID in full on %s", url).isFalse();
        Matcher mobile = FULL_MOBILE.matcher(text);
        while (mobile.find()) {
            assertThat(publicPhones)
                    .as("a mobile number in full on %s: %s", url, mobile.group())
                    .contains(mobile.group().replaceAll("\\D", ""));
        }
        List<String> errors = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                .toList();
        assertThat(errors).as("errors in the browser console on %s", url).isEmpty();
    }

    /** Saves a screenshot named after the step, numbered in order. */
    public Path screenshot(String step) {
        try {
            Path file = shots.resolve(String.format("%02d-%s.png", ++shot, step));
            Files.write(file, ((ChromeDriver) driver).getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Fetches a file the page links to (a PDF, a workbook) with the browser's session, as a click on the link would
     * download it: the body's bytes, after checking the answer was 200.
     */
    public byte[] download(String path) {
        String cookies = cookieHeader();
        try {
            var response = java.net.http.HttpClient.newHttpClient()
                    .send(
                            java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + path))
                                    .header("Cookie", cookies)
                                    .build(),
                            java.net.http.HttpResponse.BodyHandlers.ofByteArray());
            assertThat(response.statusCode()).as("download %s", path).isEqualTo(200);
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A printed document (PDF) the page links to: downloaded with the session, checked to be a PDF, its text. */
    public String pdfText(String path) {
        byte[] pdf = download(path);
        assertThat(new String(pdf, 0, Math.min(5, pdf.length), java.nio.charset.StandardCharsets.US_ASCII))
                .as("%s is a PDF", path)
                .isEqualTo("%PDF-");
        try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            assertThat(doc.getNumberOfPages()).isPositive();
            return new org.apache.pdfbox.text.PDFTextStripper().getText(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The browser's session cookies as a Cookie header, for calling the API as the signed-in user. */
    public String cookieHeader() {
        return driver.manage().getCookies().stream()
                .map(c -> c.getName() + "=" + c.getValue())
                .collect(java.util.stream.Collectors.joining("; "));
    }

    @Override
    public void close() {
        driver.quit();
    }
}
