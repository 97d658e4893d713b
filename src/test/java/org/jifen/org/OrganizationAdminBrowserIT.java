package org.jifen.org;

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
import org.springframework.beans.factory.annotation.Autowired;

/** The organization console on a phone-sized screen, as the Pinghu org admin uses it. */
class OrganizationAdminBrowserIT extends BrowserTest {

    @Autowired
    Organizations organizations;

    @Test
    @DisplayName("ORG on a phone the org admin opens their subdistrict's row, adds a community and sees it in the tree")
    void org_admin_adds_a_community_on_a_phone() {
        var pinghu = organizations.resolve("龙岗区/平湖街道").orElseThrow();
        logIn(Demo.ORG_ADMIN, Demo.PASSWORD);
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
        open("/admin/orgs");

        var row = By.id("org-" + pinghu.id());
        assertThat(text(row)).contains("平湖街道").contains("街道");
        assertThat(browser.findElements(By.id("org-" + pinghu.parentId()))).isEmpty();
        long pageWidth =
                (Long) ((JavascriptExecutor) browser).executeScript("return document.documentElement.scrollWidth");
        assertThat(pageWidth).as("no sideways scrolling at phone width").isLessThanOrEqualTo(390);

        browser.findElement(By.cssSelector("#org-" + pinghu.id() + " > details > summary"))
                .click();
        type(By.id("child-name-" + pinghu.id()), "手机新社区");
        new Select(waitFor(By.id("child-kind-" + pinghu.id()))).selectByValue("community");
        browser.findElement(By.id("child-submit-" + pinghu.id())).click();

        assertThat(text(By.id("org-done"))).contains("手机新社区");
        var created = organizations.resolve("龙岗区/平湖街道/手机新社区").orElseThrow();
        assertThat(text(By.id("org-" + created.id()))).contains("手机新社区").contains("社区");
    }
}
