package org.jifen.points;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.jifen.points.domain.InMemoryTally;
import org.jifen.points.domain.Judgement;
import org.jifen.points.domain.LearningEvent;
import org.jifen.points.domain.PointsEngine;
import org.jifen.points.domain.Reason;
import org.jifen.rulebook.Presets;
import org.jifen.rulebook.Rulebook;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The Longgang preset judged by the engine: every LG-7 clause, in the program's time zone (Asia/Shanghai). */
class LonggangRulesTest {

    private static final Rulebook LONGGANG = Presets.load("longgang");
    private final InMemoryTally tally = new InMemoryTally();
    private final AtomicInteger ids = new AtomicInteger();

    private Judgement act(String action, String item, Long amount, Map<String, String> attrs, String at) {
        var event =
                new LearningEvent("e" + ids.incrementAndGet(), "u1", action, item, amount, attrs, Instant.parse(at));
        var judgement = PointsEngine.judge(LONGGANG, event, tally, false);
        tally.apply(judgement);
        return judgement;
    }

    private Judgement act(String action, String item, String at) {
        return act(action, item, null, Map.of(), at);
    }

    @Nested
    class Certificates {

        @Test
        @DisplayName("LG-7.1 the offline General Knowledge certificate earns 100")
        void offline_general_knowledge() {
            assertThat(act(
                                    "certificate",
                                    "general-knowledge",
                                    null,
                                    Map.of("channel", "offline"),
                                    "2026-03-01T02:00:00Z")
                            .points())
                    .isEqualTo(100);
        }

        @Test
        @DisplayName("LG-7.2.2 the online certificate after the offline one earns nothing: one of the two, never both")
        void online_after_offline_earns_nothing() {
            act("certificate", "general-knowledge", null, Map.of("channel", "offline"), "2026-03-01T02:00:00Z");
            var online =
                    act("certificate", "general-knowledge", null, Map.of("channel", "online"), "2026-03-02T02:00:00Z");
            assertThat(online.points()).isZero();
            assertThat(online.reason()).isEqualTo(Reason.ALREADY_REWARDED);
        }

        @Test
        @DisplayName("LG-7.2.2 the online certificate first earns 100, and the offline one after it nothing")
        void offline_after_online_earns_nothing() {
            assertThat(act(
                                    "certificate",
                                    "general-knowledge",
                                    null,
                                    Map.of("channel", "online"),
                                    "2026-03-01T02:00:00Z")
                            .points())
                    .isEqualTo(100);
            assertThat(act(
                                    "certificate",
                                    "general-knowledge",
                                    null,
                                    Map.of("channel", "offline"),
                                    "2026-04-01T02:00:00Z")
                            .points())
                    .isZero();
        }

        @Test
        @DisplayName("LG-7.2.2 each topic certificate earns 50 once")
        void topic_certificates() {
            assertThat(act("certificate", "traffic-safety", "2026-03-01T02:00:00Z")
                            .points())
                    .isEqualTo(50);
            assertThat(act("certificate", "ecology", "2026-03-01T02:01:00Z").points())
                    .isEqualTo(50);
            var again = act("certificate", "traffic-safety", "2026-03-09T02:00:00Z");
            assertThat(again.points()).isZero();
            assertThat(again.reason()).isEqualTo(Reason.ALREADY_REWARDED);
        }

        @Test
        @DisplayName("LG-7.2.2 an unknown certificate code is not eligible")
        void unknown_certificate() {
            assertThat(act("certificate", "cooking", "2026-03-01T02:00:00Z").reason())
                    .isEqualTo(Reason.NOT_ELIGIBLE);
        }
    }

    @Nested
    class FirstOfTheDay {

        @Test
        @DisplayName("LG-7.2.1 the first login of the day earns 5, later ones nothing")
        void first_login_of_the_day() {
            assertThat(act("login", null, "2026-03-01T01:00:00Z").points()).isEqualTo(5);
            var second = act("login", null, "2026-03-01T09:00:00Z");
            assertThat(second.points()).isZero();
            assertThat(second.reason()).isEqualTo(Reason.ALREADY_TODAY);
        }

        @Test
        @DisplayName("LG-7.2.1 the jobs module visit is a separate rule with its own 5")
        void jobs_visit_is_separate() {
            act("login", null, "2026-03-01T01:00:00Z");
            assertThat(act("jobs-visit", null, "2026-03-01T01:05:00Z").points()).isEqualTo(5);
            assertThat(act("jobs-visit", null, "2026-03-01T01:06:00Z").points()).isZero();
        }

        @Test
        @DisplayName("LG-7.2.1 23:59:59 and 00:00:00 in Shanghai are different days; a UTC time is converted")
        void day_boundary_in_the_program_time_zone() {
            // 2026-03-01T15:59:59Z is 23:59:59 on 1 March in Shanghai; 16:00:00Z is 00:00:00 on 2 March
            assertThat(act("login", null, "2026-03-01T15:59:59Z").points()).isEqualTo(5);
            assertThat(act("login", null, "2026-03-01T16:00:00Z").points()).isEqualTo(5);
            assertThat(act("login", null, "2026-03-01T16:00:01Z").points()).isZero();
        }
    }

    @Nested
    class Articles {

        @Test
        @DisplayName("LG-7.2.3 each article earns 5, at most 15 a day")
        void daily_cap_of_articles() {
            assertThat(act("article-read", "a1", "2026-03-01T01:00:00Z").points())
                    .isEqualTo(5);
            assertThat(act("article-read", "a2", "2026-03-01T01:01:00Z").points())
                    .isEqualTo(5);
            assertThat(act("article-read", "a3", "2026-03-01T01:02:00Z").points())
                    .isEqualTo(5);
            var fourth = act("article-read", "a4", "2026-03-01T01:03:00Z");
            assertThat(fourth.points()).isZero();
            assertThat(fourth.reason()).isEqualTo(Reason.CAP_REACHED);
        }

        @Test
        @DisplayName("LG-7.2.3 re-reading a rewarded article earns nothing, ever")
        void rereading_earns_nothing() {
            act("article-read", "a1", "2026-03-01T01:00:00Z");
            var again = act("article-read", "a1", "2026-06-01T01:00:00Z");
            assertThat(again.points()).isZero();
            assertThat(again.reason()).isEqualTo(Reason.ALREADY_REWARDED);
        }

        @Test
        @DisplayName("LG-7.2.3 an article read after the cap was reached may still earn on another day")
        void capped_article_earns_another_day() {
            for (var a : new String[] {"a1", "a2", "a3"}) {
                act("article-read", a, "2026-03-01T01:00:00Z");
            }
            assertThat(act("article-read", "a4", "2026-03-01T02:00:00Z").points())
                    .isZero();
            assertThat(act("article-read", "a4", "2026-03-02T02:00:00Z").points())
                    .isEqualTo(5);
        }
    }

    @Nested
    class Videos {

        @Test
        @DisplayName("LG-7.2.4 every accumulated whole minute earns 2; seconds carry over between events")
        void accumulated_minutes() {
            var first = act("video-watch", "v1", 90L, Map.of(), "2026-03-01T01:00:00Z");
            assertThat(first.points()).isEqualTo(2);
            var second = act("video-watch", "v2", 20L, Map.of(), "2026-03-01T01:05:00Z");
            assertThat(second.points()).isZero();
            assertThat(second.reason()).isEqualTo(Reason.BELOW_WHOLE_MINUTE);
            assertThat(act("video-watch", "v2", 10L, Map.of(), "2026-03-01T01:06:00Z")
                            .points())
                    .isEqualTo(2);
        }

        @Test
        @DisplayName("LG-7.2.4 video minutes earn at most 20 a day; a cap cuts an award short")
        void video_cap_cuts_short() {
            assertThat(act("video-watch", "v1", 540L, Map.of(), "2026-03-01T01:00:00Z")
                            .points())
                    .isEqualTo(18);
            var cut = act("video-watch", "v1", 180L, Map.of(), "2026-03-01T02:00:00Z");
            assertThat(cut.points()).isEqualTo(2);
            assertThat(cut.reason()).isEqualTo(Reason.CAP_REACHED);
            assertThat(cut.awards().getFirst().cut()).isTrue();
            assertThat(act("video-watch", "v1", 600L, Map.of(), "2026-03-01T03:00:00Z")
                            .points())
                    .isZero();
        }

        @Test
        @DisplayName("LG-7.2.4 a Today's Focus video earns 50 per viewing, at most 2 viewings per video")
        void focus_video() {
            assertThat(act("focus-video-watch", "f1", "2026-03-01T01:00:00Z").points())
                    .isEqualTo(50);
            assertThat(act("focus-video-watch", "f1", "2026-03-02T01:00:00Z").points())
                    .isEqualTo(50);
            var third = act("focus-video-watch", "f1", "2026-03-03T01:00:00Z");
            assertThat(third.points()).isZero();
            assertThat(third.reason()).isEqualTo(Reason.ITEM_LIMIT_REACHED);
            assertThat(act("focus-video-watch", "f2", "2026-03-03T01:00:00Z").points())
                    .isEqualTo(50);
        }
    }

    @Nested
    class Quiz {

        @Test
        @DisplayName("LG-7.2.5 a group of 5 with 3 or more right earns 5; fewer earns nothing")
        void threshold() {
            assertThat(act("quiz-group", null, null, Map.of("correct", "3", "total", "5"), "2026-03-01T01:00:00Z")
                            .points())
                    .isEqualTo(5);
            var two = act("quiz-group", null, null, Map.of("correct", "2", "total", "5"), "2026-03-01T01:01:00Z");
            assertThat(two.points()).isZero();
            assertThat(two.reason()).isEqualTo(Reason.NOT_ELIGIBLE);
        }

        @Test
        @DisplayName("LG-7.2.5 quiz groups earn at most 30 a day")
        void quiz_cap() {
            int total = 0;
            for (int i = 0; i < 8; i++) {
                total += act("quiz-group", null, null, Map.of("correct", "5"), "2026-03-01T01:0" + i + ":00Z")
                        .points();
            }
            assertThat(total).isEqualTo(30);
        }
    }

    @Test
    @DisplayName("LG-7.2.6 each share earns 5, at most 10 a day")
    void shares() {
        assertThat(act("share", "a1", "2026-03-01T01:00:00Z").points()).isEqualTo(5);
        assertThat(act("share", "v1", "2026-03-01T01:01:00Z").points()).isEqualTo(5);
        assertThat(act("share", "a2", "2026-03-01T01:02:00Z").reason()).isEqualTo(Reason.CAP_REACHED);
        assertThat(act("share", "a2", "2026-03-02T01:02:00Z").points()).isEqualTo(5);
    }

    @Test
    @DisplayName("LG-20 events before the effective date or after the validity period earn nothing")
    void validity() {
        assertThat(act("login", null, "2025-12-31T15:59:59Z").reason()).isEqualTo(Reason.OUTSIDE_VALIDITY);
        assertThat(act("login", null, "2025-12-31T16:00:00Z").points()).isEqualTo(5);
        assertThat(act("login", null, "2028-12-31T16:00:00Z").reason()).isEqualTo(Reason.OUTSIDE_VALIDITY);
    }

    @Test
    @DisplayName("LG-14 a blacklisted user earns nothing")
    void blacklisted() {
        var event = new LearningEvent("x", "u1", "login", null, null, Map.of(), Instant.parse("2026-03-01T01:00:00Z"));
        assertThat(PointsEngine.judge(LONGGANG, event, tally, true).reason()).isEqualTo(Reason.BLACKLISTED);
    }

    @Test
    void unknown_actions_are_named() {
        assertThat(act("dance", null, "2026-03-01T01:00:00Z").reason()).isEqualTo(Reason.UNKNOWN_ACTION);
    }
}
