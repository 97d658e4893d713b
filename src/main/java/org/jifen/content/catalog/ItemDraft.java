package org.jifen.content.catalog;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jifen.shared.web.Problem.FieldProblem;

/**
 * What an operator submits for an item, parsed (times as instants, tags as a list), before it is checked. The
 * body is raw HTML here; it is sanitized when saved. {@code videoIds} is a course's ordered list.
 */
public record ItemDraft(
        String title,
        String channel,
        List<String> tags,
        boolean focus,
        String body,
        String summary,
        Instant publishAt,
        Instant unpublishAt,
        List<Long> videoIds) {

    public static final int MAX_TITLE = 200;
    public static final int MAX_CHANNEL = 60;
    public static final int MAX_SUMMARY = 500;
    public static final int MAX_TAGS = 10;
    public static final int MAX_TAG = 30;

    public ItemDraft {
        title = title == null ? "" : title.strip();
        channel = channel == null ? "" : channel.strip();
        tags = tags == null ? List.of() : List.copyOf(tags);
        summary = summary == null || summary.isBlank() ? null : summary.strip();
        videoIds = videoIds == null ? List.of() : List.copyOf(videoIds);
    }

    /** Every problem of the draft for an item of this kind, each naming its field; empty when it may be saved. */
    public List<FieldProblem> problems(ItemKind kind) {
        var problems = new ArrayList<FieldProblem>();
        if (title.isEmpty()) {
            problems.add(new FieldProblem("title", "content.title-required"));
        } else if (title.length() > MAX_TITLE) {
            problems.add(new FieldProblem("title", "content.title-too-long", MAX_TITLE));
        }
        if (channel.isEmpty()) {
            problems.add(new FieldProblem("channel", "content.channel-required"));
        } else if (channel.length() > MAX_CHANNEL) {
            problems.add(new FieldProblem("channel", "content.channel-too-long", MAX_CHANNEL));
        }
        if (tags.size() > MAX_TAGS || tags.stream().anyMatch(t -> t.length() > MAX_TAG)) {
            problems.add(new FieldProblem("tags", "content.tags-invalid", MAX_TAGS, MAX_TAG));
        }
        if (summary != null && summary.length() > MAX_SUMMARY) {
            problems.add(new FieldProblem("summary", "content.summary-too-long", MAX_SUMMARY));
        }
        if (kind == ItemKind.ARTICLE && ArticleBody.textLength(ArticleBody.sanitize(body)) == 0) {
            problems.add(new FieldProblem("body", "content.body-required"));
        }
        if (publishAt != null && unpublishAt != null && !unpublishAt.isAfter(publishAt)) {
            problems.add(new FieldProblem("unpublishAt", "content.unpublish-before-publish"));
        }
        if (kind == ItemKind.COURSE && videoIds.isEmpty()) {
            problems.add(new FieldProblem("videoIds", "content.course-videos-required"));
        }
        return problems;
    }

    /** Tags from comma-separated text (ASCII or Chinese commas), trimmed, without blanks or repeats. */
    public static List<String> tags(String text) {
        if (text == null) {
            return List.of();
        }
        return java.util.Arrays.stream(text.split("[,，、]"))
                .map(String::strip)
                .filter(t -> !t.isEmpty())
                .distinct()
                .toList();
    }
}
