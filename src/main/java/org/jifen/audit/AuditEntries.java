package org.jifen.audit;

import java.util.function.Consumer;

/**
 * The audit log as the auditor reads it (AUDIT, LG-16): filtered, newest first. Read-only: nothing in the
 * platform can change or remove an entry (the database refuses it too).
 */
public interface AuditEntries {

    /** Entries on one page of the auditor's list. */
    int PAGE_SIZE = 50;

    /** The most rows one export may hold. */
    int EXPORT_LIMIT = 100_000;

    /** Page {@code page} (from 1; lower numbers mean 1) of the entries matching {@code filter}, newest first. */
    AuditPage find(AuditFilter filter, int page);

    /** How many entries match {@code filter}. */
    long count(AuditFilter filter);

    /**
     * Hands the newest {@code limit} entries matching {@code filter}, newest first, to {@code each}, one at a time
     * from a database cursor, so that an export never holds them all in memory.
     */
    void forEach(AuditFilter filter, int limit, Consumer<AuditEntry> each);
}
