package org.jifen.rulebook;

/** A limit on what a rule awards. Periods are the program's days, ISO weeks and months in its time zone. */
public sealed interface Limit {

    /** At most {@code points} from this rule per day ("每日积分上限15分"). */
    record DailyCap(int points) implements Limit {}

    /** At most {@code points} from this rule per ISO week (Monday to Sunday). */
    record WeeklyCap(int points) implements Limit {}

    /** At most {@code points} from this rule per calendar month. */
    record MonthlyCap(int points) implements Limit {}

    /** An item earns once, ever ("重复不积分"). */
    record OncePerItem() implements Limit {}

    /** An item earns at most {@code times} times, ever ("每个视频限2次"). */
    record AtMostPerItem(int times) implements Limit {}

    /** Only the first occurrence of the day earns ("每日首次登录"). */
    record FirstOfDay() implements Limit {}

    /**
     * An item earns once across every rule of the same {@code group}: the offline and the online General Knowledge
     * certificate give 100 once, never twice (LG-7.1, LG-7.2.2).
     */
    record OneTime(String group) implements Limit {}
}
