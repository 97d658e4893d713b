package org.jifen.shared.web;

import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * zh-CN by default; {@code ?lang=en} switches to English and is remembered in a cookie. Requests to the API
 * ({@code /api/}) without that cookie follow their {@code Accept-Language} header, as the ingestion port does: an
 * integration asks for its language the standard way, while pages stay Chinese unless the person chooses English.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    @Bean
    LocaleResolver localeResolver() {
        var resolver = new CookieLocaleResolver("jifen-lang");
        resolver.setDefaultLocale(Languages.DEFAULT);
        resolver.setDefaultLocaleFunction(request -> request.getRequestURI().startsWith("/api/")
                ? Languages.preferred(request.getHeader("Accept-Language"))
                : Languages.DEFAULT);
        resolver.setCookieMaxAge(Duration.ofDays(365));
        return resolver;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        var change = new LocaleChangeInterceptor();
        change.setParamName("lang");
        registry.addInterceptor(change);
    }
}
