package org.jifen.rulebook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.jifen.support.BrowserTest;
import org.jifen.support.Demo;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

@DisplayName("LG-18 the operator changes the Longgang rulebook on a phone")
class RulebookUploadBrowserIT extends BrowserTest {

    @Test
    @DisplayName(
            "LG-18 LG-20 a bad upload shows every problem by path; a good one is reviewed, activated and announced")
    void upload_review_activate_announce() throws IOException {
        logIn(Demo.PROGRAM_OPERATOR, Demo.PASSWORD);
        open("/admin/programs/longgang");
        assertThat(text(By.id("status-1"))).isEqualTo("已启用");

        type(By.id("upload-text"), """
                name: 龙岗
                effectiveFrom: 2026-13-01T00:00:00+08:00
                rules:
                  - id: article-read
                    action: article-read
                    points: 5
                    dailyCap: 12
                """);
        press("upload-form");
        var problems = text(By.id("upload-problems"));
        assertThat(problems)
                .contains("effectiveFrom: must be an ISO-8601 time with offset")
                .contains("rules[0].dailyCap: must be a positive multiple of points");
        assertThat(browser.findElements(By.id("version-2")))
                .as("nothing stored")
                .isEmpty();

        // Effective only from December 2028, so that the tests judging 2026 events still meet version 1.
        var good = Presets.yaml("longgang")
                .orElseThrow()
                .replace("effectiveFrom: 2026-01-01T00:00:00+08:00", "effectiveFrom: 2028-12-01T00:00:00+08:00")
                .replace("    dailyCap: 15\n    oncePerItem: true", "    dailyCap: 20\n    oncePerItem: true");
        var file = Files.createTempFile("longgang-v2", ".yaml");
        Files.writeString(file, good, StandardCharsets.UTF_8);
        try {
            browser.findElement(By.id("upload-file"))
                    .sendKeys(file.toAbsolutePath().toString());
            press("upload-form");
            assertThat(text(By.id("notice"))).contains("已保存为第 2 版草稿");
        } finally {
            Files.delete(file);
        }
        var diff = text(By.id("diff-lines"));
        assertThat(diff)
                .contains("规则“阅读文章”：每日上限 15 → 20")
                .contains("生效时间：2026-01-01T00:00+08:00 → 2028-12-01T00:00+08:00")
                .doesNotContain("分享");
        type(By.id("activate-reason"), "阅读文章每日上限提高到20分");
        press("activate-form");
        assertThat(text(By.id("notice"))).contains("第 2 版已启用");
        assertThat(text(By.id("status-2"))).isEqualTo("已启用");

        browser.manage().deleteAllCookies();
        logIn(Demo.LEARNER, Demo.PASSWORD);
        open("/programs/longgang/notices");
        var newest = text(By.id("notice-0"));
        assertThat(newest)
                .contains("积分规则第 2 版自 2028-12-01 00:00 起施行")
                .contains("规则“阅读文章”：每日上限 15 → 20")
                .contains("调整说明：阅读文章每日上限提高到20分");
        assertThat(text(By.id("notice-1"))).contains("第 1 版");
    }

    /** Sends a form as its submit button would. */
    private void press(String formId) {
        waitFor(By.id(formId)).submit();
    }
}
