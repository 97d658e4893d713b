package org.jifen.points.domain;

/** Why an event earned nothing (or less than its rule's value, for {@link #CAP_REACHED}). */
public enum Reason {
    /** A daily, weekly or monthly cap is reached. */
    CAP_REACHED,
    /** This item was rewarded already ("重复不积分", one of offline/online certificate). */
    ALREADY_REWARDED,
    /** The item reached its limit of rewarded times. */
    ITEM_LIMIT_REACHED,
    /** Only the first occurrence of the day earns, and this is not it. */
    ALREADY_TODAY,
    /** The accumulated amount has not completed another whole minute yet. */
    BELOW_WHOLE_MINUTE,
    /** No rule of the action applies to this event (a condition or threshold is not met). */
    NOT_ELIGIBLE,
    /** The user is blacklisted and earns nothing (LG-14). */
    BLACKLISTED,
    /** The rulebook has no rule for the action. */
    UNKNOWN_ACTION,
    /** No rulebook version is in force at the event's time (LG-20). */
    OUTSIDE_VALIDITY;

    private final String code = name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');

    /** The stable code in outcomes and API answers: {@code cap-reached}. */
    public String code() {
        return code;
    }
}
