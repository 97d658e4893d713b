package org.jifen.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.jifen.support.JifenIntegrationTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** What the pages link to and how the static files are served ({@link StaticResources}). */
@JifenIntegrationTest
class StaticResourcesIT {

    private static final Pattern STATIC_LINK = Pattern.compile("(?:href|src)=\"(/(?:webjars|css|js)/[^\"]+)\"");

    @Autowired
    MockMvc mvc;

    String signInPage() throws Exception {
        return mvc.perform(get("/login"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    @DisplayName("pages link WebJars with their version and our files with a hash of their content; links to pages"
            + " stay as written")
    void links_carry_versions() throws Exception {
        var page = signInPage();
        assertThat(page)
                .contains("href=\"/webjars/bootstrap/5.3.8/dist/css/bootstrap.min.css\"")
                .contains("src=\"/webjars/htmx.org/2.0.10/dist/htmx.min.js\"")
                .containsPattern("href=\"/css/jifen-[0-9a-f]{32}\\.css\"")
                .contains("href=\"/signup\"");
    }

    @Test
    @DisplayName("every static file a page links to is served and may be kept by browsers for a year")
    void linked_files_are_served_for_a_year() throws Exception {
        var links =
                STATIC_LINK.matcher(signInPage()).results().map(m -> m.group(1)).toList();
        assertThat(links).hasSizeGreaterThanOrEqualTo(4);
        for (var link : links) {
            var body = mvc.perform(get(link))
                    .andExpect(status().isOk())
                    .andExpect(header().string("Cache-Control", "max-age=31536000, public"))
                    .andReturn()
                    .getResponse()
                    .getContentAsByteArray();
            assertThat(body).as(link).isNotEmpty();
        }
    }

    @Test
    @DisplayName("only the static folders are served: a missing file is 404, the application's own files are not"
            + " static files")
    void nothing_else_is_static() throws Exception {
        mvc.perform(get("/css/no-such-file.css")).andExpect(status().isNotFound());
        mvc.perform(get("/webjars/bootstrap/5.3.8/dist/css/no-such-file.css")).andExpect(status().isNotFound());
        var config = mvc.perform(get("/application.yml")).andReturn().getResponse();
        assertThat(config.getStatus()).isNotEqualTo(200);
        assertThat(config.getContentAsString()).doesNotContain("datasource");
    }
}
