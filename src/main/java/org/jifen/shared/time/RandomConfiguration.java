package org.jifen.shared.time;

import java.security.SecureRandom;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one place that creates a random source for secrets (keys, tokens); domain code takes it injected. */
@Configuration(proxyBeanMethods = false)
class RandomConfiguration {

    @Bean
    SecureRandom secureRandom() {
        return new SecureRandom();
    }
}
