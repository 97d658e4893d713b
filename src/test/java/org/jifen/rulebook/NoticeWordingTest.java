package org.jifen.rulebook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.jifen.rulebook.persistence.RulebookRows.StoredVersion;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.context.support.ResourceBundleMessageSource;

@DisplayName("LG-18 a rulebook notice is worded in the reader's language from the facts of its activation")
class NoticeWordingTest {

    private static final Program PROGRAM = new Program(7, "lg18", "龙岗第一课", 1, ZoneId.of("Asia/Shanghai"));
    private static final Instant PUBLISHED = Instant.parse("2026-05-20T02:00:00Z");

    private static final NoticeWording WORDING;

    static {
        // As Spring Boot configures it: no fallback to the JVM's language, so zh-CN falls back to the base bundle.
        var messages = new ResourceBundleMessageSource();
        messages.setBasenames("i18n/rulebook");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        WORDING = new NoticeWording(messages, new DiffWording(messages));
    }

    private static Rulebook book(String from, String until, int articleCap) {
        var read = RulebookDocument.fromYaml(ArticleRulebook.yaml(from, until, articleCap, false));
        assertThat(read.problems()).isEmpty();
        return read.rulebook().orElseThrow();
    }

    private static StoredVersion active(int version, Rulebook book, String reason) {
        return new StoredVersion(PROGRAM.id(), version, "active", book, "", PUBLISHED, 1L, PUBLISHED, 1L, reason);
    }

    /** Version 1 from January, capped at 15; version 2 from June (midnight in Shanghai), capped at 20, with a reason. */
    private static final StoredVersion V1 = active(1, book("2026-01-01T00:00:00+08:00", null, 15), null);

    private static final StoredVersion V2 = active(2, book("2026-06-01T00:00:00+08:00", null, 20), "提高阅读上限");

    /** A first version valid until 2029, without a reason. */
    private static final StoredVersion FIRST =
            active(1, book("2026-01-01T00:00:00+08:00", "2029-01-01T00:00:00+08:00", 15), null);

    static Stream<Arguments> notices() {
        return Stream.of(
                Arguments.of(
                        "a change against version 1, in Chinese",
                        V2,
                        V1,
                        Locale.SIMPLIFIED_CHINESE,
                        "龙岗第一课：积分规则第 2 版自 2026-06-01 00:00 起施行",
                        List.of(
                                "积分规则第 2 版自 2026-06-01 00:00 起施行，与第 1 版相比有以下变化：",
                                "• 生效时间：2026-01-01T00:00+08:00 → 2026-06-01T00:00+08:00",
                                "• 规则“阅读文章”：每日上限 15 → 20",
                                "调整说明：提高阅读上限")),
                Arguments.of(
                        "the same change, in English",
                        V2,
                        V1,
                        Locale.ENGLISH,
                        "龙岗第一课: rulebook version 2 in force from 2026-06-01 00:00",
                        List.of(
                                "Rulebook version 2 is in force from 2026-06-01 00:00; changes against version 1:",
                                "• Effective from: 2026-01-01T00:00+08:00 → 2026-06-01T00:00+08:00",
                                "• Rule \"阅读文章\": Daily cap 15 → 20",
                                "Reason: 提高阅读上限")),
                Arguments.of(
                        "a reader in the US reads English too",
                        V2,
                        V1,
                        Locale.US,
                        "龙岗第一课: rulebook version 2 in force from 2026-06-01 00:00",
                        List.of(
                                "Rulebook version 2 is in force from 2026-06-01 00:00; changes against version 1:",
                                "• Effective from: 2026-01-01T00:00+08:00 → 2026-06-01T00:00+08:00",
                                "• Rule \"阅读文章\": Daily cap 15 → 20",
                                "Reason: 提高阅读上限")),
                Arguments.of(
                        "a program's first version with its validity, in Chinese",
                        FIRST,
                        null,
                        Locale.SIMPLIFIED_CHINESE,
                        "龙岗第一课：积分规则第 1 版自 2026-01-01 00:00 起施行",
                        List.of(
                                "积分规则第 1 版自 2026-01-01 00:00 起施行，内容如下：",
                                "• 新增规则“阅读文章”：行为 article-read，每次积分 5，每日上限 15",
                                "本版规则有效期至 2029-01-01 00:00。")),
                Arguments.of(
                        "a program's first version with its validity, in English",
                        FIRST,
                        null,
                        Locale.ENGLISH,
                        "龙岗第一课: rulebook version 1 in force from 2026-01-01 00:00",
                        List.of(
                                "Rulebook version 1 is in force from 2026-01-01 00:00:",
                                "• New rule \"阅读文章\": Action article-read, Points each 5, Daily cap 15",
                                "This version is valid until 2029-01-01 00:00.")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("notices")
    @DisplayName("LG-18 the title and lines of a notice, one row per example")
    void words(
            String example,
            StoredVersion version,
            StoredVersion previous,
            Locale locale,
            String title,
            List<String> lines) {
        var notice = WORDING.notice(PROGRAM, version, previous, PUBLISHED, locale);
        assertThat(notice.title()).isEqualTo(title);
        assertThat(notice.lines()).containsExactlyElementsOf(lines);
        assertThat(notice.programKey()).isEqualTo("lg18");
        assertThat(notice.version()).isEqualTo(version.version());
        assertThat(notice.previousVersion()).isEqualTo(previous == null ? null : previous.version());
        assertThat(notice.publishedAt()).isEqualTo(PUBLISHED);
    }

    @Test
    @DisplayName("LG-18 the body is the lines, one per line, as the text kept when the notice was published")
    void body() {
        var notice = WORDING.notice(PROGRAM, V2, V1, PUBLISHED, Locale.SIMPLIFIED_CHINESE);
        assertThat(notice.body()).isEqualTo("""
                积分规则第 2 版自 2026-06-01 00:00 起施行，与第 1 版相比有以下变化：
                • 生效时间：2026-01-01T00:00+08:00 → 2026-06-01T00:00+08:00
                • 规则“阅读文章”：每日上限 15 → 20
                调整说明：提高阅读上限""");
    }

    @Test
    @DisplayName("LG-20 the effective time reads in the rulebook's time zone, not the reader's or UTC")
    void effective_time_in_the_rulebooks_zone() {
        var book = V2.rulebook();
        var inUtc = new Rulebook(book.name(), ZoneId.of("UTC"), book.effectiveFrom(), null, book.rules());
        var notice = WORDING.notice(PROGRAM, active(2, inUtc, null), V1, PUBLISHED, Locale.ENGLISH);
        assertThat(notice.title()).endsWith("in force from 2026-05-31 16:00");
    }
}
