package org.jifen.content.media;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The name of a stored file: 32 random hex characters and the extension of its format. Unguessable, so that a key
 * can be handed to anyone who may see the item; and of one fixed shape, so that a key can never name a path
 * outside the storage.
 */
public record MediaKey(String value, MediaFormat format) {

    private static final Pattern SHAPE = Pattern.compile("[0-9a-f]{32}\\.(mp4|webm|png|jpg|webp)");

    public static MediaKey random(SecureRandom random, MediaFormat format) {
        var bytes = new byte[16];
        random.nextBytes(bytes);
        return new MediaKey(HexFormat.of().formatHex(bytes) + "." + format.extension(), format);
    }

    /** The key when {@code text} has exactly the shape of one; empty for anything else (paths, other names). */
    public static Optional<MediaKey> parse(String text) {
        if (text == null || !SHAPE.matcher(text).matches()) {
            return Optional.empty();
        }
        var extension = text.substring(33);
        return MediaFormat.byExtension(extension).map(f -> new MediaKey(text, f));
    }

    @Override
    public String toString() {
        return value;
    }
}
