package org.jifen.content.catalog;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * The content catalog as the other parts of the content module read it: items by id, whether one is published,
 * a program's published items and courses' videos, and the program's reading and heartbeat settings.
 */
@Service
public class Catalog {

    private final Items items;
    private final ProgramSettings settings;

    Catalog(Items items, ProgramSettings settings) {
        this.items = items;
        this.settings = settings;
    }

    /** The item (with its body) when it belongs to the program and is published at {@code at}. */
    public Optional<Item> published(String programKey, long id, Instant at) {
        return items.find(id).filter(i -> i.programKey().equals(programKey)).filter(i -> i.publishedAt(at));
    }

    /** Any item by id, published or not, with its body. */
    public Optional<Item> find(long id) {
        return items.find(id);
    }

    /** The program's items of a kind (all kinds when null) published at {@code at}, newest first, without bodies. */
    public List<Item> publishedItems(String programKey, ItemKind kind, Instant at) {
        return items.list(programKey, kind, null, Item.Status.PUBLISHED, at);
    }

    /** The video ids of a course, in their order. */
    public List<Long> courseVideos(long courseId) {
        return items.courseVideos(courseId);
    }

    /** Reading floor, characters per minute and heartbeat interval; 30/600/15 while the program has set none. */
    public Settings settings(String programKey) {
        return settings.of(programKey);
    }
}
