package org.jifen.rulebook.persistence;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.jifen.rulebook.Program;
import org.jifen.rulebook.Rulebook;
import org.jifen.rulebook.RulebookVersion;
import org.springframework.stereotype.Component;

/**
 * The programs and their active rulebook versions held in memory: {@link #inForce} runs for every learning event,
 * so it reads a map and walks a short array, without touching the database and without allocating. An activation
 * on this node {@linkplain #invalidate() invalidates} it after commit; other nodes compare the database's revision
 * counter with theirs at most every {@link #RECHECK_MILLIS} and re-read when it moved.
 */
@Component
public class RulebookCache {

    static final long RECHECK_MILLIS = 30_000;

    private final RulebookRows rows;
    private final Clock clock;

    private volatile Snapshot snapshot;
    /** Counts local invalidations, so that a load that began before one is not kept after it. */
    private final AtomicLong invalidations = new AtomicLong();

    RulebookCache(RulebookRows rows, Clock clock) {
        this.rows = rows;
        this.clock = clock;
    }

    /** The active version with the latest {@code effectiveFrom} whose validity covers {@code at}. */
    public Optional<RulebookVersion> inForce(String programKey, Instant at) {
        var entry = current().byKey.get(programKey);
        if (entry == null) {
            return Optional.empty();
        }
        var books = entry.books;
        for (int i = 0; i < books.length; i++) {
            if (books[i].validAt(at)) {
                return entry.versions.get(i);
            }
        }
        return Optional.empty();
    }

    public Optional<Program> program(String key) {
        var entry = current().byKey.get(key);
        return entry == null ? Optional.empty() : Optional.of(entry.program);
    }

    public List<Program> programs() {
        return current().programs;
    }

    public void invalidate() {
        invalidations.incrementAndGet();
        snapshot = null;
    }

    private Snapshot current() {
        var s = snapshot;
        long now = clock.millis();
        if (s == null) {
            return load(now);
        }
        if (now - s.checkedAt > RECHECK_MILLIS || now < s.checkedAt) {
            if (rows.revision() != s.revision) {
                return load(now);
            }
            s = new Snapshot(s.revision, now, s.byKey, s.programs);
            snapshot = s;
        }
        return s;
    }

    private Snapshot load(long now) {
        // The revision is read first: a change committed while the rest is read makes the next check reload.
        long generation = invalidations.get();
        long revision = rows.revision();
        var programs = rows.programs();
        var versions = new HashMap<Long, List<RulebookRows.StoredVersion>>();
        for (var v : rows.activeVersions()) {
            versions.computeIfAbsent(v.programId(), id -> new ArrayList<>()).add(v);
        }
        var byKey = new HashMap<String, Entry>();
        for (var p : programs) {
            var list = new ArrayList<>(versions.getOrDefault(p.id(), List.of()));
            // Latest effective time first; of two with the same effective time, the later version.
            list.sort(Comparator.comparing(
                            (RulebookRows.StoredVersion v) -> v.rulebook().effectiveFrom())
                    .thenComparingInt(RulebookRows.StoredVersion::version)
                    .reversed());
            var books = list.stream().map(RulebookRows.StoredVersion::rulebook).toArray(Rulebook[]::new);
            var answers = list.stream().map(v -> Optional.of(v.toApi())).toList();
            byKey.put(p.key(), new Entry(p, books, answers));
        }
        var s = new Snapshot(revision, now, Map.copyOf(byKey), List.copyOf(programs));
        if (invalidations.get() == generation) {
            snapshot = s;
        }
        return s;
    }

    private record Snapshot(long revision, long checkedAt, Map<String, Entry> byKey, List<Program> programs) {}

    /** A program's active versions in order of precedence, with the answers {@link #inForce} hands out. */
    private record Entry(Program program, Rulebook[] books, List<Optional<RulebookVersion>> versions) {}
}
