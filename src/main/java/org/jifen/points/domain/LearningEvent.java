package org.jifen.points.domain;

import java.time.Instant;
import java.util.Map;

/**
 * Something a learner did that a rulebook may reward. {@code id} is the idempotency key: the same id twice counts
 * once.
 *
 * @param amount a quantity such as seconds watched, or null
 * @param attributes further facts ({@code channel}, {@code correct}, {@code total})
 */
// exposed: other modules (content) build events for PointsLedger.record
public record LearningEvent(
        String id, String user, String action, String item, Long amount, Map<String, String> attributes, Instant at) {

    public LearningEvent {
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }
}
