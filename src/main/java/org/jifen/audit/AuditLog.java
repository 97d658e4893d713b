package org.jifen.audit;

import jakarta.servlet.http.HttpServletRequest;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.TreeSet;
import org.jifen.shared.Actor;
import org.jifen.shared.Masking;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Records staff actions. Call it inside the transaction that makes the change, so that the change and its
 * record commit together or not at all.
 */
@Service
public class AuditLog {

    private final JdbcClient jdbc;
    private final Clock clock;

    AuditLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Appends one entry attributed to the current actor (or "system" outside a request). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(AuditRecord record) {
        append(record);
    }

    /** Appends one entry in its own transaction: for reads of personal data and events outside a change. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void recordNow(AuditRecord record) {
        append(record);
    }

    private void append(AuditRecord r) {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        var by = Attribution.of(auth == null ? null : auth.getPrincipal());
        jdbc.sql("""
                        insert into audit.audit_entry (at, actor_id, actor_label, actor_roles, action, object_type,
                            object_id, before_summary, after_summary, reason, client_address)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        Timestamp.from(clock.instant()),
                        by.actorId(),
                        by.label(),
                        by.roles(),
                        r.action(),
                        r.objectType(),
                        r.objectId(),
                        Masking.mobilesIn(r.before()),
                        Masking.mobilesIn(r.after()),
                        r.reason(),
                        clientAddress())
                .update();
    }

    /**
     * Who an entry is attributed to: the acting person or API client, else "system" (scheduled jobs, start-up).
     * Roles are sorted, so that the same set always reads the same; the label is masked again in case an
     * {@link Actor} forgot to.
     */
    record Attribution(Long actorId, String label, String roles) {

        static final Attribution SYSTEM = new Attribution(null, "system", "");

        static Attribution of(Object principal) {
            if (principal instanceof Actor actor) {
                return new Attribution(
                        actor.actorId(),
                        Masking.mobilesIn(actor.actorLabel()),
                        String.join(",", new TreeSet<>(actor.roleNames())));
            }
            return SYSTEM;
        }
    }

    private static String clientAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attrs) {
            HttpServletRequest request = attrs.getRequest();
            return request.getRemoteAddr();
        }
        return null;
    }
}
