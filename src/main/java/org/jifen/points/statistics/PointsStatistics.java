package org.jifen.points.statistics;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import org.jifen.rulebook.Program;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Figures of a program for its dashboard, read from the ledger's tables in the {@code points} schema: events per
 * program day, points per rule, the users with the most points in a period. Days are program days: the ledger keeps
 * each entry's day in the program's time zone, and an event's time is converted to that zone here.
 */
@Service
public class PointsStatistics {

    private final JdbcClient jdbc;

    PointsStatistics(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Events judged per program day within [from, to], whatever they earned; days without events are left out. */
    public List<DayCount> eventsPerDay(Program program, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                        select cast(at at time zone :zone as date) as day, count(*) as events
                          from points.event_outcome
                         where program_id = :program
                           and at >= (cast(:from as timestamp) at time zone :zone)
                           and at < ((cast(:to as timestamp) + interval '1 day') at time zone :zone)
                         group by 1
                         order by 1""")
                .param("zone", program.timeZone().getId())
                .param("program", program.id())
                .param("from", Date.valueOf(from))
                .param("to", Date.valueOf(to))
                .query((rs, n) -> new DayCount(rs.getDate("day").toLocalDate(), rs.getLong("events")))
                .list();
    }

    /** Points awarded per rule within [from, to], most first; adjustments and resets belong to no rule. */
    public List<RuleTotal> pointsPerRule(Program program, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                        select rule_id, sum(lifetime) as points
                          from points.ledger_entry
                         where program_id = :program and kind = 'award' and rule_id is not null
                           and day between :from and :to
                         group by rule_id
                         order by points desc, rule_id""")
                .param("program", program.id())
                .param("from", Date.valueOf(from))
                .param("to", Date.valueOf(to))
                .query((rs, n) -> new RuleTotal(rs.getString("rule_id"), rs.getLong("points")))
                .list();
    }

    /**
     * The {@code limit} users with the most lifetime points within [from, to] (awards and adjustments, less resets),
     * most first, ties by user id; users left with nothing are not listed.
     */
    public List<UserTotal> topUsers(Program program, LocalDate from, LocalDate to, int limit) {
        return jdbc.sql("""
                        select user_id, sum(lifetime) as points
                          from points.ledger_entry
                         where program_id = :program and day between :from and :to
                         group by user_id
                        having sum(lifetime) > 0
                         order by points desc, user_id
                         limit :limit""")
                .param("program", program.id())
                .param("from", Date.valueOf(from))
                .param("to", Date.valueOf(to))
                .param("limit", limit)
                .query((rs, n) -> new UserTotal(rs.getLong("user_id"), rs.getLong("points")))
                .list();
    }

    public record DayCount(LocalDate day, long events) {}

    public record RuleTotal(String ruleId, long points) {}

    public record UserTotal(long userId, long points) {}
}
