package org.jifen.content.learn;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * One published item as a learner sees it: an article, a video or a course (慕课).
 *
 * @param bodyHtml an article's body, sanitized when it was written; null in lists
 */
public record Item(
        long id,
        String programKey,
        String kind,
        String title,
        String channel,
        boolean focus,
        String summary,
        String bodyHtml,
        String coverKey,
        String mediaKey,
        String mediaType,
        Integer durationSeconds,
        Instant publishAt) {

    public boolean article() {
        return "article".equals(kind);
    }

    public boolean video() {
        return "video".equals(kind);
    }

    public boolean course() {
        return "course".equals(kind);
    }

    /** The day it was published, in the program's time zone. */
    public LocalDate day(ZoneId zone) {
        return LocalDate.ofInstant(publishAt, zone);
    }

    /** "3:05" for a video's length. */
    public String length() {
        if (durationSeconds == null) {
            return "";
        }
        return durationSeconds / 60 + ":" + String.format("%02d", durationSeconds % 60);
    }

    /** The path of its learner page under {@code /learn/{program}}. */
    public String path() {
        return "/learn/" + programKey + "/" + kind + "s/" + id;
    }
}
