package org.jifen.rulebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jifen.support.JifenIntegrationTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * V2026120420 on notices published before it: each gets the version it was compared with, so that it too is worded
 * in the reader's language. Runs the rulebook module's migrations in a database of its own on the embedded server:
 * up to the version before, then the rows, then the rest.
 */
@JifenIntegrationTest
@DisplayName("LG-18 notices published before notices were worded when read")
class NoticeFactsMigrationIT {

    private static final Instant AT = Instant.parse("2026-01-01T00:00:00Z");

    @Autowired
    @FlywayDataSource
    DataSource owner;

    @Test
    @DisplayName("LG-18 an old notice is compared with the highest active version below its own, per program")
    void backfills_the_previous_version() throws Exception {
        var server = owner.unwrap(PGSimpleDataSource.class);
        var name = "notice_facts_" + ProcessHandle.current().pid();
        var admin = JdbcClient.create(owner);
        admin.sql("drop database if exists " + name + " with (force)").update();
        admin.sql("create database " + name).update();
        try {
            var db = new PGSimpleDataSource();
            db.setURL(server.getURL());
            db.setDatabaseName(name);
            db.setUser(server.getUser());
            db.setPassword(server.getPassword());
            var jdbc = JdbcClient.create(db);
            migrate(db, "2026112345");

            program(jdbc, 1, "old-one");
            program(jdbc, 2, "old-two");
            // Program 1: version 2 was withdrawn when 3 was activated; 5 is a draft after 4.
            version(jdbc, 1, 1, "active");
            version(jdbc, 1, 2, "withdrawn");
            version(jdbc, 1, 3, "active");
            version(jdbc, 1, 4, "active");
            version(jdbc, 1, 5, "draft");
            version(jdbc, 2, 1, "active");
            version(jdbc, 2, 2, "active");
            for (var n : new int[][] {{1, 1}, {1, 3}, {1, 4}, {2, 1}, {2, 2}}) {
                jdbc.sql("""
                                insert into rulebook.notice (program_id, version, title, body, published_at)
                                values (?, ?, '旧公告', '旧公告内容', ?)""").params(n[0], n[1], Timestamp.from(AT)).update();
            }

            migrate(db, "latest");

            var previous = new HashMap<String, Integer>();
            jdbc.sql("select program_id, version, previous_version from rulebook.notice")
                    .query(rs -> {
                        previous.put(rs.getLong(1) + "/v" + rs.getInt(2), (Integer) rs.getObject(3));
                    });
            var expected = new HashMap<String, Integer>(Map.of("1/v3", 1, "1/v4", 3, "2/v2", 1));
            expected.put("1/v1", null);
            expected.put("2/v1", null);
            assertThat(previous).isEqualTo(expected);
            assertThat(jdbc.sql("select count(*) from rulebook.notice where title = '旧公告' and body = '旧公告内容'")
                            .query(Long.class)
                            .single())
                    .as("the text as published stays")
                    .isEqualTo(5);
            assertThatThrownBy(() -> jdbc.sql("""
                                    insert into rulebook.notice (program_id, version, previous_version, title, body,
                                        published_at)
                                    values (1, 9, 4, 't', 'b', ?)""").param(Timestamp.from(AT)).update())
                    .as("a notice of a version that does not exist")
                    .isInstanceOf(DataAccessException.class);
        } finally {
            admin.sql("drop database if exists " + name + " with (force)").update();
        }
    }

    private static void migrate(DataSource db, String target) {
        Flyway.configure()
                .dataSource(db)
                .locations("classpath:db/migration/rulebook")
                .target(target)
                .load()
                .migrate();
    }

    private static void program(JdbcClient jdbc, long id, String key) {
        jdbc.sql("""
                        insert into rulebook.program (id, key, name, org_id, time_zone, created_at)
                        values (?, ?, ?, 1, 'Asia/Shanghai', ?)""").params(id, key, key, Timestamp.from(AT)).update();
    }

    private static void version(JdbcClient jdbc, long programId, int version, String status) {
        jdbc.sql("""
                        insert into rulebook.rulebook_version (program_id, version, status, document, yaml,
                            effective_from, created_at, activated_at)
                        values (?, ?, ?, '{}'::jsonb, '', ?, ?, ?)""")
                .params(
                        programId,
                        version,
                        status,
                        Timestamp.from(AT),
                        Timestamp.from(AT),
                        "active".equals(status) ? Timestamp.from(AT.plusSeconds(version)) : null)
                .update();
    }
}
