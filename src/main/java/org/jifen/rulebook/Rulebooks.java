package org.jifen.rulebook;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The programs and their versioned rulebooks. Events are judged by the version in force at the event's time: the
 * active version with the latest {@code effectiveFrom} not after it.
 */
public interface Rulebooks {

    Optional<Program> program(String key);

    List<Program> programs();

    /** Programs that members of this organization take part in (the program's subtree contains it). */
    List<Program> programsFor(long orgId);

    /** The version that judges events at {@code at}; empty when none is in force (outside validity). */
    Optional<RulebookVersion> inForce(String programKey, Instant at);

    /** Every version of the program, newest first; empty for an unknown program. */
    List<RulebookVersion> versions(String programKey);

    /**
     * The notices published to the program's learners (LG-18), newest first, worded in {@code locale}: the reader's
     * language. Empty for an unknown program.
     */
    List<Notice> notices(String programKey, Locale locale);
}
