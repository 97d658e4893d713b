package org.jifen.content.tracking;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jifen.content.catalog.Item;
import org.jifen.content.tracking.domain.Signal;
import org.jifen.points.domain.LearningEvent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The SQL of verified reading and watching: sessions, day bitmaps, totals, signals, and the outbox of earned events.
 * Items come from the catalog.
 */
@Repository
class TrackingRows {

    private final JdbcClient jdbc;

    TrackingRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Creates the user's lock row when missing and locks it, in one statement: serializes all heartbeats of one user.
     * Answers their latest reading beat, null when they never read.
     */
    Instant lockUser(long userId) {
        return jdbc.sql("""
                        insert into content.tracking_user as t (user_id) values (?)
                        on conflict (user_id) do update set user_id = t.user_id
                        returning t.last_reading_beat_at""")
                .param(userId)
                .query((rs, n) -> instant(rs, 1))
                .list()
                .getFirst();
    }

    /**
     * Lets the current transaction commit without waiting for its WAL to reach the disk. For beats only: a crash
     * of the database may forget the last fraction of a second of them (the next beat covers that time again), while
     * a beat that earns points is made durable by the ledger's commit that follows it (WAL is flushed in order). The
     * outbox row of its events commits with the beat, so the two are kept or forgotten together.
     */
    void commitWithoutWaitingForDisk() {
        jdbc.sql("select set_config('synchronous_commit', 'off', true)").query().singleValue();
    }

    void readingBeatOfUser(long userId, Instant at) {
        jdbc.sql("update content.tracking_user set last_reading_beat_at = ? where user_id = ?")
                .params(ts(at), userId)
                .update();
    }

    // playback

    void supersedePlaybacks(long userId, Instant now) {
        jdbc.sql("update content.playback set superseded_at = ? where user_id = ? and superseded_at is null")
                .params(ts(now), userId)
                .update();
    }

    void insertPlayback(String id, long userId, Item item, Instant now) {
        jdbc.sql("""
                        insert into content.playback (id, user_id, item_id, program_key, started_at, last_beat_at)
                        values (?, ?, ?, ?, ?, ?)""")
                .params(id, userId, item.id(), item.programKey(), ts(now), ts(now))
                .update();
    }

    /** The user's own playback, locked; empty for an unknown session or someone else's. */
    Optional<Playback> lockPlayback(String id, long userId) {
        return jdbc.sql("""
                        select p.id, p.item_id, p.program_key, p.last_beat_at, p.last_seq, p.last_client_at,
                               p.superseded_at is not null, p.verified, p.verified_seconds, p.focus_counted_at is not null,
                               i.duration_seconds, i.focus
                          from content.playback p join content.item i on i.id = p.item_id
                         where p.id = ? and p.user_id = ?
                           for update of p""")
                .params(id, userId)
                .query((rs, n) -> new Playback(
                        rs.getString(1),
                        rs.getLong(2),
                        rs.getString(3),
                        instant(rs, 4),
                        rs.getLong(5),
                        instant(rs, 6),
                        rs.getBoolean(7),
                        rs.getBytes(8),
                        rs.getInt(9),
                        rs.getBoolean(10),
                        rs.getInt(11),
                        rs.getBoolean(12)))
                .optional();
    }

    void updatePlayback(
            String id,
            Instant now,
            long seq,
            double position,
            Instant clientAt,
            byte[] verified,
            int verifiedSeconds,
            boolean focusCounted) {
        jdbc.sql("""
                        update content.playback
                           set last_beat_at = ?, last_seq = ?, last_position = ?, last_client_at = ?, beats = beats + 1,
                               verified = ?, verified_seconds = ?,
                               focus_counted_at = case when ? and focus_counted_at is null then ? else focus_counted_at end
                         where id = ?""")
                .params(ts(now), seq, position, ts(clientAt), verified, verifiedSeconds, focusCounted, ts(now), id)
                .update();
    }

    Optional<byte[]> watchedDay(long userId, long itemId, LocalDate day) {
        return jdbc.sql("select seconds from content.watched_day where user_id = ? and item_id = ? and day = ?")
                .params(userId, itemId, day)
                .query((rs, n) -> rs.getBytes(1))
                .optional();
    }

    void saveWatchedDay(long userId, long itemId, LocalDate day, byte[] seconds, int credited) {
        jdbc.sql("""
                        insert into content.watched_day (user_id, item_id, day, seconds, credited)
                        values (?, ?, ?, ?, ?)
                        on conflict (user_id, item_id, day) do update
                           set seconds = excluded.seconds, credited = excluded.credited""").params(userId, itemId, day, seconds, credited).update();
    }

    /** Seconds of the program's videos credited to the user on a program day, over all videos (the day bitmaps). */
    int watchedOn(long userId, String programKey, LocalDate day) {
        return jdbc.sql("""
                        select coalesce(sum(w.credited), 0)::int from content.watched_day w
                          join content.item i on i.id = w.item_id
                         where w.user_id = ? and w.day = ? and i.program_key = ?""")
                .params(userId, day, programKey)
                .query(Integer.class)
                .single();
    }

    // reading

    void insertReading(String id, long userId, Item item, int requiredSeconds, Instant now) {
        jdbc.sql("""
                        insert into content.reading (id, user_id, item_id, program_key, started_at, last_beat_at,
                                                     required_seconds)
                        values (?, ?, ?, ?, ?, ?, ?)""")
                .params(id, userId, item.id(), item.programKey(), ts(now), ts(now), requiredSeconds)
                .update();
    }

    Optional<Reading> lockReading(String id, long userId) {
        return jdbc.sql("""
                        select id, item_id, program_key, last_beat_at, last_seq, last_client_at,
                               round(credited_seconds * 1000)::bigint, required_seconds, counted_at is not null
                          from content.reading where id = ? and user_id = ? for update""")
                .params(id, userId)
                .query((rs, n) -> new Reading(
                        rs.getString(1),
                        rs.getLong(2),
                        rs.getString(3),
                        instant(rs, 4),
                        rs.getLong(5),
                        instant(rs, 6),
                        rs.getLong(7),
                        rs.getInt(8),
                        rs.getBoolean(9)))
                .optional();
    }

    void updateReading(String id, Instant now, long seq, Instant clientAt, long creditedMillis, boolean counted) {
        jdbc.sql("""
                        update content.reading
                           set last_beat_at = ?, last_seq = ?, last_client_at = ?, beats = beats + 1,
                               credited_seconds = ?::numeric / 1000,
                               counted_at = case when ? and counted_at is null then ? else counted_at end
                         where id = ?""")
                .params(ts(now), seq, ts(clientAt), creditedMillis, counted, ts(now), id)
                .update();
    }

    // outbox

    /**
     * Keeps the events a beat earned until the ledger has judged them: one statement, in the beat's transaction, so
     * that the events exist exactly when the beat that earned them does. Items are the catalog's numeric ids.
     */
    void insertOutbox(String programKey, List<LearningEvent> events, Instant now) {
        var sql = new StringBuilder("""
                insert into content.tracking_outbox (event_id, program_key, user_id, action, item_id, amount, at,
                                                     created_at)
                values """);
        var params = new ArrayList<Object>(events.size() * 8);
        for (int i = 0; i < events.size(); i++) {
            var e = events.get(i);
            sql.append(i == 0 ? "(?, ?, ?, ?, ?, ?, ?, ?)" : ", (?, ?, ?, ?, ?, ?, ?, ?)");
            params.addAll(Arrays.asList(
                    e.id(),
                    programKey,
                    Long.parseLong(e.user()),
                    e.action(),
                    Long.parseLong(e.item()),
                    e.amount(),
                    ts(e.at()),
                    ts(now)));
        }
        jdbc.sql(sql.toString()).params(params).update();
    }

    /**
     * Up to {@code limit} outbox rows written before {@code before}, in the order of their event ids after {@code
     * after} (null: from the first): the replay job walks the key, so each run reads each row once.
     */
    List<Queued> outboxBefore(Instant before, String after, int limit) {
        return jdbc.sql("""
                        select event_id, program_key, user_id, action, item_id, amount, at
                          from content.tracking_outbox
                         where event_id > ? and created_at < ?
                         order by event_id
                         limit ?""")
                .params(after == null ? "" : after, ts(before), limit)
                .query((rs, n) -> new Queued(
                        rs.getString(2),
                        new LearningEvent(
                                rs.getString(1),
                                String.valueOf(rs.getLong(3)),
                                rs.getString(4),
                                String.valueOf(rs.getLong(5)),
                                rs.getObject(6, Long.class),
                                Map.of(),
                                instant(rs, 7))))
                .list();
    }

    /** Removes the rows of events the ledger has judged. */
    int deleteOutbox(Collection<String> eventIds) {
        return eventIds.isEmpty()
                ? 0
                : jdbc.sql("delete from content.tracking_outbox where event_id = any(?)")
                        .param(eventIds.toArray(String[]::new))
                        .update();
    }

    // signals

    void reject(long userId, String sessionId, Long itemId, String kind, Signal signal, Instant now) {
        jdbc.sql("""
                        insert into content.rejected_heartbeat (user_id, session_id, item_id, kind, reason, detail, at)
                        values (?, ?, ?, ?, ?, ?, ?)""")
                .params(userId, sessionId, itemId, kind, signal.reason(), signal.detail(), ts(now))
                .update();
    }

    private static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        var t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    /** An event of the outbox, for the ledger of its program. */
    record Queued(String programKey, LearningEvent event) {}

    record Playback(
            String id,
            long itemId,
            String programKey,
            Instant lastBeatAt,
            long lastSeq,
            Instant lastClientAt,
            boolean superseded,
            byte[] verified,
            int verifiedSeconds,
            boolean focusCounted,
            int durationSeconds,
            boolean focus) {}

    record Reading(
            String id,
            long itemId,
            String programKey,
            Instant lastBeatAt,
            long lastSeq,
            Instant lastClientAt,
            long creditedMillis,
            int requiredSeconds,
            boolean counted) {}
}
