package org.jifen.points;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One line of the append-only ledger. Its cause is either a rule (id and rulebook version, with the event) or a staff
 * member with a reason.
 *
 * @param kind {@code award}, {@code adjustment}, {@code reset} or {@code spend}
 * @param day the program day it counts for
 */
public record LedgerEntry(
        long id,
        long userId,
        String kind,
        long lifetime,
        long redeemable,
        Instant at,
        LocalDate day,
        String ruleId,
        Integer rulebookVersion,
        String eventId,
        String reason,
        String actorLabel) {}
