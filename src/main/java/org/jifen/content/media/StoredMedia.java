package org.jifen.content.media;

/** A checked upload now in storage: its key, format, size and (for a video) whole seconds of duration. */
public record StoredMedia(MediaKey key, MediaFormat format, long bytes, Integer durationSeconds) {}
