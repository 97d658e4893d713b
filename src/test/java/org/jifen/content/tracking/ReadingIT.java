package org.jifen.content.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import org.jifen.content.tracking.domain.Signal;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Reading an article: the server measures the time it is open and emits {@code article-read} (LG-7.2.3). */
class ReadingIT extends TrackingIntegration {

    static final Instant T0 = Instant.parse("2026-12-05T02:00:00Z");

    @Override
    Instant start() {
        return T0;
    }

    @Test
    @DisplayName("LG-7.2.3 an article counts as read after its required time, once: 5 points, once per item")
    void article_read_once() throws Exception {
        var u = f.learner();
        long article = f.article(600, T0.minusSeconds(3600)); // 60 s at 600 chars a minute
        f.startReading(u, article)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.requiredSeconds").value(60))
                .andExpect(jsonPath("$.heartbeatSeconds").value(15));
        var s = f.reading(u, article);
        for (int seq = 1; seq <= 3; seq++) {
            advance(15);
            f.read(u, s, seq)
                    .andExpect(jsonPath("$.counted").value(false))
                    .andExpect(jsonPath("$.points").value(0));
        }
        advance(15);
        f.read(u, s, 4)
                .andExpect(jsonPath("$.creditedSeconds").value(60.0))
                .andExpect(jsonPath("$.counted").value(true))
                .andExpect(jsonPath("$.points").value(5))
                .andExpect(jsonPath("$.events[0].action").value("article-read"))
                .andExpect(jsonPath("$.events[0].id").value("read:" + s));
        advance(15);
        f.read(u, s, 5).andExpect(jsonPath("$.events").isEmpty());
        // reading it again: the time counts, the points do not
        var again = f.reading(u, article);
        for (int seq = 1; seq <= 4; seq++) {
            advance(15);
            f.read(u, again, seq);
        }
        assertThat(ledger.balance("longgang", u.id()).lifetime()).isEqualTo(5);
        var counted = jdbc.sql("select count(*) from content.reading where user_id = ? and counted_at is not null")
                .param(u.id())
                .query(Long.class)
                .single();
        assertThat(counted).isEqualTo(2);
    }

    @Test
    @DisplayName("LG-7.2.3 the floor applies to short articles; time away counts at most twice the interval")
    void floor_and_time_away() throws Exception {
        var u = f.learner();
        long article = f.article(50, T0.minusSeconds(3600));
        f.startReading(u, article).andExpect(jsonPath("$.requiredSeconds").value(30));
        var s = f.reading(u, article);
        advance(600);
        f.read(u, s, 1)
                .andExpect(jsonPath("$.credited").value(30.0))
                .andExpect(jsonPath("$.counted").value(true));
    }

    @Test
    @DisplayName("LG-7.2.3 articles open in parallel tabs share one wall clock; the cut is recorded")
    void parallel_tabs() throws Exception {
        var u = f.learner();
        long a = f.article(1200, T0.minusSeconds(3600));
        long b = f.article(1200, T0.minusSeconds(3600));
        var sa = f.reading(u, a);
        var sb = f.reading(u, b);
        for (int seq = 1; seq <= 4; seq++) {
            advance(15);
            f.read(u, sa, seq);
            f.read(u, sb, seq).andExpect(jsonPath("$.credited").value(0.0));
        }
        var total = jdbc.sql("select sum(credited_seconds) from content.reading where user_id = ?")
                .param(u.id())
                .query(Double.class)
                .single();
        assertThat(total).isEqualTo(60.0);
        assertThat(f.signals(u.id(), Signal.OVERLAPPING_SESSION)).isEqualTo(4);
    }

    @Test
    @DisplayName("LG-7.2.3 beats of several tabs at once never credit more than the time that passed")
    void concurrent_tabs() throws Exception {
        var u = f.learner();
        long article = f.article(6000, T0.minusSeconds(3600));
        var sessions = new String[4];
        for (int i = 0; i < sessions.length; i++) {
            sessions[i] = f.reading(u, article);
        }
        advance(15);
        var tasks = new java.util.concurrent.Callable[sessions.length * 2];
        for (int i = 0; i < tasks.length; i++) {
            var s = sessions[i % sessions.length];
            tasks[i] = () -> tracking.readingBeat(u.id(), s, 1, null);
        }
        @SuppressWarnings("unchecked")
        java.util.List<Tracking.Answer> answers = PlaybackIT.concurrently(tasks.length, tasks);
        assertThat(answers.stream().mapToDouble(Tracking.Answer::credited).sum())
                .isEqualTo(15.0);
        assertThat(answers.stream().filter(x -> x.result().equals("duplicate"))).hasSize(4);
    }

    @Test
    @DisplayName("someone else's reading or an unknown one is 404; a video or unknown item cannot be read")
    void bad_sessions_and_items() throws Exception {
        var owner = f.learner();
        var intruder = f.learner();
        long article = f.article(600, T0.minusSeconds(3600));
        var s = f.reading(owner, article);
        advance(15);
        f.read(intruder, s, 1)
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("tracking.session-not-found"));
        f.read(owner, "nope", 1).andExpect(status().isNotFound());
        f.startReading(owner, f.video(60, false, T0.minusSeconds(60))).andExpect(status().isNotFound());
        f.startReading(owner, 987654321L)
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("tracking.item-not-found"));
        f.read(owner, s, 1).andExpect(jsonPath("$.credited").value(15.0));
    }
}
