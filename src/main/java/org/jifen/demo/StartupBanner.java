package org.jifen.demo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Loads the demo on the first start (when enabled) and prints where the platform listens and how to log in. */
@Component
class StartupBanner {

    private static final Logger log = LoggerFactory.getLogger(StartupBanner.class);

    private final DemoData demo;
    private final boolean demoEnabled;

    StartupBanner(DemoData demo, @Value("${jifen.demo.enabled:true}") boolean demoEnabled) {
        this.demo = demo;
        this.demoEnabled = demoEnabled;
    }

    @EventListener
    void ready(ApplicationReadyEvent event) {
        if (demoEnabled) {
            demo.loadOnce();
        }
        int port = event.getApplicationContext() instanceof WebServerApplicationContext web
                ? web.getWebServer().getPort()
                : -1;
        var text = new StringBuilder("\n\n  Jifen is running at http://localhost:" + port + "/\n");
        if (demoEnabled) {
            text.append("  Demo logins (password ").append(DemoData.PASSWORD).append("):\n");
            for (var login : DemoData.LOGINS) {
                text.append(String.format("    %-16s %s%n", login.role().name().toLowerCase(), login.spaced()));
            }
        }
        log.info("{}", text);
    }
}
