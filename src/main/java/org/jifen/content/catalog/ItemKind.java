package org.jifen.content.catalog;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The three kinds of content item; they share one id sequence. */
public enum ItemKind {
    ARTICLE,
    VIDEO,
    COURSE;

    /** The name stored in {@code content.item.kind} and used in URLs and JSON. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ItemKind> of(String key) {
        return Arrays.stream(values()).filter(k -> k.key().equals(key)).findFirst();
    }
}
