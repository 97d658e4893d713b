package org.jifen.points;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jifen.org.Organizations;
import org.jifen.rulebook.Presets;
import org.jifen.rulebook.Program;
import org.jifen.rulebook.RulebookVersion;
import org.jifen.rulebook.Rulebooks;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The Longgang program with the preset as its only active version (1), in memory: the points tests do not depend on
 * the rulebook module's storage. {@code @Primary}, so that it wins over the real {@link Rulebooks} where one exists.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestRulebooks {

    public static final String KEY = "longgang";
    public static final long PROGRAM_ID = 9001;

    @Bean
    @Primary
    Rulebooks testRulebooks(Organizations organizations) {
        var book = Presets.load(KEY);
        var version = new RulebookVersion(
                PROGRAM_ID,
                1,
                "active",
                book,
                Instant.parse("2025-12-01T00:00:00Z"),
                Instant.parse("2025-12-01T00:00:00Z"));
        return new Rulebooks() {
            Program longgang() {
                long org = organizations.resolve("龙岗区").map(o -> o.id()).orElse(0L);
                return new Program(PROGRAM_ID, KEY, "龙岗第一课", org, ZoneId.of("Asia/Shanghai"));
            }

            @Override
            public Optional<Program> program(String key) {
                return KEY.equals(key) ? Optional.of(longgang()) : Optional.empty();
            }

            @Override
            public List<Program> programs() {
                return List.of(longgang());
            }

            @Override
            public List<Program> programsFor(long orgId) {
                return programs();
            }

            @Override
            public Optional<RulebookVersion> inForce(String programKey, Instant at) {
                return KEY.equals(programKey) && !at.isBefore(book.effectiveFrom())
                        ? Optional.of(version)
                        : Optional.empty();
            }

            @Override
            public List<RulebookVersion> versions(String programKey) {
                return KEY.equals(programKey) ? List.of(version) : List.of();
            }

            @Override
            public List<org.jifen.rulebook.Notice> notices(String programKey, Locale locale) {
                return List.of();
            }
        };
    }
}
