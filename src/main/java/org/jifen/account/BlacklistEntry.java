package org.jifen.account;

import java.time.Instant;

/** An account on the blacklist (LG-14), with masked identity for lists. */
public record BlacklistEntry(long userId, String maskedName, String maskedMobile, String reason, Instant since) {}
