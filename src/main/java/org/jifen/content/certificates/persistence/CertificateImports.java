package org.jifen.content.certificates.persistence;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The import records and the rows that became events, in {@code content.certificate_import*}. */
@Repository
public class CertificateImports {

    /** Advisory lock namespace of certificate imports ("JfCert"), combined with the program id. */
    private static final int LOCK = 0x4A664365;

    private final JdbcClient jdbc;

    CertificateImports(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Serializes imports of one program until the transaction ends, so that two never record the same row. */
    public void lock(long programId) {
        jdbc.sql("select pg_advisory_xact_lock(?, ?)")
                .params(LOCK, (int) programId)
                .query((rs, n) -> 1)
                .list();
    }

    /** Those of the event ids that an earlier import recorded. */
    public Set<String> recorded(Collection<String> eventIds) {
        if (eventIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("select event_id from content.certificate_import_row where event_id = any(?)")
                .param(eventIds.toArray(String[]::new))
                .query(String.class)
                .list());
    }

    public long insert(NewImport record) {
        return jdbc.sql("""
                        insert into content.certificate_import
                            (program_key, actor_id, actor_label, file_name, rows, recorded, skipped, points,
                             good_rows_only, at)
                        values (:program, :actorId, :actorLabel, :fileName, :rows, :recorded, :skipped, :points,
                                :goodRowsOnly, :at)
                        returning id
                        """)
                .param("program", record.programKey())
                .param("actorId", record.actorId())
                .param("actorLabel", record.actorLabel())
                .param("fileName", record.fileName())
                .param("rows", record.rows())
                .param("recorded", record.recorded())
                .param("skipped", record.skipped())
                .param("points", record.points())
                .param("goodRowsOnly", record.goodRowsOnly())
                .param("at", java.sql.Timestamp.from(record.at()))
                .query(Long.class)
                .single();
    }

    public void insertRows(long importId, List<RecordedRow> rows) {
        for (var row : rows) {
            jdbc.sql("""
                            insert into content.certificate_import_row
                                (event_id, import_id, row_number, user_id, certificate, obtained_on, points, reason)
                            values (?, ?, ?, ?, ?, ?, ?, ?)
                            """)
                    .params(
                            row.eventId(),
                            importId,
                            row.row(),
                            row.userId(),
                            row.certificate(),
                            row.obtainedOn(),
                            row.points(),
                            row.reason())
                    .update();
        }
    }

    /** The program's imports, newest first. */
    public List<ImportRecord> history(String programKey, int limit) {
        return jdbc.sql("""
                        select id, file_name, actor_label, rows, recorded, skipped, points, good_rows_only, at
                        from content.certificate_import
                        where program_key = ?
                        order by at desc, id desc
                        limit ?
                        """)
                .params(programKey, limit)
                .query((rs, n) -> new ImportRecord(
                        rs.getLong("id"),
                        rs.getString("file_name"),
                        rs.getString("actor_label"),
                        rs.getInt("rows"),
                        rs.getInt("recorded"),
                        rs.getInt("skipped"),
                        rs.getLong("points"),
                        rs.getBoolean("good_rows_only"),
                        rs.getTimestamp("at").toInstant()))
                .list();
    }

    public record NewImport(
            String programKey,
            long actorId,
            String actorLabel,
            String fileName,
            int rows,
            int recorded,
            int skipped,
            long points,
            boolean goodRowsOnly,
            Instant at) {}

    public record RecordedRow(
            String eventId,
            int row,
            long userId,
            String certificate,
            LocalDate obtainedOn,
            int points,
            String reason) {}

    /** One import as the history lists it. */
    public record ImportRecord(
            long id,
            String fileName,
            String actorLabel,
            int rows,
            int recorded,
            int skipped,
            long points,
            boolean goodRowsOnly,
            Instant at) {}
}
