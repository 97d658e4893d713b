package org.jifen.content.catalog;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The items of all programs in {@code content.item}, and courses' video lists in {@code content.course_video}. */
@Repository
class Items {

    private static final String LIST_COLUMNS = """
            id, program_key, kind, title, channel, tags, focus, null as body_html, body_chars, summary, cover_key,
            media_key, media_type, media_bytes, duration_seconds, publish_at, unpublish_at, created_by, created_at,
            updated_at""";
    private static final String ALL_COLUMNS = LIST_COLUMNS.replace("null as body_html", "body_html");

    private final JdbcClient jdbc;

    Items(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Item> find(long id) {
        return jdbc.sql("select " + ALL_COLUMNS + " from content.item where id = ?")
                .param(id)
                .query(Items::item)
                .optional();
    }

    /** A program's items, newest publication first, filtered by kind, title text and status at {@code now}. */
    List<Item> list(String programKey, ItemKind kind, String titleContains, Item.Status status, Instant now) {
        var sql = new StringBuilder("select " + LIST_COLUMNS + " from content.item where program_key = ?");
        var params = new ArrayList<Object>();
        params.add(programKey);
        if (kind != null) {
            sql.append(" and kind = ?");
            params.add(kind.key());
        }
        if (titleContains != null && !titleContains.isBlank()) {
            sql.append(" and strpos(lower(title), lower(?)) > 0");
            params.add(titleContains.strip());
        }
        if (status != null) {
            var at = Timestamp.from(now);
            switch (status) {
                case PUBLISHED -> {
                    sql.append(" and publish_at <= ? and (unpublish_at is null or unpublish_at > ?)");
                    params.add(at);
                    params.add(at);
                }
                case SCHEDULED -> {
                    sql.append(" and publish_at > ? and (unpublish_at is null or unpublish_at > ?)");
                    params.add(at);
                    params.add(at);
                }
                case UNPUBLISHED -> {
                    sql.append(" and unpublish_at <= ?");
                    params.add(at);
                }
            }
        }
        sql.append(" order by publish_at desc, id desc limit 500");
        return jdbc.sql(sql.toString()).params(params).query(Items::item).list();
    }

    long insert(Item item) {
        return jdbc.sql("""
                        insert into content.item (program_key, kind, title, channel, tags, focus, body_html, body_chars,
                            summary, cover_key, media_key, media_type, media_bytes, duration_seconds, publish_at,
                            unpublish_at, created_by, created_at, updated_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(
                        item.programKey(),
                        item.kind().key(),
                        item.title(),
                        item.channel(),
                        item.tags().toArray(String[]::new),
                        item.focus(),
                        item.bodyHtml(),
                        item.bodyChars(),
                        item.summary(),
                        item.coverKey(),
                        item.mediaKey(),
                        item.mediaType(),
                        item.mediaBytes(),
                        item.durationSeconds(),
                        Timestamp.from(item.publishAt()),
                        item.unpublishAt() == null ? null : Timestamp.from(item.unpublishAt()),
                        item.createdBy(),
                        Timestamp.from(item.createdAt()),
                        Timestamp.from(item.updatedAt()))
                .query(Long.class)
                .single();
    }

    /** Saves what an edit may change: everything but the kind, the program, the video file and the creation. */
    void update(Item item) {
        jdbc.sql("""
                        update content.item set title = ?, channel = ?, tags = ?, focus = ?, body_html = ?,
                            body_chars = ?, summary = ?, cover_key = ?, publish_at = ?, unpublish_at = ?, updated_at = ?
                        where id = ?""")
                .params(
                        item.title(),
                        item.channel(),
                        item.tags().toArray(String[]::new),
                        item.focus(),
                        item.bodyHtml(),
                        item.bodyChars(),
                        item.summary(),
                        item.coverKey(),
                        Timestamp.from(item.publishAt()),
                        item.unpublishAt() == null ? null : Timestamp.from(item.unpublishAt()),
                        Timestamp.from(item.updatedAt()),
                        item.id())
                .update();
    }

    List<Long> courseVideos(long courseId) {
        return jdbc.sql("select video_id from content.course_video where course_id = ? order by position")
                .param(courseId)
                .query(Long.class)
                .list();
    }

    void setCourseVideos(long courseId, List<Long> videoIds) {
        jdbc.sql("delete from content.course_video where course_id = ?")
                .param(courseId)
                .update();
        for (int i = 0; i < videoIds.size(); i++) {
            jdbc.sql("insert into content.course_video (course_id, position, video_id) values (?, ?, ?)")
                    .params(courseId, i + 1, videoIds.get(i))
                    .update();
        }
    }

    /** Those of {@code ids} that are videos of the program. */
    List<Long> videosOf(String programKey, List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select id from content.item where program_key = ? and kind = 'video' and id = any(?)")
                .params(programKey, ids.toArray(Long[]::new))
                .query(Long.class)
                .list();
    }

    int count(String programKey) {
        return jdbc.sql("select count(*) from content.item where program_key = ?")
                .param(programKey)
                .query(Integer.class)
                .single();
    }

    static Item item(ResultSet rs, int row) throws SQLException {
        return new Item(
                rs.getLong("id"),
                rs.getString("program_key"),
                ItemKind.of(rs.getString("kind")).orElseThrow(),
                rs.getString("title"),
                rs.getString("channel"),
                strings(rs.getArray("tags")),
                rs.getBoolean("focus"),
                rs.getString("body_html"),
                (Integer) rs.getObject("body_chars"),
                rs.getString("summary"),
                rs.getString("cover_key"),
                rs.getString("media_key"),
                rs.getString("media_type"),
                (Long) rs.getObject("media_bytes"),
                (Integer) rs.getObject("duration_seconds"),
                instant(rs.getTimestamp("publish_at")),
                instant(rs.getTimestamp("unpublish_at")),
                (Long) rs.getObject("created_by"),
                instant(rs.getTimestamp("created_at")),
                instant(rs.getTimestamp("updated_at")));
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
