package org.jifen.content.tracking;

import java.time.Duration;
import java.time.Instant;
import org.jifen.account.Accounts;
import org.jifen.org.Memberships;
import org.jifen.org.Organizations;
import org.jifen.points.PointsLedger;
import org.jifen.support.JifenIntegrationTest;
import org.jifen.support.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * What the heartbeat integration tests share: the platform, a fixture of learners and items, and the clock set to
 * each test class's own start, so that their days never meet.
 */
@JifenIntegrationTest
abstract class TrackingIntegration {

    @Autowired
    MockMvc mvc;

    @Autowired
    Accounts accounts;

    @Autowired
    Memberships memberships;

    @Autowired
    Organizations organizations;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    @Autowired
    PointsLedger ledger;

    @Autowired
    Tracking tracking;

    TrackingFixture f;

    /** The instant each test starts at. */
    abstract Instant start();

    @BeforeEach
    void setUpClockAndFixture() {
        clock.set(start());
        f = new TrackingFixture(mvc, accounts, memberships, organizations, jdbc);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    void advance(int seconds) {
        clock.advance(Duration.ofSeconds(seconds));
    }
}
