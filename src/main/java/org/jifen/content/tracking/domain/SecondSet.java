package org.jifen.content.tracking.domain;

import java.util.BitSet;

/**
 * A set of whole seconds of one video (second k is [k, k+1)), stored as a bitmap: the seconds a session verified, or
 * the seconds credited to a user on one day.
 */
public final class SecondSet {

    private final BitSet bits;

    private SecondSet(BitSet bits) {
        this.bits = bits;
    }

    public static SecondSet empty() {
        return new SecondSet(new BitSet());
    }

    /** From the bytes of {@link #toBytes()} (an empty or null array is the empty set). */
    public static SecondSet of(byte[] bytes) {
        return new SecondSet(bytes == null ? new BitSet() : BitSet.valueOf(bytes));
    }

    /** Adds the seconds of {@code range}; answers how many of them were not in the set before. */
    public int add(SecondRange range) {
        if (range.isEmpty()) {
            return 0;
        }
        int before = bits.cardinality();
        bits.set(range.first(), range.last() + 1);
        return bits.cardinality() - before;
    }

    public boolean contains(int second) {
        return bits.get(second);
    }

    public int size() {
        return bits.cardinality();
    }

    public byte[] toBytes() {
        return bits.toByteArray();
    }
}
