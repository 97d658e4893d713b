package org.jifen.rulebook;

import java.time.Instant;

/**
 * A notice to a program's learners (LG-18): published when a rulebook version is activated, saying what changed.
 *
 * @param version the rulebook version it announces
 */
public record Notice(String programKey, int version, String title, String body, Instant publishedAt) {}
