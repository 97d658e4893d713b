package org.jifen.audit;

/**
 * One staff action to record. The actor, their roles, the time and the client address are added by
 * {@link AuditLog} from the request.
 *
 * @param action what was done, as a stable verb ({@code org.rename}, {@code member.reveal-mobile})
 * @param objectType the kind of object ({@code organization}, {@code account})
 * @param objectId its id
 * @param before a short summary of the state before (never unmasked personal data), or null
 * @param after a short summary of the state after, or null
 * @param reason the reason the actor gave, or null
 */
public record AuditRecord(
        String action, String objectType, String objectId, String before, String after, String reason) {

    public static AuditRecord of(String action, String objectType, Object objectId) {
        return new AuditRecord(action, objectType, objectId == null ? null : objectId.toString(), null, null, null);
    }

    public AuditRecord change(String before, String after) {
        return new AuditRecord(action, objectType, objectId, before, after, reason);
    }

    public AuditRecord because(String why) {
        return new AuditRecord(action, objectType, objectId, before, after, why);
    }
}
