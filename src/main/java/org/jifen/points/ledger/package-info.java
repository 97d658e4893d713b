/** The ledger on PostgreSQL: per-user serialization, tallies, idempotency and the blacklist reset. */
package org.jifen.points.ledger;
