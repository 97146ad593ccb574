package dev.lingogate.stack.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/** A person in a real browser (Debian's Chromium, headless) using the web page against the whole stack. */
class WebPageTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    @TempDir
    static Path data;

    static RunningStack stack;
    static WebDriver browser;

    @BeforeAll
    static void start() {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "needs Debian's chromium and chromium-driver (apt-get install chromium chromium-driver)");
        stack = RunningStack.start(data);
        browser = chromium("en-US", "english");
    }

    /** Debian's Chromium, headless, preferring {@code language}, with a profile of its own. */
    private static WebDriver chromium(String language, String profile) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--lang=" + language, "--window-size=1200,900",
                "--user-data-dir=" + data.resolve("chromium-" + profile));
        options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", language));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void aPersonTranslatesASentenceAndFindsItInTheHistory() {
        browser.get(stack.gateway("/").toString());
        // The page re-renders the history after each change, so an element found a moment ago may be gone.
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        wait.ignoring(StaleElementReferenceException.class);
        wait.until(d -> new Select(d.findElement(By.id("target"))).getOptions().size() > 1);

        // The source stays at Auto-detect, as a person leaves it.
        new Select(browser.findElement(By.id("target"))).selectByValue("es");
        WebElement text = browser.findElement(By.id("text"));
        text.sendKeys("The house is big.");
        text.sendKeys(Keys.chord(Keys.CONTROL, Keys.ENTER));

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("result"), "La casa es grande."));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("detected"), "English"));
        wait.until(d -> d.findElement(By.cssSelector("#history li.entry .translated")).getText()
                .contains("La casa es grande."));
        String id = wait.until(d -> d.findElement(By.cssSelector("#history li.entry")).getAttribute("data-id"));
        assertThat(id).isNotBlank();
        String entry = "#history li.entry[data-id='" + id + "'] ";

        wait.until(d -> {
            d.findElement(By.cssSelector(entry + ".edit")).click();
            return true;
        });
        WebElement correction = wait.until(d -> d.findElement(By.cssSelector(entry + "textarea.correction")));
        correction.clear();
        correction.sendKeys("La casa es enorme.");
        browser.findElement(By.cssSelector(entry + ".save")).click();
        wait.until(d -> d.findElement(By.cssSelector(entry + ".translated")).getText().contains("La casa es enorme."));
        assertThat(stack.json(stack.get("/translations/" + id)).get("translatedText").asText()).isEqualTo("La casa es enorme.");

        wait.until(d -> {
            d.findElement(By.cssSelector(entry + ".delete")).click();
            return true;
        });
        wait.until(ExpectedConditions.alertIsPresent()).accept();
        wait.until(d -> d.findElements(By.cssSelector(entry)).isEmpty());
        assertThat(stack.get("/translations/" + id).statusCode()).isEqualTo(404);
    }

    @Test
    void aKoreanBrowserGetsThePageInKorean() {
        WebDriver korean = chromium("ko-KR", "korean");
        try {
            korean.get(stack.gateway("/").toString());
            WebDriverWait wait = new WebDriverWait(korean, Duration.ofSeconds(20));
            wait.until(d -> d.findElement(By.cssSelector("label[for='text']")).getText().equals("번역할 텍스트"));
            assertThat(korean.findElement(By.id("translate")).getText()).isEqualTo("번역");
        } finally {
            korean.quit();
        }
    }
}
