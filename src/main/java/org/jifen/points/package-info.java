/**
 * Points: the engine that judges learning events by the rulebook in force, the append-only ledger with lifetime and
 * redeemable balances and period totals, blacklisting, and event ingestion (in-process and over HTTP). Depends on
 * {@code rulebook}, {@code account}, {@code org}, {@code audit} and {@code shared}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Points")
package org.jifen.points;
