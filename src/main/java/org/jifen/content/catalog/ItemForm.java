package org.jifen.content.catalog;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.jifen.shared.web.Problem.FieldProblem;

/**
 * An item form as the operator typed it: times as {@code yyyy-MM-ddTHH:mm} in the program's time zone (publish
 * time blank = now), tags and a course's video ids as comma-separated text; an unticked focus box is null.
 */
public record ItemForm(
        String title,
        String channel,
        String tags,
        Boolean focus,
        String body,
        String summary,
        String publishAt,
        String unpublishAt,
        String videoIds) {

    public static ItemForm empty() {
        return new ItemForm("", "", "", false, "", "", "", "", "");
    }

    /** The draft, or every problem of the form (parsing and the item rules together) by field. */
    public Parsed parse(ItemKind kind, ZoneId zone, Instant now) {
        var problems = new ArrayList<FieldProblem>();
        var publish = blank(publishAt) ? now : time(publishAt, zone, "publishAt", problems);
        var unpublish = blank(unpublishAt) ? null : time(unpublishAt, zone, "unpublishAt", problems);
        var videos = new ArrayList<Long>();
        if (!blank(videoIds)) {
            for (var part : videoIds.split("[,，\\s]+")) {
                if (part.isBlank()) {
                    continue;
                }
                try {
                    videos.add(Long.parseLong(part.strip()));
                } catch (NumberFormatException e) {
                    problems.add(new FieldProblem("videoIds", "content.course-video-unknown", part.strip()));
                }
            }
        }
        var draft = new ItemDraft(
                title,
                channel,
                ItemDraft.tags(tags),
                Boolean.TRUE.equals(focus),
                body,
                summary,
                publish,
                unpublish,
                videos);
        problems.addAll(draft.problems(kind));
        return new Parsed(draft, List.copyOf(problems));
    }

    public record Parsed(ItemDraft draft, List<FieldProblem> problems) {}

    private static Instant time(String text, ZoneId zone, String field, List<FieldProblem> problems) {
        try {
            return LocalDateTime.parse(text.strip()).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            problems.add(new FieldProblem(field, "content.time-invalid"));
            return null;
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
