package org.jifen.rulebook;

import java.time.Instant;
import java.util.List;

/**
 * A notice to a program's learners (LG-18): published when a rulebook version is activated, saying what changed.
 * It is worded in the reader's language when read, from the facts of the activation; the Chinese text as published
 * is kept in the database as the record of what the learners were told.
 *
 * @param version the rulebook version it announces
 * @param previousVersion the active version it was compared with; null for the program's first
 * @param lines the body: the introduction, one "• " line per change, the validity (if limited), the operator's reason
 */
public record Notice(
        String programKey,
        int version,
        Integer previousVersion,
        String title,
        List<String> lines,
        Instant publishedAt) {

    public Notice {
        lines = List.copyOf(lines);
    }

    /** The lines as one text, a line each. */
    public String body() {
        return String.join("\n", lines);
    }
}
