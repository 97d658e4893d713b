package org.jifen.org.members;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.jifen.support.BrowserTest;
import org.jifen.support.Demo;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

class MemberImportBrowserIT extends BrowserTest {

    @TempDir
    Path dir;

    @Test
    @DisplayName(
            "ORG MASK the org admin uploads a bad file, sees its problems by row, then a good one, then the new member masked")
    void bad_file_then_good_file() throws Exception {
        logIn(Demo.ORG_ADMIN, Demo.PASSWORD);
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));

        var bad = dir.resolve("bad.csv");
        Files.writeString(bad, """
                姓名,手机号,组织,部门,角色,党员
                浏览一,13700000701,龙岗区/平湖街道,,,
                ,13700000702,龙岗区/平湖街道,,,
                浏览三,1370000070,龙岗区/布吉街道,,,
                """);
        open("/admin/members/import");
        waitFor(By.id("import-submit"));
        browser.findElement(By.id("import-file")).sendKeys(bad.toString());
        browser.findElement(By.id("import-submit")).click();

        var problems = text(By.id("import-problems"));
        var rows = browser.findElements(By.cssSelector("#import-problems tbody tr"));
        assertThat(rows).extracting(r -> r.getAttribute("data-row")).containsExactly("3", "4", "4");
        assertThat(problems).contains("请填写姓名", "手机号无效", "该组织不在您的管理范围内");
        assertThat(browser.findElements(By.id("import-done"))).isEmpty();

        var good = dir.resolve("good.csv");
        Files.writeString(good, """
                姓名,手机号,组织,部门,角色,党员
                浏览一,13700000701,龙岗区/平湖街道,,,
                浏览二,13700000702,龙岗区/平湖街道/山厦社区,,,是
                """);
        browser.findElement(By.id("import-file")).sendKeys(good.toString());
        browser.findElement(By.id("import-submit")).click();
        assertThat(text(By.id("import-done"))).contains("2");

        open("/admin/members?q=浏览二");
        var row = text(By.cssSelector("#member-list tbody tr"));
        assertThat(row).contains("浏览二", "137****0702").doesNotContain("13700000702");
    }
}
