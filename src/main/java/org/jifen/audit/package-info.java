/**
 * The audit log (AUDIT, LG-16): every staff change of data and every staff read of personal data, append-only.
 * Other modules call {@link org.jifen.audit.AuditLog} and may read back through {@link org.jifen.audit.AuditEntries};
 * the auditor reads and exports it at /admin/audit and /api/v1/audit/entries. Depends on
 * {@code shared} only.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit")
package org.jifen.audit;
