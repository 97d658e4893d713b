package org.jifen.points.ledger;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The tallies of recently judged users as they were after this platform's last write for them, each with the
 * revision of the user's balance row it belongs to. Every change of a balance row raises its revision (a trigger), so
 * a group whose users are all here is judged without locking or reading, and written with a statement that applies
 * only if every revision is still the one cached (see {@link JdbcPointsLedger}). The cache is an optimisation only:
 * a stale entry costs one failed statement and the full path, never a wrong outcome.
 *
 * <p>An entry belongs to one writer at a time: a group takes its users' entries out and puts them back after its
 * commit, so two writers never judge on one entry at once.
 */
final class TallyCache {

    /** What a group needs of a cached user: the tally of the days {@code from}..{@code to}, blocked, revision. */
    record Entry(UserTally tally, long revision, boolean blocked, LocalDate from, LocalDate to) {

        boolean covers(LocalDate first, LocalDate last) {
            return !first.isBefore(from) && !last.isAfter(to);
        }
    }

    private record Key(long program, long user) {}

    private final int capacity;
    private final Map<Key, Entry> entries = new ConcurrentHashMap<>();
    /** Groups judged on cached tallies and written; groups whose statement found a cached tally stale. */
    final LongAdder written = new LongAdder();

    final LongAdder stale = new LongAdder();

    TallyCache(int capacity) {
        this.capacity = capacity;
    }

    /**
     * Takes the entries of all these users out when every one is here and covers the days {@code from}..{@code to};
     * otherwise takes none and answers null.
     */
    Map<Long, Entry> takeAll(long program, Collection<Long> users, LocalDate from, LocalDate to) {
        var taken = new HashMap<Long, Entry>(users.size() * 2);
        for (var u : users) {
            var e = entries.remove(new Key(program, u));
            if (e == null || !e.covers(from, to)) {
                taken.forEach((user, back) -> put(program, user, back));
                if (e != null) {
                    put(program, u, e);
                }
                return null;
            }
            taken.put(u, e);
        }
        return taken;
    }

    /** Keeps an entry unless one of a later revision is already here; makes room when full. */
    void put(long program, long user, Entry entry) {
        if (capacity <= 0) {
            return;
        }
        if (entries.size() >= capacity) {
            var it = entries.keySet().iterator();
            for (int i = 0; i < Math.max(1, capacity / 100) && it.hasNext(); i++) {
                it.next();
                it.remove();
            }
        }
        entries.merge(new Key(program, user), entry, (old, now) -> now.revision() >= old.revision() ? now : old);
    }

    int size() {
        return entries.size();
    }
}
