package org.jifen.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.jifen.content.media.MediaUploads;
import org.jifen.support.BrowserTest;
import org.jifen.support.Demo;
import org.jifen.support.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A learner plays a short today's-focus video in Chromium; the page's heartbeats reach the server, which verifies
 * the seconds by its own clock (running at real pace here) and awards the focus viewing (LG-7.2.4).
 */
@DisplayName("LG-7.2.4 a learner plays a focus video on a phone and sees the points appear")
class WatchingBrowserIT extends BrowserTest {

    /** 2026-08-14 10:00 in Shanghai: no other test uses this day for the demo learner. */
    private static final Instant MORNING = Instant.parse("2026-08-14T02:00:00Z");

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MediaUploads uploads;

    private Map<String, Object> settingsBefore;

    @AfterEach
    void restore() {
        clock.reset();
        jdbc.sql("delete from content.settings where program_key = 'longgang'").update();
        if (settingsBefore != null) {
            jdbc.sql("""
                            insert into content.settings (program_key, reading_floor_seconds, reading_chars_per_minute,
                                heartbeat_seconds) values ('longgang', ?, ?, ?)""")
                    .params(
                            settingsBefore.get("reading_floor_seconds"),
                            settingsBefore.get("reading_chars_per_minute"),
                            settingsBefore.get("heartbeat_seconds"))
                    .update();
        }
    }

    @Test
    @DisplayName("LG-7.2.4 playing a 12 s focus video to the end earns the 50-point viewing, shown on the page")
    void plays_a_focus_video_and_sees_the_points() throws IOException {
        settingsBefore =
                jdbc.sql("select * from content.settings where program_key = 'longgang'").query().listOfRows().stream()
                        .findFirst()
                        .orElse(null);
        // beats every second, so that a 12-second clip is verified in a few beats
        jdbc.sql("""
                        insert into content.settings (program_key, heartbeat_seconds) values ('longgang', 1)
                        on conflict (program_key) do update set heartbeat_seconds = 1""").update();
        long video;
        try (var clip = getClass().getResourceAsStream("/media/clip-12s.webm")) {
            var stored = uploads.store(clip, MediaUploads.Purpose.VIDEO);
            assertThat(stored.durationSeconds()).isEqualTo(12);
            video = jdbc.sql("""
                            insert into content.item (program_key, kind, title, channel, focus, media_key, media_type,
                                media_bytes, duration_seconds, publish_at, created_at, updated_at)
                            values ('longgang', 'video', '浏览器里播放的视频', '浏览器测试', true, ?, 'video/webm', ?, 12,
                                ?, ?, ?)
                            returning id""")
                    .params(
                            stored.key().value(),
                            stored.bytes(),
                            Timestamp.from(MORNING.minusSeconds(3600)),
                            Timestamp.from(MORNING),
                            Timestamp.from(MORNING))
                    .query(Long.class)
                    .single();
        }
        clock.runFrom(MORNING);
        logIn(Demo.LEARNER, Demo.PASSWORD);

        open("/learn/longgang/videos/" + video);
        assertThat(text(By.id("progress-focus-video-watch"))).isEqualTo("观看“今日关注”视频 今日 0 分");
        var player = waitFor(By.id("player"));
        ((JavascriptExecutor) browser).executeScript("arguments[0].muted = true; arguments[0].play();", player);

        new WebDriverWait(browser, Duration.ofSeconds(40))
                .until(ExpectedConditions.textToBe(By.id("progress-focus-video-watch"), "观看“今日关注”视频 今日 50 分"));
        assertThat(text(By.id("tracking-status"))).isNotBlank();
        long verified = jdbc.sql("select max(verified_seconds) from content.playback where item_id = ?")
                .param(video)
                .query(Long.class)
                .single();
        assertThat(verified).isBetween(10L, 12L);
    }
}
