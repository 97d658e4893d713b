package org.jifen.calendar.persistence;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jifen.calendar.domain.DayKind;
import org.jifen.calendar.domain.SpecialDay;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of the calendar schema: special days and covered years. */
@Repository
public class SpecialDayRows {

    /** Where a special day or a covered year came from. */
    public enum Source {
        TYME4J,
        IMPORT,
        MANUAL;

        public String dbName() {
            return name().toLowerCase();
        }

        static Source fromDb(String value) {
            return valueOf(value.toUpperCase());
        }
    }

    /** A stored special day with its source. */
    public record StoredDay(SpecialDay day, Source source) {}

    /** A year whose holidays are known. */
    public record CoveredYear(int year, Source source, Instant updatedAt) {}

    private final JdbcClient jdbc;

    SpecialDayRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<SpecialDay> all() {
        return jdbc.sql("select day, kind, name, source from calendar.special_day order by day")
                .query((rs, n) -> map(rs).day())
                .list();
    }

    public List<StoredDay> year(int year) {
        return jdbc.sql("select day, kind, name, source from calendar.special_day"
                        + " where day >= ? and day < ? order by day")
                .params(Date.valueOf(LocalDate.of(year, 1, 1)), Date.valueOf(LocalDate.of(year + 1, 1, 1)))
                .query((rs, n) -> map(rs))
                .list();
    }

    public Optional<StoredDay> find(LocalDate date) {
        return jdbc.sql("select day, kind, name, source from calendar.special_day where day = ?")
                .param(Date.valueOf(date))
                .query((rs, n) -> map(rs))
                .optional();
    }

    public long count() {
        return jdbc.sql("select count(*) from calendar.special_day")
                .query(Long.class)
                .single();
    }

    /** Inserts many days in one statement (the seeding of ~900 days takes a few milliseconds). */
    public void insertAll(Collection<SpecialDay> days, Source source) {
        if (days.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        insert into calendar.special_day (day, kind, name, source)
                        select d, k, n, ? from unnest(?::date[], ?::varchar[], ?::varchar[]) as t (d, k, n)""")
                .params(
                        source.dbName(),
                        days.stream().map(d -> d.date().toString()).toArray(String[]::new),
                        days.stream().map(d -> d.kind().code()).toArray(String[]::new),
                        days.stream().map(SpecialDay::name).toArray(String[]::new))
                .update();
    }

    /** Adds the day, or replaces the special day already on that date. */
    public void put(SpecialDay day, Source source) {
        jdbc.sql("""
                        insert into calendar.special_day (day, kind, name, source) values (?, ?, ?, ?)
                        on conflict (day) do update set kind = excluded.kind, name = excluded.name,
                            source = excluded.source""")
                .params(Date.valueOf(day.date()), day.kind().code(), day.name(), source.dbName())
                .update();
    }

    public boolean delete(LocalDate date) {
        return jdbc.sql("delete from calendar.special_day where day = ?")
                        .param(Date.valueOf(date))
                        .update()
                > 0;
    }

    public int deleteYear(int year) {
        return jdbc.sql("delete from calendar.special_day where day >= ? and day < ?")
                .params(Date.valueOf(LocalDate.of(year, 1, 1)), Date.valueOf(LocalDate.of(year + 1, 1, 1)))
                .update();
    }

    public List<CoveredYear> coveredYears() {
        return jdbc.sql("select year, source, updated_at from calendar.covered_year order by year")
                .query((rs, n) -> new CoveredYear(
                        rs.getInt("year"),
                        Source.fromDb(rs.getString("source")),
                        rs.getTimestamp("updated_at").toInstant()))
                .list();
    }

    public void markCovered(Collection<Integer> years, Source source, Instant now) {
        if (years.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        insert into calendar.covered_year (year, source, updated_at)
                        select y, ?, ? from unnest(?::integer[]) as t (y)
                        on conflict (year) do update set source = excluded.source, updated_at = excluded.updated_at""")
                .params(source.dbName(), Timestamp.from(now), years.toArray(Integer[]::new))
                .update();
    }

    private static StoredDay map(ResultSet rs) throws SQLException {
        return new StoredDay(
                new SpecialDay(
                        rs.getDate("day").toLocalDate(),
                        DayKind.fromCode(rs.getString("kind")).orElseThrow(),
                        rs.getString("name")),
                Source.fromDb(rs.getString("source")));
    }
}
