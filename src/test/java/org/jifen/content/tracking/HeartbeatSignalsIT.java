package org.jifen.content.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import org.hamcrest.Matchers;
import org.jifen.content.HeartbeatSignals;
import org.jifen.content.tracking.domain.Signal;
import org.jifen.shared.Masking;
import org.jifen.support.Demo;
import org.jifen.support.Sessions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Rejected heartbeats as integrity signals for the security admin (LG-13). */
class HeartbeatSignalsIT extends TrackingIntegration {

    static final Instant T0 = Instant.parse("2026-12-10T02:00:00Z");

    @Autowired
    HeartbeatSignals signals;

    @Override
    Instant start() {
        return T0;
    }

    @Test
    @DisplayName("LG-13 signals are counted per user and reason, shown masked to the security admin only")
    void signals_per_user() throws Exception {
        var now = T0;
        var u = f.learner();
        long video = f.video(60, false, now.minusSeconds(60));
        var s = f.playback(u, video);
        clock.advance(Duration.ofSeconds(15));
        f.beat(u, s, 1, 0, 60); // beyond the wall clock
        f.beat(u, s, 2, 30, 10); // impossible
        f.beat(u, s, 3, 30, 100); // impossible
        var mine = signals.countsSince(now.minusSeconds(60), 1000).stream()
                .filter(x -> x.userId() == u.id())
                .findFirst()
                .orElseThrow();
        assertThat(mine.count(Signal.IMPOSSIBLE_POSITION)).isEqualTo(2);
        assertThat(mine.count(Signal.TIME_BEYOND_WALL_CLOCK)).isEqualTo(1);
        assertThat(mine.total()).isEqualTo(3);
        assertThat(signals.of(u.id(), now.minusSeconds(60), 10))
                .extracting(HeartbeatSignals.RejectedHeartbeat::reason)
                .containsExactly(Signal.IMPOSSIBLE_POSITION, Signal.IMPOSSIBLE_POSITION, Signal.TIME_BEYOND_WALL_CLOCK);
        assertThat(signals.countsSince(now.plusSeconds(60), 1000)).noneMatch(x -> x.userId() == u.id());

        var admin = Sessions.login(mvc, Demo.SECURITY_ADMIN);
        mvc.perform(get("/admin/integrity/heartbeats?days=1").session(admin))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("signals-user-" + u.id())))
                .andExpect(content().string(Matchers.containsString(Masking.mobile(u.mobile()))))
                .andExpect(content().string(Matchers.not(Matchers.containsString(u.mobile()))));
        mvc.perform(get("/admin/integrity/heartbeats/" + u.id() + "?days=1").session(admin))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("不可能的播放位置")));
        mvc.perform(get("/admin").session(admin))
                .andExpect(content().string(Matchers.containsString("card-heartbeats")));
        var learner = Sessions.login(mvc, Demo.LEARNER);
        mvc.perform(get("/admin/integrity/heartbeats").session(learner)).andExpect(status().isForbidden());
    }

    @Test
    @DisplayName("LG-13 signals are append-only")
    void append_only() {
        var u = f.learner();
        jdbc.sql("""
                        insert into content.rejected_heartbeat (user_id, session_id, kind, reason, at)
                        values (?, 'x', 'reading', 'overlapping-session', now())""").param(u.id()).update();
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> jdbc.sql("delete from content.rejected_heartbeat where user_id = ?")
                                .param(u.id())
                                .update())
                .isInstanceOf(Exception.class);
    }
}
