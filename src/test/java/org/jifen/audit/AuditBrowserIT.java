package org.jifen.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Set;
import org.jifen.shared.Actor;
import org.jifen.support.BrowserTest;
import org.jifen.support.Demo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

class AuditBrowserIT extends BrowserTest {

    @Autowired
    AuditLog auditLog;

    @AfterEach
    void forgetActor() {
        SecurityContextHolder.clearContext();
    }

    private record TestActor(long actorId, String actorLabel, Set<String> roleNames) implements Actor {}

    @Test
    @DisplayName("AUDIT LG-16 the auditor filters the audit page by action, sees the entry and can export it")
    void auditor_filters_and_sees_the_entry() {
        var action = "browser" + System.nanoTime() + ".rename";
        SecurityContextHolder.getContext()
                .setAuthentication(new TestingAuthenticationToken(
                        new TestActor(901, "丁*人 139****0009", Set.of("org_admin")), null));
        auditLog.recordNow(AuditRecord.of(action, "organization", 42)
                .change("name=旧社区", "name=新社区")
                .because("浏览器测试"));
        SecurityContextHolder.clearContext();

        logIn(Demo.AUDITOR, Demo.PASSWORD);
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(ExpectedConditions.presenceOfElementLocated(By.id("logout")));
        open("/admin/audit");
        type(By.id("filter-action"), action.substring(0, action.length() - 3));
        browser.findElement(By.id("filter-submit")).click();

        var row = waitFor(By.cssSelector("#audit-table tbody tr"));
        assertThat(browser.findElements(By.cssSelector("#audit-table tbody tr")))
                .hasSize(1);
        assertThat(row.getText())
                .contains(action, "丁*人 139****0009", "组织管理员", "organization", "#42", "name=旧社区", "name=新社区", "浏览器测试");
        assertThat(text(By.id("audit-total"))).startsWith("共 1 条");
        var export = waitFor(By.id("audit-export"));
        assertThat(export.getAttribute("href")).contains("/admin/audit/export").contains("action=");
    }
}
