package org.jifen.audit;

import java.util.List;

/**
 * One page of audit entries, newest first.
 *
 * @param entries the entries of this page
 * @param page this page's number, from 1
 * @param pageSize entries per page
 * @param total how many entries match the filter in all
 */
public record AuditPage(List<AuditEntry> entries, int page, int pageSize, long total) {

    public AuditPage {
        entries = List.copyOf(entries);
    }

    public int pages() {
        return total == 0 ? 1 : (int) ((total + pageSize - 1) / pageSize);
    }

    public boolean hasPrevious() {
        return page > 1;
    }

    public boolean hasNext() {
        return page < pages();
    }
}
