package org.jifen.points.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.jifen.support.BrowserTest;
import org.jifen.support.Demo;
import org.jifen.support.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

@DisplayName("LG-6 LG-7 the learner's points pages on a phone")
class PointsBrowserIT extends BrowserTest {

    @Autowired
    MutableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    @DisplayName("LG-6 LG-7.2.3 the learner reads an article on the demo page, sees +5, then the balance and 阅读文章 5/15")
    void reads_an_article_and_sees_the_points() {
        // a day no other test acts on, so that today's progress starts from nothing
        clock.set(Instant.parse("2026-09-15T02:00:00Z"));
        logIn(Demo.LEARNER, Demo.PASSWORD);
        open("/points/longgang");
        long before = Long.parseLong(text(By.id("lifetime")));

        open("/points/longgang/try");
        assertThat(text(By.id("demo-notice"))).contains("演示");
        type(By.id("item-article-read"), "browser-article-1");
        browser.findElement(By.id("do-article-read")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(ExpectedConditions.textToBePresentInElementLocated(By.id("outcome"), "+5"));
        assertThat(text(By.id("outcome-text"))).contains("+5 积分");

        open("/points/longgang");
        assertThat(Long.parseLong(text(By.id("lifetime")))).isEqualTo(before + 5);
        assertThat(text(By.cssSelector("#progress-article-read .progress-text")))
                .isEqualTo("阅读文章 5/15");
        assertThat(text(By.id("rule-article-read"))).contains("每阅读一篇文章积 5 分，每日上限 15 分，同一篇文章只积一次");
        assertThat(text(By.cssSelector("#entries li .entry-cause"))).isEqualTo("阅读文章");

        long pageWidth =
                (Long) ((JavascriptExecutor) browser).executeScript("return document.documentElement.scrollWidth");
        long viewport = (Long) ((JavascriptExecutor) browser).executeScript("return window.innerWidth");
        assertThat(pageWidth).as("no sideways scrolling on a phone").isLessThanOrEqualTo(viewport);
    }
}
