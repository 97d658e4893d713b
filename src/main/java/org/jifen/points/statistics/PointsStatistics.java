package org.jifen.points.statistics;

import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Figures of a program for its dashboard, read from the ledger's tables in the {@code points} schema: events per
 * program day, points per rule, the users with the most points in a period. Days are program days (the ledger stores
 * each entry's day in the program's time zone).
 */
@Service
public class PointsStatistics {

    private final JdbcClient jdbc;

    PointsStatistics(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Events received per program day within [from, to]; days without events are left out. */
    public List<DayCount> eventsPerDay(String programKey, LocalDate from, LocalDate to) {
        return List.of();
    }

    /** Points awarded per rule within [from, to], most first; adjustments and resets are not a rule's. */
    public List<RuleTotal> pointsPerRule(String programKey, LocalDate from, LocalDate to) {
        return List.of();
    }

    /** The {@code limit} users with the most lifetime points earned within [from, to], most first. */
    public List<UserTotal> topUsers(String programKey, LocalDate from, LocalDate to, int limit) {
        return List.of();
    }

    public record DayCount(LocalDate day, long events) {}

    public record RuleTotal(String ruleId, long points) {}

    public record UserTotal(long userId, long points) {}
}
