package org.jifen.content.tracking.domain;

/**
 * The whole seconds of a video that a played segment (start, end] covers: second k counts when its middle k + 0.5
 * lies in the segment, so that two adjacent segments neither lose nor double a second. Empty when {@code last <
 * first}.
 */
public record SecondRange(int first, int last) {

    public static final SecondRange NONE = new SecondRange(0, -1);

    /** The seconds of (start, end] within a video of {@code duration} seconds (0 ≤ k < duration). */
    public static SecondRange of(double start, double end, int duration) {
        int first = Math.max(0, (int) Math.floor(start - 0.5) + 1);
        int last = Math.min(duration - 1, (int) Math.floor(end - 0.5));
        return last < first ? NONE : new SecondRange(first, last);
    }

    public boolean isEmpty() {
        return last < first;
    }

    public int length() {
        return isEmpty() ? 0 : last - first + 1;
    }
}
