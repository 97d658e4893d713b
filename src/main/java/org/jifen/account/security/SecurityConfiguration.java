package org.jifen.account.security;

import java.time.Duration;
import org.jifen.account.domain.LoginLock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * Pages use a session (form login by mobile number, CSRF tokens, a new session id at login); integrations
 * call {@code /api/v1} with an {@code X-Api-Key} header instead, which needs no CSRF token.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    LoginLock loginLock(
            @Value("${jifen.security.max-failed-logins:5}") int maxFailures,
            @Value("${jifen.security.lock-duration:15m}") Duration lockDuration) {
        return new LoginLock(maxFailures, lockDuration);
    }

    @Bean
    SecurityFilterChain web(HttpSecurity http, ApiKeyAuthentication apiKeys) throws Exception {
        var api = PathPatternRequestMatcher.withDefaults().matcher("/api/**");
        http.authorizeHttpRequests(auth -> auth.requestMatchers(
                                "/",
                                "/signup",
                                "/signup/**",
                                "/login",
                                "/error",
                                "/css/**",
                                "/js/**",
                                "/img/**",
                                "/webjars/**",
                                "/favicon.ico",
                                "/actuator/health/**",
                                "/actuator/prometheus",
                                "/actuator/info",
                                "/v3/api-docs/**",
                                "/swagger-ui.html",
                                "/swagger-ui/**",
                                "/api/v1/public/**",
                                // published media by their unguessable storage key, and shared items' public pages
                                "/media/**",
                                "/s/**")
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                .formLogin(form -> form.loginPage("/login")
                        .usernameParameter("mobile")
                        .passwordParameter("password")
                        .defaultSuccessUrl("/", false)
                        .failureHandler((request, response, e) -> response.sendRedirect(request.getContextPath()
                                + (e instanceof LockedException ? "/login?locked" : "/login?error")))
                        .permitAll())
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
                .sessionManagement(s -> s.sessionFixation(f -> f.changeSessionId()))
                .csrf(csrf -> csrf.ignoringRequestMatchers(ApiKeyAuthentication::carriesKey))
                .addFilterBefore(apiKeys, UsernamePasswordAuthenticationFilter.class)
                .exceptionHandling(e ->
                        e.defaultAuthenticationEntryPointFor(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED), api));
        return http.build();
    }
}
