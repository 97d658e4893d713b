package org.jifen.content.learn;

import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** What a learner read and watched in a program, newest first, from their reading and playback sessions. */
@Repository
class LearningHistory {

    private final JdbcClient jdbc;

    LearningHistory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Line> of(String program, long userId, int offset, int limit) {
        return jdbc.sql("""
                        select * from (
                            select 'article' as kind, r.item_id, i.title, r.started_at as at,
                                   r.counted_at is not null as counted, floor(r.credited_seconds)::int as seconds
                              from content.reading r join content.item i on i.id = r.item_id
                             where r.user_id = :user and r.program_key = :program
                            union all
                            select 'video', p.item_id, i.title, p.started_at,
                                   p.focus_counted_at is not null, p.verified_seconds
                              from content.playback p join content.item i on i.id = p.item_id
                             where p.user_id = :user and p.program_key = :program
                        ) h order by at desc, item_id desc offset :offset limit :limit""")
                .param("user", userId)
                .param("program", program)
                .param("offset", offset)
                .param("limit", limit)
                .query((rs, n) -> new Line(
                        rs.getString("kind"),
                        rs.getLong("item_id"),
                        rs.getString("title"),
                        rs.getTimestamp("at").toInstant(),
                        rs.getBoolean("counted"),
                        rs.getInt("seconds")))
                .list();
    }

    /**
     * One reading or playback session.
     *
     * @param counted an article: it counted as read; a video: it counted as a today's-focus viewing
     * @param seconds seconds the server verified (reading time, or distinct seconds of video watched)
     */
    record Line(String kind, long itemId, String title, Instant at, boolean counted, int seconds) {}
}
