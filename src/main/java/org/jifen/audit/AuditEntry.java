package org.jifen.audit;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * One recorded staff action, as read back from the audit log. Personal data in it was masked when it was
 * recorded.
 */
public record AuditEntry(
        long id,
        Instant at,
        Long actorId,
        String actorLabel,
        String actorRoles,
        String action,
        String objectType,
        String objectId,
        String before,
        String after,
        String reason,
        String clientAddress) {

    /** The actor's role names ({@code auditor}, {@code learner}), as recorded. */
    public List<String> roles() {
        if (actorRoles == null || actorRoles.isBlank()) {
            return List.of();
        }
        return Arrays.stream(actorRoles.split(",")).map(String::strip).toList();
    }
}
