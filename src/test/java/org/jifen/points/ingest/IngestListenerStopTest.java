package org.jifen.points.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.util.concurrent.DefaultPromise;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class IngestListenerStopTest {

    @Test
    @DisplayName("stopping does not wait for good on an end that is never reported: it gives up after its limit")
    void gives_up_on_an_end_never_reported() {
        var never = new DefaultPromise<Void>(GlobalEventExecutor.INSTANCE);
        assertThat(IngestListener.awaitEnd(never, Duration.ofMillis(20), "a test"))
                .isFalse();
    }

    @Test
    @DisplayName("stopping goes on at once when the end is reported")
    void goes_on_when_reported() {
        var done = new DefaultPromise<Void>(GlobalEventExecutor.INSTANCE).setSuccess(null);
        assertThat(IngestListener.awaitEnd(done, Duration.ofDays(1), "a test")).isTrue();
    }
}
