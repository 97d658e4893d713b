package org.jifen.rulebook;

import java.time.Instant;

/**
 * One version of a program's rulebook. A draft can be replaced; an active version never changes: a change is a new
 * version, activated with a notice (LG-18).
 *
 * @param status {@code draft}, {@code active} or {@code withdrawn} (a draft that was never activated)
 */
public record RulebookVersion(
        long programId, int version, String status, Rulebook rulebook, Instant createdAt, Instant activatedAt) {

    public boolean active() {
        return "active".equals(status);
    }
}
