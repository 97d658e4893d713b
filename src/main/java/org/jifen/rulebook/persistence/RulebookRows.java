package org.jifen.rulebook.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jifen.rulebook.Program;
import org.jifen.rulebook.Rulebook;
import org.jifen.rulebook.RulebookDocument;
import org.jifen.rulebook.RulebookVersion;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** SQL of the rulebook schema: programs, rulebook versions, notices and the revision counter. */
@Repository
public class RulebookRows {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String VERSION_COLUMNS = """
            program_id, version, status, document::text, yaml, created_at, created_by, activated_at, activated_by,
            activation_reason""";

    /** A stored version with who made and activated it, and the YAML as uploaded. */
    public record StoredVersion(
            long programId,
            int version,
            String status,
            Rulebook rulebook,
            String yaml,
            Instant createdAt,
            Long createdBy,
            Instant activatedAt,
            Long activatedBy,
            String activationReason) {

        public RulebookVersion toApi() {
            return new RulebookVersion(programId, version, status, rulebook, createdAt, activatedAt);
        }

        public boolean draft() {
            return "draft".equals(status);
        }

        public boolean active() {
            return "active".equals(status);
        }
    }

    private final JdbcClient jdbc;

    RulebookRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Program> programs() {
        return jdbc.sql("select id, key, name, org_id, time_zone from rulebook.program order by key")
                .query((rs, n) -> program(rs))
                .list();
    }

    public Optional<Program> program(String key) {
        return jdbc.sql("select id, key, name, org_id, time_zone from rulebook.program where key = ?")
                .param(key)
                .query((rs, n) -> program(rs))
                .optional();
    }

    /** Locks the program's row: writes of its versions queue behind each other, so version numbers never clash. */
    public Optional<Program> lockProgram(String key) {
        return jdbc.sql("select id, key, name, org_id, time_zone from rulebook.program where key = ? for update")
                .param(key)
                .query((rs, n) -> program(rs))
                .optional();
    }

    public Program insertProgram(String key, String name, long orgId, ZoneId zone, Instant at) {
        long id = jdbc.sql("""
                        insert into rulebook.program (key, name, org_id, time_zone, created_at)
                        values (?, ?, ?, ?, ?) returning id""")
                .params(key, name, orgId, zone.getId(), Timestamp.from(at))
                .query(Long.class)
                .single();
        return new Program(id, key, name, orgId, zone);
    }

    public List<StoredVersion> versions(long programId) {
        return jdbc.sql("select " + VERSION_COLUMNS
                        + " from rulebook.rulebook_version where program_id = ? order by version desc")
                .param(programId)
                .query((rs, n) -> version(rs))
                .list();
    }

    /** Every active version of every program, for the in-memory cache. */
    public List<StoredVersion> activeVersions() {
        return jdbc.sql("select " + VERSION_COLUMNS + " from rulebook.rulebook_version where status = 'active'")
                .query((rs, n) -> version(rs))
                .list();
    }

    public Optional<StoredVersion> version(long programId, int version) {
        return jdbc.sql("select " + VERSION_COLUMNS
                        + " from rulebook.rulebook_version where program_id = ? and version = ?")
                .params(programId, version)
                .query((rs, n) -> version(rs))
                .optional();
    }

    public int nextVersion(long programId) {
        return jdbc.sql("select coalesce(max(version), 0) + 1 from rulebook.rulebook_version where program_id = ?")
                .param(programId)
                .query(Integer.class)
                .single();
    }

    public void insertDraft(long programId, int version, Rulebook book, String yaml, Instant at, Long by) {
        jdbc.sql("""
                        insert into rulebook.rulebook_version (program_id, version, status, document, yaml,
                            effective_from, valid_until, created_at, created_by)
                        values (?, ?, 'draft', ?::jsonb, ?, ?, ?, ?, ?)""")
                .params(
                        programId,
                        version,
                        JSON.writeValueAsString(RulebookDocument.toTree(book)),
                        yaml,
                        Timestamp.from(book.effectiveFrom()),
                        book.validUntil() == null ? null : Timestamp.from(book.validUntil()),
                        Timestamp.from(at),
                        by)
                .update();
    }

    /** Makes a draft active; false when it was no longer a draft. */
    public boolean activate(long programId, int version, Instant at, Long by, String reason) {
        return jdbc.sql("""
                        update rulebook.rulebook_version
                           set status = 'active', activated_at = ?, activated_by = ?, activation_reason = ?
                         where program_id = ? and version = ? and status = 'draft'""")
                        .params(Timestamp.from(at), by, reason, programId, version)
                        .update()
                == 1;
    }

    /** Withdraws the drafts older than {@code version}: a newer version was activated in their place. */
    public int withdrawDraftsBefore(long programId, int version) {
        return jdbc.sql("""
                        update rulebook.rulebook_version set status = 'withdrawn'
                         where program_id = ? and version < ? and status = 'draft'""").params(programId, version).update();
    }

    /**
     * A published notice's facts: the version it announces and the active version it was compared with (null for the
     * program's first). The rest is in those versions; the text as published (title, body) stays in the table.
     */
    public record StoredNotice(int version, Integer previousVersion, Instant publishedAt) {}

    /** Publishes a notice: its facts, and its text in the platform's language as the record of what was said. */
    public void insertNotice(
            long programId, int version, Integer previousVersion, String title, String body, Instant at) {
        jdbc.sql("""
                        insert into rulebook.notice (program_id, version, previous_version, title, body, published_at)
                        values (?, ?, ?, ?, ?, ?)""")
                .params(programId, version, previousVersion, title, body, Timestamp.from(at))
                .update();
    }

    /** The program's notices, newest first. */
    public List<StoredNotice> notices(long programId) {
        return jdbc.sql("""
                        select version, previous_version, published_at from rulebook.notice
                         where program_id = ? order by published_at desc, id desc""")
                .param(programId)
                .query((rs, n) -> new StoredNotice(
                        rs.getInt(1),
                        (Integer) rs.getObject(2),
                        rs.getTimestamp(3).toInstant()))
                .list();
    }

    public void bumpRevision() {
        jdbc.sql("update rulebook.revision set n = n + 1").update();
    }

    public long revision() {
        return jdbc.sql("select n from rulebook.revision").query(Long.class).single();
    }

    private static Program program(ResultSet rs) throws SQLException {
        return new Program(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), ZoneId.of(rs.getString(5)));
    }

    private static StoredVersion version(ResultSet rs) throws SQLException {
        long programId = rs.getLong(1);
        int number = rs.getInt(2);
        var read = RulebookDocument.fromTree(JSON.readValue(rs.getString(4), Map.class));
        var book = read.rulebook()
                .orElseThrow(() -> new IllegalStateException(
                        "stored rulebook " + programId + "/" + number + " does not read back: " + read.problems()));
        return new StoredVersion(
                rs.getLong(1),
                rs.getInt(2),
                rs.getString(3),
                book,
                rs.getString(5),
                rs.getTimestamp(6).toInstant(),
                (Long) rs.getObject(7),
                instant(rs.getTimestamp(8)),
                (Long) rs.getObject(9),
                rs.getString(10));
    }

    private static Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }
}
