package org.jifen.content.learn;

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
import org.springframework.jdbc.core.simple.JdbcClient;

@DisplayName("LG-7.2.3 LG-7.2.6 the learner's content pages on a phone")
class LearnPagesBrowserIT extends BrowserTest {

    /** 2026-07-22 10:00 in Shanghai: a day on which no other test shares as the demo learner. */
    private static final Instant MORNING = Instant.parse("2026-07-22T02:00:00Z");

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    @DisplayName("LG-7.2.6 the learner opens 学习, sees a new article, opens it, shares it and sees the link and +5")
    void opens_an_article_and_shares_it() {
        clock.set(MORNING);
        long article =
                new TestItems(jdbc).article("longgang", "手机上读的文章", "浏览器测试", false, MORNING.minusSeconds(3600), null);
        logIn(Demo.LEARNER, Demo.PASSWORD);

        open("/learn/longgang");
        var card = waitFor(By.id("item-" + article));
        assertThat(card.getText()).contains("手机上读的文章", "浏览器测试");
        assertNoSidewaysScrolling();
        scrollTo(card);
        card.click();

        assertThat(text(By.id("item-title"))).isEqualTo("手机上读的文章");
        assertThat(text(By.id("article-body"))).contains("正文：手机上读的文章");
        assertThat(text(By.id("progress-article-read"))).startsWith("阅读文章 今日");
        assertNoSidewaysScrolling();

        var share = waitFor(By.id("share-button"));
        scrollTo(share);
        share.click();
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(ExpectedConditions.textToBePresentInElementLocated(By.id("share-outcome"), "+5"));
        assertThat(text(By.id("share-outcome"))).isEqualTo("分享成功，+5 积分");
        String link = waitFor(By.id("share-url")).getAttribute("value");
        assertThat(link).startsWith(url("/s/"));
        // the share box's progress reloaded itself on the credited event
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(ExpectedConditions.textToBePresentInElementLocated(By.id("progress-share"), "今日 5/10 分"));

        browser.manage().deleteAllCookies();
        browser.get(link);
        assertThat(text(By.id("item-title"))).isEqualTo("手机上读的文章");
        assertThat(text(By.id("shared-program"))).isEqualTo("龙岗第一课学习积分");
        assertThat(browser.getPageSource()).doesNotContain("张学员");
    }

    /** Bootstrap scrolls smoothly; a click must not land while the page still moves. */
    private void scrollTo(org.openqa.selenium.WebElement element) {
        ((JavascriptExecutor) browser)
                .executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", element);
    }

    private void assertNoSidewaysScrolling() {
        long pageWidth =
                (Long) ((JavascriptExecutor) browser).executeScript("return document.documentElement.scrollWidth");
        long viewport = (Long) ((JavascriptExecutor) browser).executeScript("return window.innerWidth");
        assertThat(pageWidth).as("no sideways scrolling on a phone").isLessThanOrEqualTo(viewport);
    }
}
