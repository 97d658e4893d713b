package org.jifen.shared.time;

import java.time.Clock;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one place that reads the system clock: everything else takes this {@link Clock}. It ticks in microseconds,
 * the precision of PostgreSQL timestamps, so that an instant read back from the database equals the one written.
 */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

    @Bean
    Clock clock() {
        return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
    }
}
