package org.jifen.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.jifen.support.BrowserTest;
import org.jifen.support.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

class LoginLockoutBrowserIT extends BrowserTest {

    @Autowired
    Accounts accounts;

    @Autowired
    MutableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    @DisplayName("five wrong passwords lock the account with a clear message; 15 minutes later the login works")
    void locks_out_and_lets_back_in() {
        accounts.signUp("13600006001", "Browser2026", "锁定测试");
        for (int i = 0; i < 5; i++) {
            logIn("13600006001", "Wrong2026x");
            assertThat(text(By.id("login-error"))).contains("手机号或密码错误");
        }
        logIn("13600006001", "Browser2026");
        assertThat(text(By.id("login-locked"))).contains("锁定 15 分钟");

        clock.advance(Duration.ofMinutes(15));
        logIn("13600006001", "Browser2026");
        assertThat(text(By.id("greeting"))).contains("锁定测试");
    }
}
