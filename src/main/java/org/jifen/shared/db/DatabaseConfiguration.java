package org.jifen.shared.db;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Without {@code spring.datasource.url} (or {@code JIFEN_DB_URL}) the platform runs on an embedded PostgreSQL whose
 * data lives in {@code jifen.db.data-dir} (default {@code ./data/postgres}).
 *
 * <p>Two logins, as a production install should have: Flyway migrates as the owner of the schemas, the application
 * connects as {@code jifen.db.app-role}, which may read and write rows but not alter tables, disable triggers, or
 * update, delete or truncate the append-only tables (granted after each migration by {@code afterMigrate.sql}).
 */
@Configuration(proxyBeanMethods = false)
@Conditional(DatabaseConfiguration.NoExternalDatabase.class)
class DatabaseConfiguration {

    /** The running server; released (and stopped by the last user) after the pools that use it have closed. */
    record EmbeddedServer(EmbeddedPostgres postgres, Path dataDir) implements AutoCloseable {
        @Override
        public void close() {
            EmbeddedDatabase.release(dataDir);
        }
    }

    @Bean(destroyMethod = "close")
    EmbeddedServer embeddedServer(
            @Value("${jifen.db.data-dir:./data/postgres}") Path dataDir,
            @Value("${jifen.db.port:0}") int port,
            @Value("${jifen.db.clean:false}") boolean clean,
            @Value("${jifen.db.app-role:jifen_app}") String appRole)
            throws SQLException {
        var pg = EmbeddedDatabase.start(dataDir, port, clean);
        try (var c = pg.getPostgresDatabase().getConnection();
                var s = c.createStatement()) {
            // the role must exist before the first migration; its grants are renewed after every migration
            s.execute("do $$ begin if not exists (select 1 from pg_roles where rolname = '" + appRole
                    + "') then create role " + appRole + " login; end if; end $$");
            // Spring Modulith creates its event publication table in public at start-up, as the application
            s.execute("grant create on schema public to " + appRole);
        }
        return new EmbeddedServer(pg, dataDir);
    }

    /** The schemas' owner, for Flyway only. */
    @Bean
    @FlywayDataSource
    DataSource ownerDataSource(EmbeddedServer server) {
        var ds = new PGSimpleDataSource();
        ds.setURL(server.postgres().getJdbcUrl("postgres", "postgres"));
        return ds;
    }

    /** The application's pool, connected as the least-privileged application role. */
    @Bean(destroyMethod = "close")
    @Primary
    DataSource dataSource(
            EmbeddedServer server,
            @Value("${jifen.db.app-role:jifen_app}") String appRole,
            @Value("${jifen.db.pool-size:20}") int poolSize) {
        var ds = new HikariDataSource();
        ds.setJdbcUrl(server.postgres().getJdbcUrl(appRole, "postgres"));
        ds.setUsername(appRole);
        ds.setMaximumPoolSize(poolSize);
        ds.setPoolName("jifen-embedded");
        return ds;
    }

    static class NoExternalDatabase implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !StringUtils.hasText(context.getEnvironment().getProperty("spring.datasource.url"));
        }
    }
}
