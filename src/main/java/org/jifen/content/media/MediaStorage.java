package org.jifen.content.media;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.springframework.core.io.Resource;

/**
 * Where media files live: a port, so that an S3-compatible store can replace the file system later. Files are
 * named by {@link MediaKey}s the storage draws itself.
 */
public interface MediaStorage {

    /** A new empty temporary file next to the stored files, for an upload to be checked before it is stored. */
    Path scratch() throws IOException;

    /** Moves the (checked) file into the storage under a new random key of its format. */
    MediaKey store(Path file, MediaFormat format) throws IOException;

    /** The stored file, or empty when there is none under this key. */
    Optional<Resource> open(MediaKey key);

    boolean exists(MediaKey key);

    void delete(MediaKey key);
}
