package org.jifen.rulebook;

/** How a rule turns an event into points. */
public sealed interface Award {

    int points();

    /** {@code points} for each event ("每阅读一篇文章积5分"). */
    record PerAction(int points) implements Award {}

    /**
     * {@code points} for each accumulated whole minute of the events' {@code amount} in seconds, counted per day
     * ("观看慕课视频累计1分钟积2分").
     */
    record PerMinute(int points) implements Award {}
}
