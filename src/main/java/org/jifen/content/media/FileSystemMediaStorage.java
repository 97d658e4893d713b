package org.jifen.content.media;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

/**
 * Media as files in one directory ({@code jifen.content.media-dir}); uploads are staged in the same directory
 * (names starting with {@code upload-}) so that storing them is an atomic rename.
 */
@Component
class FileSystemMediaStorage implements MediaStorage {

    private static final Logger log = LoggerFactory.getLogger(FileSystemMediaStorage.class);

    /** An upload staged longer ago than this was abandoned (a stop or crash mid-upload): removed on start. */
    static final Duration ABANDONED_AFTER = Duration.ofHours(1);

    private final Path dir;
    private final SecureRandom random;
    private final Clock clock;

    FileSystemMediaStorage(@Value("${jifen.content.media-dir}") Path dir, SecureRandom random, Clock clock) {
        this.dir = dir.toAbsolutePath().normalize();
        this.random = random;
        this.clock = clock;
    }

    /**
     * Removes uploads staged before {@link #ABANDONED_AFTER} ago: a stop in the middle of an upload leaves its
     * staging file behind. Younger ones may belong to another instance sharing the directory, and are kept.
     */
    @EventListener(ApplicationReadyEvent.class)
    int removeAbandonedUploads() {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        var before = clock.instant().minus(ABANDONED_AFTER);
        int removed = 0;
        try (var staged = Files.newDirectoryStream(dir, "upload-*.part")) {
            for (var file : staged) {
                if (Files.getLastModifiedTime(file).toInstant().isBefore(before) && Files.deleteIfExists(file)) {
                    removed++;
                }
            }
        } catch (IOException e) {
            log.warn("Could not look for abandoned uploads in {}: {}", dir, e.toString());
        }
        if (removed > 0) {
            log.info("Removed {} abandoned upload(s) older than {} from {}", removed, ABANDONED_AFTER, dir);
        }
        return removed;
    }

    @Override
    public Path scratch() throws IOException {
        Files.createDirectories(dir);
        return Files.createTempFile(dir, "upload-", ".part");
    }

    @Override
    public MediaKey store(Path file, MediaFormat format) throws IOException {
        Files.createDirectories(dir);
        var key = MediaKey.random(random, format);
        Files.move(file, path(key), StandardCopyOption.ATOMIC_MOVE);
        return key;
    }

    @Override
    public Optional<Resource> open(MediaKey key) {
        var path = path(key);
        return Files.isRegularFile(path) ? Optional.of(new FileSystemResource(path)) : Optional.empty();
    }

    @Override
    public boolean exists(MediaKey key) {
        return Files.isRegularFile(path(key));
    }

    @Override
    public void delete(MediaKey key) {
        try {
            Files.deleteIfExists(path(key));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path path(MediaKey key) {
        // a MediaKey has a fixed shape without separators or dots but the extension's: it cannot leave dir
        var path = dir.resolve(key.value()).normalize();
        if (!path.getParent().equals(dir)) {
            throw new IllegalArgumentException("not a media key: " + key.value());
        }
        return path;
    }
}
