package org.jifen.content.learn;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The items of a program that are published at a given instant (publish time reached, unpublish time not yet), read
 * from {@code content.item}. Nothing else is ever shown to a learner or on a public page.
 */
@Repository
class PublishedItems {

    private static final String COLUMNS = """
            i.id, i.program_key, i.kind, i.title, i.channel, i.focus, i.summary, i.cover_key, i.media_key,
            i.media_type, i.duration_seconds, i.publish_at""";
    private static final String PUBLISHED =
            " i.publish_at <= :now and (i.unpublish_at is null or i.unpublish_at > :now) ";

    private final JdbcClient jdbc;

    PublishedItems(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The channels that have at least one published item, alphabetically. */
    List<String> channels(String program, Instant now) {
        return jdbc.sql("select distinct i.channel from content.item i where i.program_key = :program and" + PUBLISHED
                        + "order by i.channel")
                .param("program", program)
                .param("now", Timestamp.from(now))
                .query(String.class)
                .list();
    }

    /**
     * Published items of the given kinds, newest first: in one channel when {@code channel} is given, only today's
     * focus when {@code focusOnly}, whose title contains {@code query} (any case) when given.
     */
    List<Item> find(
            String program,
            List<String> kinds,
            String channel,
            String query,
            boolean focusOnly,
            Instant now,
            int offset,
            int limit) {
        var sql = new StringBuilder("select " + COLUMNS + " from content.item i where i.program_key = :program and"
                + PUBLISHED + "and i.kind in (:kinds)");
        if (channel != null) {
            sql.append(" and i.channel = :channel");
        }
        if (focusOnly) {
            sql.append(" and i.focus");
        }
        if (query != null) {
            sql.append(" and lower(i.title) like :pattern escape '\\'");
        }
        sql.append(" order by i.publish_at desc, i.id desc offset :offset limit :limit");
        var spec = jdbc.sql(sql.toString())
                .param("program", program)
                .param("now", Timestamp.from(now))
                .param("kinds", kinds)
                .param("offset", offset)
                .param("limit", limit);
        if (channel != null) {
            spec = spec.param("channel", channel);
        }
        if (query != null) {
            spec = spec.param("pattern", "%" + escapeLike(query.toLowerCase()) + "%");
        }
        return spec.query((rs, n) -> item(rs, null)).list();
    }

    /** A published item of the program, with an article's body. */
    Optional<Item> published(String program, long id, Instant now) {
        return jdbc.sql("select " + COLUMNS + ", i.body_html from content.item i where i.id = :id"
                        + " and i.program_key = :program and" + PUBLISHED)
                .param("id", id)
                .param("program", program)
                .param("now", Timestamp.from(now))
                .query((rs, n) -> item(rs, rs.getString("body_html")))
                .optional();
    }

    /** A published item of any program (for the API, which names items by id only). */
    Optional<Item> published(long id, Instant now) {
        return jdbc.sql("select " + COLUMNS + ", i.body_html from content.item i where i.id = :id and" + PUBLISHED)
                .param("id", id)
                .param("now", Timestamp.from(now))
                .query((rs, n) -> item(rs, rs.getString("body_html")))
                .optional();
    }

    /** The published videos of a course, in the course's order. */
    List<Item> courseVideos(long courseId, Instant now) {
        return jdbc.sql("select " + COLUMNS + " from content.course_video cv join content.item i on i.id = cv.video_id"
                        + " where cv.course_id = :course and i.kind = 'video' and" + PUBLISHED
                        + "order by cv.position")
                .param("course", courseId)
                .param("now", Timestamp.from(now))
                .query((rs, n) -> item(rs, null))
                .list();
    }

    static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static Item item(ResultSet rs, String body) throws SQLException {
        return new Item(
                rs.getLong("id"),
                rs.getString("program_key"),
                rs.getString("kind"),
                rs.getString("title"),
                rs.getString("channel"),
                rs.getBoolean("focus"),
                rs.getString("summary"),
                body,
                rs.getString("cover_key"),
                rs.getString("media_key"),
                rs.getString("media_type"),
                (Integer) rs.getObject("duration_seconds"),
                rs.getTimestamp("publish_at").toInstant());
    }
}
