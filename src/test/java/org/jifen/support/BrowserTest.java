package org.jifen.support;

import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Drives the real pages in headless Debian Chromium at a phone's screen size (390×844). Needs
 * {@code /usr/bin/chromium} and {@code /usr/bin/chromedriver} (packages chromium, chromium-driver); .ci/run
 * installs them.
 */
@JifenIntegrationTest
public abstract class BrowserTest {

    protected static WebDriver browser;

    @LocalServerPort
    protected int port;

    @BeforeAll
    static void openBrowser() {
        var options = new ChromeOptions();
        options.setBinary(System.getProperty("jifen.chromium", "/usr/bin/chromium"));
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                // a test starts a video from a script, as a tap would
                "--autoplay-policy=no-user-gesture-required",
                "--lang=zh-CN");
        if (System.getProperty("webdriver.chrome.driver") == null) {
            System.setProperty("webdriver.chrome.driver", "/usr/bin/chromedriver");
        }
        browser = new ChromeDriver(options);
        browser.manage().window().setSize(new Dimension(390, 844));
        browser.manage().timeouts().implicitlyWait(Duration.ofSeconds(0));
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.quit();
            browser = null;
        }
    }

    @AfterEach
    void forgetSession() {
        browser.manage().deleteAllCookies();
    }

    protected String url(String path) {
        return "http://localhost:" + port + path;
    }

    protected void open(String path) {
        browser.get(url(path));
    }

    protected String text(By by) {
        return waitFor(by).getText();
    }

    protected org.openqa.selenium.WebElement waitFor(By by) {
        return new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    protected void type(By by, String value) {
        var field = waitFor(by);
        field.clear();
        field.sendKeys(value);
    }

    protected void logIn(String mobile, String password) {
        open("/login");
        type(By.id("mobile"), mobile);
        type(By.id("password"), password);
        var submit = browser.findElement(By.id("login-submit"));
        submit.click();
        // wait for the answer page (signed in, or the login page again with its error), so that the next
        // navigation cannot overtake the login's own request
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.stalenessOf(submit));
    }
}
