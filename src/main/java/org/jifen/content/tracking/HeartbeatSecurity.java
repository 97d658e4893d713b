package org.jifen.content.tracking;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;

/**
 * Heartbeats are the hottest requests of the platform (docs/benchmarks.md), so they pass a security filter chain of
 * only what they need: the signed-in session, CSRF and authenticated access. No login form, logout, saved request,
 * anonymous user or API key applies to them: a page beats for its signed-in learner, and nobody else may.
 */
@Configuration(proxyBeanMethods = false)
class HeartbeatSecurity {

    @Bean
    @Order(1)
    SecurityFilterChain heartbeats(HttpSecurity http) throws Exception {
        http.securityMatcher("/api/v1/content/playbacks/*/heartbeats", "/api/v1/content/readings/*/heartbeats")
                .authorizeHttpRequests(auth -> auth.anyRequest().authenticated())
                .requestCache(cache -> cache.disable())
                .anonymous(anonymous -> anonymous.disable())
                .logout(logout -> logout.disable())
                .exceptionHandling(e -> e.authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED)));
        return http.build();
    }
}
