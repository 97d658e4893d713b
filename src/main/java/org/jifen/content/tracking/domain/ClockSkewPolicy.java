package org.jifen.content.tracking.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The client's clock is never trusted for crediting; when a page sends its own time with each beat, the time that
 * passed on the client between two beats is compared with the server's. A difference beyond max(2 s, 10 %) means a
 * manipulated (sped-up or slowed) clock and is recorded as a signal (LG-13).
 */
public final class ClockSkewPolicy {

    private ClockSkewPolicy() {}

    public static Optional<Signal> check(
            Instant previousServer, Instant nowServer, Instant previousClient, Instant nowClient) {
        if (previousClient == null || nowClient == null) {
            return Optional.empty();
        }
        long server = Duration.between(previousServer, nowServer).toMillis();
        long client = Duration.between(previousClient, nowClient).toMillis();
        if (Math.abs(client - server) > Math.max(2_000, server / 10)) {
            return Optional.of(new Signal(
                    Signal.CLIENT_CLOCK_SKEW,
                    "client clock advanced %.1f s while the server's advanced %.1f s"
                            .formatted(client / 1000.0, server / 1000.0)));
        }
        return Optional.empty();
    }
}
