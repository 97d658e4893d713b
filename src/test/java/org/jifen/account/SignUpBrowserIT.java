package org.jifen.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.jifen.support.BrowserTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

class SignUpBrowserIT extends BrowserTest {

    @Autowired
    Accounts accounts;

    @Test
    @DisplayName(
            "LG-8 on a phone, a learner fixes the messages next to the fields, signs up, logs in and sees home and me")
    void signs_up_on_a_phone() {
        long before = accounts.count();
        open("/signup");
        type(By.id("mobile"), "1360000");
        type(By.id("password"), "short");
        browser.findElement(By.id("signup-submit")).click();

        assertThat(text(By.id("mobile-error"))).contains("有效的中国大陆手机号");
        assertThat(text(By.id("password-error"))).contains("至少 8 位");
        assertThat(text(By.id("realName-error"))).contains("真实姓名");
        assertThat(text(By.id("organization-error"))).contains("请选择所在组织");
        assertThat(accounts.count()).isEqualTo(before);

        type(By.id("mobile"), "13600005001");
        type(By.id("password"), "Phone2026");
        type(By.id("realName"), "陈手机");
        new Select(waitFor(By.id("org-level-0"))).selectByVisibleText("龙岗区");
        var wait = new WebDriverWait(browser, Duration.ofSeconds(10));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("org-level-1")));
        new Select(browser.findElement(By.id("org-level-1"))).selectByVisibleText("平湖街道");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("org-level-2")));
        new Select(browser.findElement(By.id("org-level-2"))).selectByVisibleText("山厦社区");
        browser.findElement(By.id("password")).sendKeys("");
        type(By.id("password"), "Phone2026");
        browser.findElement(By.id("signup-submit")).click();

        assertThat(text(By.id("signup-done"))).contains("注册成功");
        assertThat(accounts.count()).isEqualTo(before + 1);

        logIn("13600005001", "Phone2026");
        assertThat(text(By.id("greeting"))).contains("陈手机");
        open("/me");
        assertThat(text(By.id("me-mobile"))).isEqualTo("136****5001");
        assertThat(text(By.className("org-name"))).isEqualTo("龙岗区 / 平湖街道 / 山厦社区");
    }

    @Test
    @DisplayName("a registered number is refused next to the mobile field")
    void refuses_a_registered_number() {
        open("/signup");
        type(By.id("mobile"), "13800000006");
        type(By.id("password"), "Phone2026");
        type(By.id("realName"), "冒名");
        browser.findElement(By.id("signup-submit")).click();
        assertThat(text(By.id("mobile-error"))).contains("已注册");
    }

    @Test
    @DisplayName("the English switch turns the page to English")
    void switches_to_english() {
        open("/signup?lang=en");
        assertThat(text(By.tagName("h1"))).isEqualTo("Sign up");
        open("/signup?lang=zh-CN");
        assertThat(text(By.tagName("h1"))).isEqualTo("注册");
    }
}
