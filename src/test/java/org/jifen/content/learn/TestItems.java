package org.jifen.content.learn;

import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Items written straight into content.item, as the catalog (developer A's operators' pages) will publish them. */
final class TestItems {

    private final JdbcClient jdbc;

    TestItems(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long article(String program, String title, String channel, boolean focus, Instant publishAt, Instant unpublishAt) {
        return insert(
                program,
                "article",
                title,
                channel,
                focus,
                "<p>正文：" + title + "</p>",
                null,
                null,
                publishAt,
                unpublishAt);
    }

    long video(String program, String title, String channel, boolean focus, int seconds, Instant publishAt) {
        return insert(
                program,
                "video",
                title,
                channel,
                focus,
                null,
                "videos/test-" + Integer.toHexString(title.hashCode()) + ".webm",
                seconds,
                publishAt,
                null);
    }

    long course(String program, String title, String channel, Instant publishAt, long... videos) {
        long id = insert(program, "course", title, channel, false, null, null, null, publishAt, null);
        for (int i = 0; i < videos.length; i++) {
            jdbc.sql("insert into content.course_video (course_id, position, video_id) values (?, ?, ?)")
                    .params(id, i + 1, videos[i])
                    .update();
        }
        return id;
    }

    String mediaKey(long id) {
        return jdbc.sql("select media_key from content.item where id = ?")
                .params(id)
                .query(String.class)
                .single();
    }

    private long insert(
            String program,
            String kind,
            String title,
            String channel,
            boolean focus,
            String body,
            String mediaKey,
            Integer seconds,
            Instant publishAt,
            Instant unpublishAt) {
        return jdbc.sql("""
                        insert into content.item (program_key, kind, title, channel, focus, body_html, body_chars,
                            media_key, media_type, duration_seconds, publish_at, unpublish_at, created_at, updated_at)
                        values (:program, :kind, :title, :channel, :focus, :body, :chars, :media, :type, :seconds,
                            :publish, :unpublish, :publish, :publish)
                        returning id""")
                .param("program", program)
                .param("kind", kind)
                .param("title", title)
                .param("channel", channel)
                .param("focus", focus)
                .param("body", body)
                .param("chars", body == null ? null : body.length())
                .param("media", mediaKey)
                .param("type", mediaKey == null ? null : "video/webm")
                .param("seconds", seconds)
                .param("publish", Timestamp.from(publishAt))
                .param("unpublish", unpublishAt == null ? null : Timestamp.from(unpublishAt))
                .query(Long.class)
                .single();
    }
}
