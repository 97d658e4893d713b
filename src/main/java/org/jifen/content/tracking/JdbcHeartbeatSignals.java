package org.jifen.content.tracking;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jifen.content.HeartbeatSignals;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The integrity signals from {@code content.rejected_heartbeat}. */
@Service
class JdbcHeartbeatSignals implements HeartbeatSignals {

    private final JdbcClient jdbc;

    JdbcHeartbeatSignals(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<UserSignals> countsSince(Instant since, int limit) {
        record Row(long userId, String reason, long count, Instant latest) {}
        var rows = jdbc.sql("""
                        with top as (
                            select user_id, count(*) total, max(at) latest from content.rejected_heartbeat
                             where at >= ? group by user_id order by count(*) desc, max(at) desc, user_id limit ?)
                        select r.user_id, r.reason, count(*), max(r.at)
                          from content.rejected_heartbeat r join top t on t.user_id = r.user_id
                         where r.at >= ?
                         group by r.user_id, r.reason, t.total, t.latest
                         order by t.total desc, t.latest desc, r.user_id""")
                .params(Timestamp.from(since), limit, Timestamp.from(since))
                .query((rs, n) -> new Row(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getLong(3),
                        rs.getTimestamp(4).toInstant()))
                .list();
        var byUser = new LinkedHashMap<Long, List<Row>>();
        rows.forEach(r -> byUser.computeIfAbsent(r.userId(), k -> new java.util.ArrayList<>())
                .add(r));
        return byUser.entrySet().stream()
                .map(e -> {
                    Map<String, Long> counts = new HashMap<>();
                    Instant latest = Instant.MIN;
                    long total = 0;
                    for (var r : e.getValue()) {
                        counts.put(r.reason(), r.count());
                        total += r.count();
                        latest = r.latest().isAfter(latest) ? r.latest() : latest;
                    }
                    return new UserSignals(e.getKey(), counts, total, latest);
                })
                .toList();
    }

    @Override
    public List<RejectedHeartbeat> of(long userId, Instant since, int limit) {
        return jdbc.sql("""
                        select id, user_id, session_id, item_id, kind, reason, detail, at
                          from content.rejected_heartbeat
                         where user_id = ? and at >= ?
                         order by at desc, id desc limit ?""")
                .params(userId, Timestamp.from(since), limit)
                .query((rs, n) -> new RejectedHeartbeat(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getString(3),
                        (Long) rs.getObject(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getTimestamp(8).toInstant()))
                .list();
    }
}
