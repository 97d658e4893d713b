package org.jifen.org;

import java.util.Arrays;
import java.util.List;

/**
 * One organization of a tree. {@code path} holds the ids from the root down to this one ({@code /1/4/9/}).
 */
public record Organization(long id, Long parentId, long rootId, String name, OrgKind kind, String path) {

    /** Ids from the root to this organization, inclusive. */
    public List<Long> lineage() {
        return Arrays.stream(path.split("/"))
                .filter(s -> !s.isEmpty())
                .map(Long::valueOf)
                .toList();
    }

    public int depth() {
        return lineage().size() - 1;
    }

    /** True when this organization is {@code ancestorId} or lies below it. */
    public boolean within(long ancestorId) {
        return path.contains("/" + ancestorId + "/");
    }

    public boolean root() {
        return parentId == null;
    }
}
