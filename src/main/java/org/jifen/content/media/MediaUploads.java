package org.jifen.content.media;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jifen.shared.web.Problem;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.util.unit.DataSize;

/**
 * Takes an uploaded file into storage only after checking it: streamed to a scratch file (never more than the
 * limit of its kind), its type told by its content, a video's duration readable and positive. Whatever fails, the
 * scratch file is deleted, so a bad upload leaves nothing behind.
 */
@Service
public class MediaUploads {

    /** What the upload is for, which decides the accepted formats and the size limit. */
    public enum Purpose {
        VIDEO,
        IMAGE
    }

    private final MediaStorage storage;
    private final long maxVideoBytes;
    private final long maxImageBytes;

    MediaUploads(
            MediaStorage storage,
            @Value("${jifen.content.max-video-bytes:200MB}") DataSize maxVideoBytes,
            @Value("${jifen.content.max-image-bytes:5MB}") DataSize maxImageBytes) {
        this.storage = storage;
        this.maxVideoBytes = maxVideoBytes.toBytes();
        this.maxImageBytes = maxImageBytes.toBytes();
    }

    /**
     * Stores the file, or throws a {@link Problem}: {@code content.file-empty}, {@code content.file-too-large},
     * {@code content.file-type}, {@code content.no-duration}.
     */
    public StoredMedia store(InputStream in, Purpose purpose) {
        long limit = purpose == Purpose.VIDEO ? maxVideoBytes : maxImageBytes;
        Path scratch = null;
        try {
            scratch = storage.scratch();
            long bytes = copyAtMost(in, scratch, limit);
            if (bytes == 0) {
                throw Problem.badRequest("content.file-empty");
            }
            if (bytes > limit) {
                throw Problem.badRequest("content.file-too-large", megabytes(limit));
            }
            var probe = MediaProbe.probe(scratch);
            var format = probe.format()
                    .filter(f -> f.video() == (purpose == Purpose.VIDEO))
                    .orElseThrow(() -> Problem.badRequest(
                            "content.file-type", purpose == Purpose.VIDEO ? "MP4, WebM" : "PNG, JPEG, WebP"));
            Integer seconds = null;
            if (format.video()) {
                var duration = probe.durationSeconds();
                if (duration.isEmpty() || duration.getAsDouble() < 0.5) {
                    throw Problem.badRequest("content.no-duration");
                }
                seconds = (int) Math.round(duration.getAsDouble());
            }
            var key = storage.store(scratch, format);
            scratch = null;
            return new StoredMedia(key, format, bytes, seconds);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (scratch != null) {
                try {
                    Files.deleteIfExists(scratch);
                } catch (IOException ignored) {
                    // nothing more to do: the scratch name marks it as a leftover
                }
            }
        }
    }

    /** Copies up to limit + 1 bytes, so that an oversized upload is known without reading all of it. */
    private static long copyAtMost(InputStream in, Path target, long limit) throws IOException {
        try (in;
                var out = Files.newOutputStream(target)) {
            var buffer = new byte[64 * 1024];
            long total = 0;
            int n;
            while ((n = in.read(buffer)) > 0) {
                total += n;
                if (total > limit) {
                    return total;
                }
                out.write(buffer, 0, n);
            }
            return total;
        }
    }

    private static long megabytes(long bytes) {
        return Math.max(1, bytes / (1024 * 1024));
    }
}
