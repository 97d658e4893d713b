package org.jifen.content.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jifen.audit.AuditLog;
import org.jifen.audit.AuditRecord;
import org.jifen.content.media.MediaKey;
import org.jifen.content.media.MediaStorage;
import org.jifen.content.media.MediaUploads;
import org.jifen.content.media.StoredMedia;
import org.jifen.rulebook.Program;
import org.jifen.shared.web.Problem;
import org.jifen.shared.web.Problem.FieldProblem;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Operators publish, edit, unpublish and republish a program's items. Every field is checked before any file is
 * stored; files are stored before the one transaction that saves the item with its audit entry; a failure after
 * storing deletes the new files again. So nothing is saved on error.
 */
@Service
public class Publishing {

    /** An uploaded file, opened only once the form is known to be valid. */
    @FunctionalInterface
    public interface Upload {
        InputStream open() throws IOException;
    }

    private final Items items;
    private final ProgramSettings settings;
    private final MediaUploads uploads;
    private final MediaStorage storage;
    private final AuditLog audit;
    private final TransactionTemplate tx;
    private final Clock clock;

    Publishing(
            Items items,
            ProgramSettings settings,
            MediaUploads uploads,
            MediaStorage storage,
            AuditLog audit,
            TransactionTemplate tx,
            Clock clock) {
        this.items = items;
        this.settings = settings;
        this.uploads = uploads;
        this.storage = storage;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
    }

    /** Publishes a new item; a video needs its file, the cover is optional. Throws {@code validation} by field. */
    public Item create(Program program, ItemKind kind, ItemDraft draft, Upload video, Upload cover, Long actorId) {
        var problems = new ArrayList<>(draft.problems(kind));
        if (kind == ItemKind.VIDEO && video == null) {
            problems.add(new FieldProblem("video", "content.file-missing"));
        }
        problems.addAll(courseProblems(program, kind, draft));
        if (!problems.isEmpty()) {
            throw Problem.invalid(problems);
        }
        var stored = new ArrayList<MediaKey>();
        try {
            StoredMedia file = kind == ItemKind.VIDEO ? store(video, MediaUploads.Purpose.VIDEO, "video") : null;
            if (file != null) {
                stored.add(file.key());
            }
            StoredMedia image = cover == null ? null : store(cover, MediaUploads.Purpose.IMAGE, "cover");
            if (image != null) {
                stored.add(image.key());
            }
            var now = clock.instant();
            var body = kind == ItemKind.ARTICLE ? ArticleBody.sanitize(draft.body()) : null;
            var item = new Item(
                    0,
                    program.key(),
                    kind,
                    draft.title(),
                    draft.channel(),
                    draft.tags(),
                    draft.focus(),
                    body,
                    body == null ? null : ArticleBody.textLength(body),
                    draft.summary(),
                    image == null ? null : image.key().value(),
                    file == null ? null : file.key().value(),
                    file == null ? null : file.format().contentType(),
                    file == null ? null : file.bytes(),
                    file == null ? null : file.durationSeconds(),
                    draft.publishAt() == null ? now : draft.publishAt(),
                    draft.unpublishAt(),
                    actorId,
                    now,
                    now);
            return tx.execute(status -> {
                long id = items.insert(item);
                if (kind == ItemKind.COURSE) {
                    items.setCourseVideos(id, draft.videoIds());
                }
                var saved = items.find(id).orElseThrow();
                audit.record(AuditRecord.of("content.publish", "content-item", id)
                        .change(null, summary(saved, draft.videoIds())));
                return saved;
            });
        } catch (RuntimeException e) {
            stored.forEach(storage::delete);
            throw e;
        }
    }

    /** Saves an edit of everything but the kind and the video file; a new cover replaces the old one. */
    public Item edit(Program program, long id, ItemDraft draft, Upload cover, boolean removeCover) {
        var before = item(program, id);
        var problems = new ArrayList<>(draft.problems(before.kind()));
        problems.addAll(courseProblems(program, before.kind(), draft));
        if (!problems.isEmpty()) {
            throw Problem.invalid(problems);
        }
        StoredMedia image = cover == null ? null : store(cover, MediaUploads.Purpose.IMAGE, "cover");
        try {
            var body = before.kind() == ItemKind.ARTICLE ? ArticleBody.sanitize(draft.body()) : before.bodyHtml();
            var coverKey = image != null ? image.key().value() : removeCover ? null : before.coverKey();
            var after = new Item(
                    id,
                    before.programKey(),
                    before.kind(),
                    draft.title(),
                    draft.channel(),
                    draft.tags(),
                    draft.focus(),
                    body,
                    before.kind() == ItemKind.ARTICLE ? ArticleBody.textLength(body) : before.bodyChars(),
                    draft.summary(),
                    coverKey,
                    before.mediaKey(),
                    before.mediaType(),
                    before.mediaBytes(),
                    before.durationSeconds(),
                    draft.publishAt() == null ? before.publishAt() : draft.publishAt(),
                    draft.unpublishAt(),
                    before.createdBy(),
                    before.createdAt(),
                    clock.instant());
            var saved = tx.execute(status -> {
                var oldVideos = items.courseVideos(id);
                items.update(after);
                if (before.kind() == ItemKind.COURSE) {
                    items.setCourseVideos(id, draft.videoIds());
                }
                audit.record(AuditRecord.of("content.edit", "content-item", id)
                        .change(summary(before, oldVideos), summary(after, draft.videoIds())));
                return items.find(id).orElseThrow();
            });
            if (before.coverKey() != null && !before.coverKey().equals(saved.coverKey())) {
                MediaKey.parse(before.coverKey()).ifPresent(storage::delete);
            }
            return saved;
        } catch (RuntimeException e) {
            if (image != null) {
                storage.delete(image.key());
            }
            throw e;
        }
    }

    /** Takes a published or scheduled item off now; learners no longer see it. */
    public Item unpublish(Program program, long id) {
        return tx.execute(status -> {
            var before = item(program, id);
            var now = clock.instant();
            if (before.status(now) == Item.Status.UNPUBLISHED) {
                return before;
            }
            var after = withTimes(before, before.publishAt().isAfter(now) ? now : before.publishAt(), now, now);
            items.update(after);
            audit.record(AuditRecord.of("content.unpublish", "content-item", id).change(times(before), times(after)));
            return items.find(id).orElseThrow();
        });
    }

    /** Publishes an unpublished (or scheduled) item now, without an end. */
    public Item republish(Program program, long id) {
        return tx.execute(status -> {
            var before = item(program, id);
            var now = clock.instant();
            if (before.publishedAt(now)) {
                return before;
            }
            var after = withTimes(before, before.publishAt().isAfter(now) ? now : before.publishAt(), null, now);
            items.update(after);
            audit.record(AuditRecord.of("content.republish", "content-item", id).change(times(before), times(after)));
            return items.find(id).orElseThrow();
        });
    }

    public Settings settings(Program program) {
        return settings.of(program.key());
    }

    public Settings saveSettings(Program program, Settings next) {
        return settings.save(program.key(), next);
    }

    /** The program's item, or {@code content.item-not-found} (404) for an unknown id or another program's item. */
    public Item item(Program program, long id) {
        return items.find(id)
                .filter(i -> i.programKey().equals(program.key()))
                .orElseThrow(() -> Problem.notFound("content.item-not-found", id));
    }

    public List<Item> list(Program program, ItemKind kind, String title, Item.Status status) {
        return items.list(program.key(), kind, title, status, clock.instant());
    }

    public List<Long> courseVideos(long courseId) {
        return items.courseVideos(courseId);
    }

    private List<FieldProblem> courseProblems(Program program, ItemKind kind, ItemDraft draft) {
        if (kind != ItemKind.COURSE || draft.videoIds().isEmpty()) {
            return List.of();
        }
        var known = items.videosOf(program.key(), draft.videoIds());
        var problems = new ArrayList<FieldProblem>();
        draft.videoIds().stream()
                .filter(v -> !known.contains(v))
                .forEach(v -> problems.add(new FieldProblem("videoIds", "content.course-video-unknown", v)));
        if (draft.videoIds().stream().distinct().count() < draft.videoIds().size()) {
            problems.add(new FieldProblem("videoIds", "content.course-video-repeated"));
        }
        return problems;
    }

    private StoredMedia store(Upload upload, MediaUploads.Purpose purpose, String field) {
        try {
            return uploads.store(upload.open(), purpose);
        } catch (Problem p) {
            throw Problem.invalid(List.of(new FieldProblem(field, p.code(), p.args())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Item withTimes(Item i, Instant publishAt, Instant unpublishAt, Instant now) {
        return new Item(
                i.id(),
                i.programKey(),
                i.kind(),
                i.title(),
                i.channel(),
                i.tags(),
                i.focus(),
                i.bodyHtml(),
                i.bodyChars(),
                i.summary(),
                i.coverKey(),
                i.mediaKey(),
                i.mediaType(),
                i.mediaBytes(),
                i.durationSeconds(),
                publishAt,
                unpublishAt,
                i.createdBy(),
                i.createdAt(),
                now);
    }

    private static String times(Item i) {
        return "publish=" + i.publishAt() + "; unpublish=" + i.unpublishAt();
    }

    private static String summary(Item i, List<Long> videos) {
        var text = i.kind().key() + " \"" + i.title() + "\"; channel=" + i.channel() + "; tags=" + i.tags() + "; focus="
                + i.focus() + "; cover=" + (i.coverKey() != null) + "; " + times(i);
        if (i.bodyChars() != null) {
            text += "; chars=" + i.bodyChars();
        }
        if (i.kind() == ItemKind.COURSE) {
            text += "; videos=" + videos;
        }
        return text.length() > 1000 ? text.substring(0, 1000) : text;
    }
}
