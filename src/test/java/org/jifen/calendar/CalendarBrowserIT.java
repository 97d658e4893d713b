package org.jifen.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.jifen.support.BrowserTest;
import org.jifen.support.Demo;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

@DisplayName("CAL the calendar page on a phone")
class CalendarBrowserIT extends BrowserTest {

    @Test
    @DisplayName("CAL the system admin sees coloured month grids that fit a phone, and switches years")
    void month_grids_on_a_phone() {
        logIn(Demo.SYSTEM_ADMIN, Demo.PASSWORD);
        open("/admin/calendar?year=2026");

        var makeup = waitFor(By.cssSelector("#cell-2026-02-14 span"));
        var holiday = browser.findElement(By.cssSelector("#cell-2026-02-16 span"));
        var weekend = browser.findElement(By.cssSelector("#cell-2026-03-01 span"));
        var workday = browser.findElement(By.cssSelector("#cell-2026-03-02 span"));
        assertThat(holiday.getCssValue("background-color")).isEqualTo("rgba(220, 53, 69, 1)");
        assertThat(makeup.getCssValue("background-color")).isEqualTo("rgba(13, 110, 253, 1)");
        assertThat(weekend.getCssValue("background-color")).isEqualTo("rgba(233, 236, 239, 1)");
        assertThat(workday.getCssValue("background-color")).isEqualTo("rgba(0, 0, 0, 0)");
        assertThat(text(By.id("day-2026-02-15"))).contains("春节");

        long pageWidth =
                (Long) ((JavascriptExecutor) browser).executeScript("return document.documentElement.scrollWidth");
        long viewport = (Long) ((JavascriptExecutor) browser).executeScript("return window.innerWidth");
        assertThat(pageWidth).as("no sideways scrolling on a phone").isLessThanOrEqualTo(viewport);
        assertThat(browser.findElement(By.id("month-2")).getRect().getWidth()).isLessThanOrEqualTo((int) viewport);

        new Select(browser.findElement(By.id("year-select"))).selectByValue("2025");
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(ExpectedConditions.presenceOfElementLocated(By.id("cell-2025-01-26")));
        assertThat(browser.findElement(By.id("cell-2025-01-26")).getAttribute("class"))
                .isEqualTo("cal-makeup");
        assertThat(text(By.id("coverage"))).contains("2025 年节假日已收录");
    }
}
