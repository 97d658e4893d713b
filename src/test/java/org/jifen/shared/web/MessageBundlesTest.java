package org.jifen.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Properties;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The message bundles (src/main/resources/i18n): one text per key and language, every key in both languages. */
class MessageBundlesTest {

    private static final Path I18N = Path.of("src/main/resources/i18n");

    /** Every key of the bundles of one language ({@code ""} Chinese, {@code "_en"} English), with its files. */
    private static TreeMap<String, TreeSet<String>> keys(String suffix) throws IOException {
        var keys = new TreeMap<String, TreeSet<String>>();
        try (Stream<Path> files = Files.list(I18N)) {
            for (var file : files.filter(f -> {
                        var name = f.getFileName().toString();
                        return suffix.isEmpty()
                                ? name.endsWith(".properties") && !name.contains("_")
                                : name.endsWith(suffix + ".properties");
                    })
                    .toList()) {
                var props = new Properties();
                try (var in = new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8)) {
                    props.load(in);
                }
                props.stringPropertyNames()
                        .forEach(k -> keys.computeIfAbsent(k, x -> new TreeSet<>())
                                .add(file.getFileName().toString()));
            }
        }
        return keys;
    }

    @Test
    @DisplayName("no key is defined in two bundles: which text wins would depend on the order of the bundles")
    void no_key_twice() throws IOException {
        for (var suffix : new String[] {"", "_en"}) {
            var twice = new HashMap<String, TreeSet<String>>();
            keys(suffix).forEach((key, files) -> {
                if (files.size() > 1) {
                    twice.put(key, files);
                }
            });
            assertThat(twice).as("keys defined in more than one bundle").isEmpty();
        }
    }

    @Test
    @DisplayName("every Chinese text has its English one and the other way round")
    void both_languages() throws IOException {
        assertThat(keys("_en").keySet()).isEqualTo(keys("").keySet());
    }
}
