package org.jifen.content.catalog;

import java.time.Instant;
import java.util.List;

/**
 * A content item as stored: an article, a video or a course. {@code bodyHtml} (already sanitized) is filled only
 * when one item is read by id; lists leave it null.
 */
public record Item(
        long id,
        String programKey,
        ItemKind kind,
        String title,
        String channel,
        List<String> tags,
        boolean focus,
        String bodyHtml,
        Integer bodyChars,
        String summary,
        String coverKey,
        String mediaKey,
        String mediaType,
        Long mediaBytes,
        Integer durationSeconds,
        Instant publishAt,
        Instant unpublishAt,
        Long createdBy,
        Instant createdAt,
        Instant updatedAt) {

    public Item {
        tags = List.copyOf(tags);
    }

    /** Whether learners see it at {@code at}: publish_at <= at < unpublish_at. */
    public boolean publishedAt(Instant at) {
        return !publishAt.isAfter(at) && (unpublishAt == null || unpublishAt.isAfter(at));
    }

    public Status status(Instant at) {
        if (publishedAt(at)) {
            return Status.PUBLISHED;
        }
        return unpublishAt != null && !unpublishAt.isAfter(at) ? Status.UNPUBLISHED : Status.SCHEDULED;
    }

    /** Where an item stands at a moment. */
    public enum Status {
        PUBLISHED,
        SCHEDULED,
        UNPUBLISHED;

        public String key() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
