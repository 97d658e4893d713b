package org.jifen.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;

/**
 * The whole platform on the embedded PostgreSQL (a fresh data directory under target/ per test run), on a random
 * port, with the demo data and a movable clock. Every integration test uses exactly this, so that they all share
 * one application context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "jifen.db.data-dir=target/it-postgres/data",
            "jifen.db.clean=true",
            "jifen.content.media-dir=target/it-media",
            "jifen.points.ingest.port=0",
            "jifen.demo.enabled=true",
            // the tracking outbox is replayed when a test says so, never on the scheduler's own time
            "jifen.tracking.replay-every=3650d"
        })
@AutoConfigureMockMvc
@Import(TestClockConfiguration.class)
public @interface JifenIntegrationTest {}
