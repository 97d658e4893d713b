package org.jifen.content.media;

import java.util.Arrays;
import java.util.Optional;

/** The file types the platform accepts: videos for playback, images for covers. */
public enum MediaFormat {
    MP4("video/mp4", "mp4", true),
    WEBM("video/webm", "webm", true),
    PNG("image/png", "png", false),
    JPEG("image/jpeg", "jpg", false),
    WEBP("image/webp", "webp", false);

    private final String contentType;
    private final String extension;
    private final boolean video;

    MediaFormat(String contentType, String extension, boolean video) {
        this.contentType = contentType;
        this.extension = extension;
        this.video = video;
    }

    public String contentType() {
        return contentType;
    }

    public String extension() {
        return extension;
    }

    public boolean video() {
        return video;
    }

    public static Optional<MediaFormat> byExtension(String extension) {
        return Arrays.stream(values())
                .filter(f -> f.extension.equals(extension))
                .findFirst();
    }
}
