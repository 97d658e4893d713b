package org.jifen.shared.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL of a fresh install. One server per data directory and JVM, so that several
 * application contexts in a test run share it. Each user {@link #start starts} (acquires) it and
 * {@link #release releases} it when its connection pools have closed; the last release stops the server, so that the
 * application's own shutdown (event registry, pools) finishes while the database is still there.
 */
public final class EmbeddedDatabase {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);
    private static final ConcurrentMap<Path, Server> SERVERS = new ConcurrentHashMap<>();

    private EmbeddedDatabase() {}

    /** Starts (or reuses) the server whose data lives in {@code dataDirectory}; {@code port} 0 picks a free port. */
    public static synchronized EmbeddedPostgres start(Path dataDirectory, int port, boolean clean) {
        var dir = dataDirectory.toAbsolutePath().normalize();
        var server = SERVERS.computeIfAbsent(dir, d -> {
            var started = new Server(launch(d, port, clean));
            Runtime.getRuntime()
                    .addShutdownHook(new Thread(started::stopIfLeftRunning, "embedded-postgres-fallback-stop"));
            return started;
        });
        server.users++;
        return server.postgres;
    }

    /** Releases one use of the server in {@code dataDirectory}; the last release stops it. */
    public static synchronized void release(Path dataDirectory) {
        var dir = dataDirectory.toAbsolutePath().normalize();
        var server = SERVERS.get(dir);
        if (server != null && --server.users == 0) {
            SERVERS.remove(dir);
            server.stop();
        }
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
                    // stopped by the last release, after Spring has closed everything that uses it
                    .setRegisterShutdownHook(false)
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
            return pg;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dir, e);
        }
    }

    private static void close(EmbeddedPostgres pg) {
        try {
            pg.close();
            log.info("Embedded PostgreSQL stopped");
        } catch (IOException e) {
            log.warn("Embedded PostgreSQL did not stop cleanly: {}", e.getMessage());
        }
    }

    private static final class Server {
        final EmbeddedPostgres postgres;
        final CountDownLatch stopped = new CountDownLatch(1);
        int users;

        Server(EmbeddedPostgres postgres) {
            this.postgres = postgres;
        }

        synchronized void stop() {
            if (stopped.getCount() > 0) {
                close(postgres);
                stopped.countDown();
            }
        }

        /**
         * At JVM exit, Spring normally closes the pools and the last release stops the server. If the JVM exits
         * without closing the context (a failed start, {@code spring.context.exit}), stop it here after a grace
         * period, so that no orphaned server keeps the data directory locked.
         */
        void stopIfLeftRunning() {
            try {
                if (!stopped.await(10, TimeUnit.SECONDS)) {
                    stop();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
