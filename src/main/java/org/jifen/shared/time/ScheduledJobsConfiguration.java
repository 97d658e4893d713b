package org.jifen.shared.time;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Runs the modules' {@code @Scheduled} jobs (such as the replay of the tracking outbox) on Spring Boot's task
 * scheduler. A job takes its intervals from configuration and judges ages by the injected {@link java.time.Clock},
 * never by the scheduler's time, so that tests move it by hand.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class ScheduledJobsConfiguration {}
