package org.jifen.content.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import org.jifen.content.tracking.domain.Signal;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** Watching a video: the server credits only verified seconds and emits {@code video-watch} (LG-7.2.4, LG-13). */
class PlaybackIT extends TrackingIntegration {

    static final Instant T0 = Instant.parse("2026-12-01T02:00:00Z"); // 10:00 in Shenzhen

    @Override
    Instant start() {
        return T0;
    }

    @Test
    @DisplayName("LG-7.2.4 verified seconds earn 2 points per accumulated whole minute")
    void watching_earns_points_per_whole_minute() throws Exception {
        var u = f.learner();
        long video = f.video(300, false, T0.minusSeconds(3600));
        f.startPlayback(u, video)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.duration").value(300))
                .andExpect(jsonPath("$.heartbeatSeconds").value(15))
                .andExpect(jsonPath("$.session").isString());
        var s = f.playback(u, video);
        assertThat(s).matches("[A-Za-z0-9_-]{22}");
        advance(30);
        f.beat(u, s, 1, 0, 30)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.result").value("credited"))
                .andExpect(jsonPath("$.credited").value(30.0))
                .andExpect(jsonPath("$.verifiedSeconds").value(30))
                .andExpect(jsonPath("$.points").value(0))
                // no whole minute completed yet: nothing for the ledger
                .andExpect(jsonPath("$.events").isEmpty())
                .andExpect(jsonPath("$.message").isString());
        advance(30);
        f.beat(u, s, 2, 30, 60)
                .andExpect(jsonPath("$.credited").value(30.0))
                .andExpect(jsonPath("$.verifiedSeconds").value(60))
                .andExpect(jsonPath("$.points").value(2))
                .andExpect(jsonPath("$.events[0].id").value("watch:" + s + ":2"))
                .andExpect(jsonPath("$.events[0].action").value("video-watch"));
        assertThat(ledger.balance("longgang", u.id()).lifetime()).isEqualTo(2);
    }

    @Test
    @DisplayName("LG-7.2.4 seconds accumulate over videos: 40 s of one and 20 s of another make a minute")
    void minutes_accumulate_over_videos() throws Exception {
        var u = f.learner();
        long first = f.video(300, false, T0.minusSeconds(3600));
        long second = f.video(300, false, T0.minusSeconds(3600));
        var a = f.playback(u, first);
        advance(40);
        f.beat(u, a, 1, 0, 40).andExpect(jsonPath("$.points").value(0));
        var b = f.playback(u, second);
        advance(20);
        f.beat(u, b, 1, 0, 20)
                .andExpect(jsonPath("$.credited").value(20.0))
                .andExpect(jsonPath("$.points").value(2))
                .andExpect(jsonPath("$.events[0].id").value("watch:" + b + ":1"));
        advance(50);
        f.beat(u, b, 2, 20, 70).andExpect(jsonPath("$.points").value(0));
        advance(10);
        f.beat(u, b, 3, 70, 80).andExpect(jsonPath("$.points").value(2));
        assertThat(ledger.balance("longgang", u.id()).lifetime()).isEqualTo(4);
    }

    @Test
    @DisplayName("LG-7.2.4 video points stop at the daily cap of 20")
    void daily_cap() throws Exception {
        var u = f.learner();
        long video = f.video(1200, false, T0.minusSeconds(3600));
        var s = f.playback(u, video);
        advance(600);
        f.beat(u, s, 1, 0, 600)
                .andExpect(jsonPath("$.credited").value(600.0))
                .andExpect(jsonPath("$.points").value(20));
        advance(120);
        f.beat(u, s, 2, 600, 720)
                .andExpect(jsonPath("$.credited").value(120.0))
                .andExpect(jsonPath("$.points").value(0))
                .andExpect(jsonPath("$.events[0].reason").value("cap-reached"));
        assertThat(ledger.balance("longgang", u.id()).lifetime()).isEqualTo(20);
    }

    @Test
    @DisplayName("LG-7.2.4 seeking ahead credits nothing that was skipped")
    void fast_forward() throws Exception {
        var u = f.learner();
        long video = f.video(300, false, T0.minusSeconds(3600));
        var s = f.playback(u, video);
        advance(15);
        f.beat(u, s, 1, 0, 15).andExpect(jsonPath("$.credited").value(15.0));
        // the player jumped to 200 and played on for 15 s
        advance(15);
        f.beat(u, s, 2, 200, 215)
                .andExpect(jsonPath("$.credited").value(15.0))
                .andExpect(jsonPath("$.verifiedSeconds").value(30))
                .andExpect(jsonPath("$.reason").doesNotExist());
        assertThat(f.signals(u.id(), Signal.TIME_BEYOND_WALL_CLOCK)).isZero();
    }

    @Test
    @DisplayName("LG-13 a forged run longer than the server time is cut to it and recorded")
    void time_beyond_wall_clock() throws Exception {
        var u = f.learner();
        long video = f.video(300, false, T0.minusSeconds(3600));
        var s = f.playback(u, video);
        advance(15);
        f.beat(u, s, 1, 0, 120)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.credited").value(15.0))
                .andExpect(jsonPath("$.reason").value("time-beyond-wall-clock"));
        assertThat(f.signals(u.id(), Signal.TIME_BEYOND_WALL_CLOCK)).isEqualTo(1);
    }

    @Test
    @DisplayName("LG-13 impossible positions are refused with 422, recorded, and credit nothing")
    void impossible_positions() throws Exception {
        var u = f.learner();
        long video = f.video(60, false, T0.minusSeconds(3600));
        var s = f.playback(u, video);
        advance(15);
        f.beat(u, s, 1, 20, 10)
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("impossible-position"))
                .andExpect(jsonPath("$.credited").value(0.0));
        f.beat(u, s, 2, 50, 75).andExpect(status().isUnprocessableContent());
        f.beat(u, s, 3, -3, 5).andExpect(status().isUnprocessableContent());
        assertThat(f.signals(u.id(), Signal.IMPOSSIBLE_POSITION)).isEqualTo(3);
        f.beat(u, s, 4, 0, 15)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.credited").value(15.0));
    }

    @Test
    @DisplayName("LG-13 a client clock that runs fast is recorded; the credit follows the server's clock")
    void client_clock_skew() throws Exception {
        var u = f.learner();
        long video = f.video(300, false, T0.minusSeconds(3600));
        var s = f.playback(u, video);
        long client = 1_700_000_000_000L;
        advance(15);
        f.beat(u, s, "{\"seq\":1,\"from\":0,\"position\":15,\"clientTime\":%d}".formatted(client))
                .andExpect(jsonPath("$.reason").doesNotExist());
        advance(15);
        f.beat(u, s, "{\"seq\":2,\"from\":15,\"position\":30,\"clientTime\":%d}".formatted(client + 60_000))
                .andExpect(jsonPath("$.credited").value(15.0))
                .andExpect(jsonPath("$.reason").value("client-clock-skew"));
        assertThat(f.signals(u.id(), Signal.CLIENT_CLOCK_SKEW)).isEqualTo(1);
    }

    @Test
    @DisplayName("LG-7.2.4 a resent heartbeat is answered as a duplicate and credits nothing")
    void duplicate() throws Exception {
        var u = f.learner();
        long video = f.video(300, false, T0.minusSeconds(3600));
        var s = f.playback(u, video);
        advance(15);
        f.beat(u, s, 1, 0, 15).andExpect(jsonPath("$.credited").value(15.0));
        advance(15);
        f.beat(u, s, 1, 0, 15)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.result").value("duplicate"))
                .andExpect(jsonPath("$.credited").value(0.0))
                .andExpect(jsonPath("$.verifiedSeconds").value(15));
    }

    @Test
    @DisplayName("LG-7.2.4 a second playback pauses the first: its beats answer 409 and are recorded")
    void one_active_playback() throws Exception {
        var u = f.learner();
        long video = f.video(300, false, T0.minusSeconds(3600));
        long other = f.video(300, false, T0.minusSeconds(3600));
        var first = f.playback(u, video);
        var second = f.playback(u, other);
        advance(15);
        f.beat(u, first, 1, 0, 15)
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.paused").value(true))
                .andExpect(jsonPath("$.code").value("overlapping-session"))
                .andExpect(jsonPath("$.message").isString());
        f.beat(u, second, 1, 0, 15)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.credited").value(15.0));
        assertThat(f.signals(u.id(), Signal.OVERLAPPING_SESSION)).isEqualTo(1);
    }

    @Test
    @DisplayName("a heartbeat for someone else's session or an unknown one is 404 and changes nothing")
    void someone_elses_session() throws Exception {
        var owner = f.learner();
        var intruder = f.learner();
        long video = f.video(300, false, T0.minusSeconds(3600));
        var s = f.playback(owner, video);
        advance(15);
        f.beat(intruder, s, 1, 0, 15)
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("tracking.session-not-found"));
        f.beat(owner, "no-such-session", 1, 0, 15).andExpect(status().isNotFound());
        assertThat(jdbc.sql("select beats from content.playback where id = ?")
                        .param(s)
                        .query(Integer.class)
                        .single())
                .isZero();
        // the owner's beat still credits the whole time
        f.beat(owner, s, 1, 0, 15).andExpect(jsonPath("$.credited").value(15.0));
    }

    @Test
    @DisplayName("a heartbeat without a signed-in session is 401, one without the CSRF token 403; neither counts")
    void heartbeats_need_the_session_and_csrf() throws Exception {
        var owner = f.learner();
        long video = f.video(300, false, T0.minusSeconds(3600));
        var s = f.playback(owner, video);
        advance(15);
        var body = "{\"seq\":1,\"from\":0,\"position\":15}";
        mvc.perform(post("/api/v1/content/playbacks/" + s + "/heartbeats")
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isUnauthorized());
        mvc.perform(post("/api/v1/content/playbacks/" + s + "/heartbeats")
                        .with(user(owner))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/content/readings/" + s + "/heartbeats")
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"seq\":1}"))
                .andExpect(status().isUnauthorized());
        assertThat(jdbc.sql("select beats from content.playback where id = ?")
                        .param(s)
                        .query(Integer.class)
                        .single())
                .isZero();
        f.beat(owner, s, 1, 0, 15).andExpect(jsonPath("$.credited").value(15.0));
    }

    @Test
    @DisplayName("an unknown, unpublished or other program's item, or an article, cannot be played: 404")
    void unknown_item() throws Exception {
        var u = f.learner();
        f.startPlayback(u, 987654321L)
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("tracking.item-not-found"));
        long later = f.video(60, false, T0.plusSeconds(3600));
        f.startPlayback(u, later).andExpect(status().isNotFound());
        long article = f.article(600, T0.minusSeconds(60));
        f.startPlayback(u, article).andExpect(status().isNotFound());
        long video = f.video(60, false, T0.minusSeconds(60));
        f.startPlayback(f.outsider(), video).andExpect(status().isNotFound());
    }

    @Test
    @DisplayName("LG-7.2.4 a today's-focus video counts when 80 % was verified in one session, at most twice")
    void focus_rule() throws Exception {
        var u = f.learner();
        long video = f.video(60, true, T0.minusSeconds(3600));
        // 47 s of 60 is not enough (48 needed)
        var s = f.playback(u, video);
        advance(47);
        f.beat(u, s, 1, 0, 47).andExpect(jsonPath("$.focusCounted").value(false));
        advance(13);
        var answer = f.beat(u, s, 2, 47, 60)
                .andExpect(jsonPath("$.verifiedSeconds").value(60))
                .andExpect(jsonPath("$.focusCounted").value(true))
                .andExpect(jsonPath("$.events[?(@.action=='focus-video-watch')].points")
                        .value(org.hamcrest.Matchers.contains(50)));
        // the same session does not count again
        advance(10);
        f.beat(u, s, 3, 0, 10)
                .andExpect(
                        jsonPath("$.events[?(@.action=='focus-video-watch')]").isEmpty());
        // a second session that day counts (the seconds themselves were already credited today)
        var s2 = f.playback(u, video);
        advance(60);
        f.beat(u, s2, 1, 0, 60)
                .andExpect(jsonPath("$.credited").value(0.0))
                .andExpect(jsonPath("$.events[0].action").value("focus-video-watch"))
                .andExpect(jsonPath("$.events[0].points").value(50));
        var s3 = f.playback(u, video);
        advance(60);
        f.beat(u, s3, 1, 0, 60)
                .andExpect(jsonPath("$.events[0].points").value(0))
                .andExpect(jsonPath("$.events[0].reason").value("item-limit-reached"));
        assertThat(answer).isNotNull();
        // 100 for focus, 2 for the one whole minute of seconds credited today
        assertThat(ledger.balance("longgang", u.id()).lifetime()).isEqualTo(102);
    }

    @Test
    @DisplayName("LG-7.2.4 the day is the program's: beats at 23:59:59 and 00:00:00 credit on two days")
    void day_boundary() throws Exception {
        var u = f.learner();
        long video = f.video(300, false, Instant.parse("2026-12-01T00:00:00Z"));
        clock.set(Instant.parse("2026-12-02T15:59:44Z")); // 23:59:44 in Shenzhen
        var s = f.playback(u, video);
        advance(15); // 23:59:59
        f.beat(u, s, 1, 0, 15).andExpect(jsonPath("$.credited").value(15.0));
        advance(1); // 00:00:00 of 3 December
        f.beat(u, s, 2, 15, 16).andExpect(jsonPath("$.credited").value(1.0));
        // the same seconds count again on the new day
        var s2 = f.playback(u, video);
        advance(15);
        f.beat(u, s2, 1, 0, 15).andExpect(jsonPath("$.credited").value(15.0));
        var days = jdbc.sql("select day, credited from content.watched_day where user_id = ? order by day")
                .param(u.id())
                .query((rs, n) -> rs.getObject(1, LocalDate.class) + "=" + rs.getInt(2))
                .list();
        assertThat(days).containsExactly("2026-12-02=15", "2026-12-03=16");
    }

    @Test
    @DisplayName("LG-7.2.4 the same beat sent twice at once credits once")
    void concurrent_duplicates() throws Exception {
        var u = f.learner();
        long video = f.video(300, false, T0.minusSeconds(3600));
        var s = f.playback(u, video);
        advance(30);
        var answers = concurrently(8, () -> tracking.playbackBeat(u.id(), s, 1, 30, 0, null));
        assertThat(answers.stream().filter(a -> a.result().equals("credited")))
                .as(answers.toString())
                .hasSize(1);
        assertThat(answers.stream().mapToDouble(Tracking.Answer::credited).sum())
                .isEqualTo(30.0);
        assertThat(jdbc.sql("select credited from content.watched_day where user_id = ?")
                        .param(u.id())
                        .query(Integer.class)
                        .single())
                .isEqualTo(30);
    }

    @Test
    @DisplayName("LG-7.2.4 beats of the same video in two sessions at once never credit a second twice")
    void concurrent_sessions() throws Exception {
        var u = f.learner();
        long video = f.video(300, false, T0.minusSeconds(3600));
        var a = f.playback(u, video);
        // an older session that was never superseded, as a race of two starts could leave (forged in SQL)
        var b = f.playback(u, video);
        jdbc.sql("update content.playback set superseded_at = null where id = ?")
                .param(a)
                .update();
        advance(30);
        var answers = concurrently(
                2,
                () -> tracking.playbackBeat(u.id(), a, 1, 30, 0, null),
                () -> tracking.playbackBeat(u.id(), b, 1, 30, 0, null));
        assertThat(answers.stream().mapToDouble(Tracking.Answer::credited).sum())
                .isEqualTo(30.0);
    }

    @SafeVarargs
    static <T> java.util.List<T> concurrently(int n, Callable<T>... tasks) throws Exception {
        var gate = new CountDownLatch(1);
        try (var pool = Executors.newFixedThreadPool(n)) {
            var futures = new ArrayList<java.util.concurrent.Future<T>>();
            for (int i = 0; i < n; i++) {
                var task = tasks[i % tasks.length];
                futures.add(pool.submit(() -> {
                    gate.await();
                    return task.call();
                }));
            }
            gate.countDown();
            var results = new ArrayList<T>();
            for (var fut : futures) {
                results.add(fut.get());
            }
            return results;
        }
    }
}
