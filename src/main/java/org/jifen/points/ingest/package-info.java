/**
 * Event ingestion front ends: the shared reading of request bodies, and the light listener that serves the events
 * endpoint outside the servlet stack for high-volume integrations.
 */
package org.jifen.points.ingest;
