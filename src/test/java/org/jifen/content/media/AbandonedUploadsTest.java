package org.jifen.content.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AbandonedUploadsTest {

    static final Instant NOW = Instant.parse("2026-11-23T08:00:00Z");

    @TempDir
    Path dir;

    @Test
    @DisplayName("staged uploads older than an hour are removed on start; younger ones and media stay")
    void removes_only_old_staged_uploads() throws Exception {
        var old = Files.writeString(dir.resolve("upload-1.part"), "x");
        Files.setLastModifiedTime(old, FileTime.from(NOW.minusSeconds(3601)));
        var young = Files.writeString(dir.resolve("upload-2.part"), "x");
        Files.setLastModifiedTime(young, FileTime.from(NOW.minusSeconds(3599)));
        var media = Files.writeString(dir.resolve("0123456789abcdef0123456789abcdef.webm"), "x");
        Files.setLastModifiedTime(media, FileTime.from(NOW.minusSeconds(86_400)));
        var storage = new FileSystemMediaStorage(dir, new SecureRandom(), Clock.fixed(NOW, ZoneOffset.UTC));

        assertThat(storage.removeAbandonedUploads()).isEqualTo(1);

        assertThat(old).doesNotExist();
        assertThat(young).exists();
        assertThat(media).exists();
    }

    @Test
    @DisplayName("a media directory that does not exist yet is not an error")
    void missing_directory() {
        var storage = new FileSystemMediaStorage(
                dir.resolve("not-yet"), new SecureRandom(), Clock.fixed(NOW, ZoneOffset.UTC));
        assertThat(storage.removeAbandonedUploads()).isZero();
    }
}
