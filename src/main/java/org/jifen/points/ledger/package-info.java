/**
 * The ledger on PostgreSQL: per-user serialization (row locks on the full path, balance-row revisions on the cached
 * path), tallies and their cache, idempotency and the blacklist reset.
 */
package org.jifen.points.ledger;
