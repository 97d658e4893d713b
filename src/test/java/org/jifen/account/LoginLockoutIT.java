package org.jifen.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import java.time.Duration;
import org.jifen.support.JifenIntegrationTest;
import org.jifen.support.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@JifenIntegrationTest
class LoginLockoutIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    Accounts accounts;

    @Autowired
    MutableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private org.springframework.test.web.servlet.ResultActions attempt(String mobile, String password)
            throws Exception {
        return mvc.perform(
                formLogin("/login").userParameter("mobile").user(mobile).password(password));
    }

    @Test
    @DisplayName("after 5 wrong passwords the account is locked for 15 minutes, even for the right password")
    void locks_after_five_failures() throws Exception {
        accounts.signUp("13600002001", "Right2026", "钱七");
        for (int i = 0; i < 5; i++) {
            attempt("13600002001", "Wrong2026").andExpect(redirectedUrl("/login?error"));
        }
        attempt("13600002001", "Right2026").andExpect(redirectedUrl("/login?locked"));

        clock.advance(Duration.ofMinutes(14));
        attempt("13600002001", "Right2026").andExpect(redirectedUrl("/login?locked"));

        clock.advance(Duration.ofMinutes(1));
        attempt("13600002001", "Right2026").andExpect(redirectedUrl("/"));
    }

    @Test
    @DisplayName("a successful login resets the count of wrong passwords")
    void success_resets_the_count() throws Exception {
        accounts.signUp("13600002002", "Right2026", "孙八");
        for (int i = 0; i < 4; i++) {
            attempt("13600002002", "Wrong2026").andExpect(redirectedUrl("/login?error"));
        }
        attempt("13600002002", "Right2026").andExpect(redirectedUrl("/"));
        for (int i = 0; i < 4; i++) {
            attempt("13600002002", "Wrong2026").andExpect(redirectedUrl("/login?error"));
        }
        attempt("13600002002", "Right2026").andExpect(redirectedUrl("/"));
    }

    @Test
    @DisplayName("the login gets a new session id (session fixation protection)")
    void changes_the_session_id_at_login(@org.springframework.boot.test.web.server.LocalServerPort int port)
            throws Exception {
        accounts.signUp("13600002003", "Right2026", "周九");
        var cookies = new java.net.CookieManager();
        var http = java.net.http.HttpClient.newBuilder().cookieHandler(cookies).build();
        var page = http.send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + "/login"))
                        .build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        var token = page.body().replaceAll("(?s).*name=\"_csrf\" value=\"([^\"]+)\".*", "$1");
        var before = sessionId(cookies);
        var login = http.send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                                "mobile=13600002003&password=Right2026&_csrf=" + token))
                        .build(),
                java.net.http.HttpResponse.BodyHandlers.discarding());
        assertThat(login.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/"));
        assertThat(before).isNotNull();
        assertThat(sessionId(cookies)).isNotNull().isNotEqualTo(before);
    }

    private static String sessionId(java.net.CookieManager cookies) {
        return cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals("JSESSIONID"))
                .map(java.net.HttpCookie::getValue)
                .findFirst()
                .orElse(null);
    }

    @Test
    @DisplayName("passwords are stored with the delegating encoder, never in clear")
    void stores_passwords_hashed(@Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc) {
        accounts.signUp("13600002004", "Right2026", "吴十");
        var hash = jdbc.sql("select password_hash from account.user_account where mobile = '13600002004'")
                .query(String.class)
                .single();
        assertThat(hash).startsWith("{bcrypt}").doesNotContain("Right2026");
    }
}
