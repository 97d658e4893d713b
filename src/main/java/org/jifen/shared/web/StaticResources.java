package org.jifen.shared.web;

import java.time.Duration;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.LiteWebJarsResourceResolver;
import org.springframework.web.servlet.resource.VersionResourceResolver;

/**
 * The static files, served only under the paths that hold them: {@code /webjars/**} (Bootstrap, htmx, ECharts, linked
 * without their version) and our own {@code /css/**} and {@code /js/**}. Spring Boot's default handler for
 * {@code /**} (switched off by {@code spring.web.resources.add-mappings: false}) made every link of every page, to
 * pages too, a candidate static file: rewriting the links of one page searched the class path once per link and
 * location, about half of a page's CPU (docs/benchmarks.md, "Page renders"). Each chain caches what it resolved.
 *
 * <p>Every static URL the pages link to carries its version: the WebJar's, or for our files a hash of their content
 * ({@code /css/points-1a2b….css}), so browsers may keep them a year and a new release is fetched at once.
 */
@Configuration(proxyBeanMethods = false)
class StaticResources implements WebMvcConfigurer {

    static final CacheControl A_YEAR = CacheControl.maxAge(Duration.ofDays(365)).cachePublic();

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/webjars/**")
                .addResourceLocations("classpath:/META-INF/resources/webjars/")
                .setCacheControl(A_YEAR)
                .resourceChain(true)
                .addResolver(new LiteWebJarsResourceResolver());
        for (var folder : new String[] {"css", "js"}) {
            registry.addResourceHandler("/" + folder + "/**")
                    .addResourceLocations("classpath:/static/" + folder + "/")
                    .setCacheControl(A_YEAR)
                    .resourceChain(true)
                    .addResolver(new VersionResourceResolver().addContentVersionStrategy("/**"));
        }
    }
}
