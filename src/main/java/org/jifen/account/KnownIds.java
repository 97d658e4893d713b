package org.jifen.account;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Account ids known to exist, one bit per id in pages of 65,536 ids, read without locks. Accounts are never
 * deleted, so an id once seen stays true; ids are a sequence, so ten million accounts take about 1.2 MB.
 */
final class KnownIds {

    private static final int PAGE_BITS = 16;
    private static final int WORDS = (1 << PAGE_BITS) / 64;

    private final ConcurrentHashMap<Long, AtomicLongArray> pages = new ConcurrentHashMap<>();

    boolean contains(long id) {
        if (id < 0) {
            return false;
        }
        var page = pages.get(id >>> PAGE_BITS);
        if (page == null) {
            return false;
        }
        int bit = (int) (id & ((1 << PAGE_BITS) - 1));
        return (page.get(bit >>> 6) & (1L << (bit & 63))) != 0;
    }

    void add(long id) {
        if (id < 0) {
            return;
        }
        var page = pages.computeIfAbsent(id >>> PAGE_BITS, k -> new AtomicLongArray(WORDS));
        int bit = (int) (id & ((1 << PAGE_BITS) - 1));
        long mask = 1L << (bit & 63);
        page.getAndAccumulate(bit >>> 6, mask, (a, b) -> a | b);
    }
}
