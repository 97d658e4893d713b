/** Read-only statistics of the points ledger for operators' dashboards. */
package org.jifen.points.statistics;
