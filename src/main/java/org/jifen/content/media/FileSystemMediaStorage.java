package org.jifen.content.media;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

/**
 * Media as files in one directory ({@code jifen.content.media-dir}); uploads are staged in the same directory
 * (names starting with {@code upload-}) so that storing them is an atomic rename.
 */
@Component
class FileSystemMediaStorage implements MediaStorage {

    private final Path dir;
    private final SecureRandom random;

    FileSystemMediaStorage(@Value("${jifen.content.media-dir}") Path dir, SecureRandom random) {
        this.dir = dir.toAbsolutePath().normalize();
        this.random = random;
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
