package org.jifen.content.catalog;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.jifen.audit.AuditLog;
import org.jifen.audit.AuditRecord;
import org.jifen.shared.web.Problem;
import org.jifen.shared.web.Problem.FieldProblem;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** A program's row in {@code content.settings}; the defaults while it has none. */
@Component
class ProgramSettings {

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;

    ProgramSettings(JdbcClient jdbc, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    Settings of(String programKey) {
        return jdbc.sql("""
                        select reading_floor_seconds, reading_chars_per_minute, heartbeat_seconds
                        from content.settings where program_key = ?""")
                .param(programKey)
                .query((rs, n) -> new Settings(rs.getInt(1), rs.getInt(2), rs.getInt(3)))
                .optional()
                .orElse(Settings.DEFAULTS);
    }

    static List<FieldProblem> problems(Settings s) {
        var problems = new ArrayList<FieldProblem>();
        if (s.readingFloorSeconds() < 1 || s.readingFloorSeconds() > 3600) {
            problems.add(new FieldProblem("readingFloorSeconds", "content.settings.range", 1, 3600));
        }
        if (s.charsPerMinute() < 50 || s.charsPerMinute() > 5000) {
            problems.add(new FieldProblem("charsPerMinute", "content.settings.range", 50, 5000));
        }
        if (s.heartbeatSeconds() < 1 || s.heartbeatSeconds() > 120) {
            problems.add(new FieldProblem("heartbeatSeconds", "content.settings.range", 1, 120));
        }
        return problems;
    }

    @Transactional
    Settings save(String programKey, Settings settings) {
        var problems = problems(settings);
        if (!problems.isEmpty()) {
            throw Problem.invalid(problems);
        }
        var before = of(programKey);
        jdbc.sql("""
                        insert into content.settings (program_key, reading_floor_seconds, reading_chars_per_minute,
                            heartbeat_seconds, updated_at) values (?, ?, ?, ?, ?)
                        on conflict (program_key) do update set reading_floor_seconds = excluded.reading_floor_seconds,
                            reading_chars_per_minute = excluded.reading_chars_per_minute,
                            heartbeat_seconds = excluded.heartbeat_seconds, updated_at = excluded.updated_at""")
                .params(
                        programKey,
                        settings.readingFloorSeconds(),
                        settings.charsPerMinute(),
                        settings.heartbeatSeconds(),
                        Timestamp.from(clock.instant()))
                .update();
        audit.record(AuditRecord.of("content.settings", "program", programKey)
                .change(before.toString(), settings.toString()));
        return settings;
    }
}
