package org.jifen.audit.web;

import java.util.List;
import org.jifen.audit.AuditEntries;
import org.jifen.audit.AuditEntry;
import org.jifen.audit.AuditPage;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The audit log for the auditor's tools (AUDIT, LG-16): the page's filters, 50 entries a page, newest first.
 * Read-only, like everything the auditor may do; not audited itself, like the page.
 */
@RestController
@RequestMapping("/api/v1/audit")
@PreAuthorize("hasRole('AUDITOR')")
class AuditApiController {

    private final AuditEntries entries;

    AuditApiController(AuditEntries entries) {
        this.entries = entries;
    }

    @GetMapping("/entries")
    EntriesPage entries(@ModelAttribute AuditQuery query, @RequestParam(defaultValue = "1") int page) {
        return EntriesPage.of(entries.find(query.filter(), page));
    }

    /** One page of entries with the numbers a client needs to page on. */
    record EntriesPage(List<AuditEntry> entries, int page, int pageSize, long total, int pages) {
        static EntriesPage of(AuditPage p) {
            return new EntriesPage(p.entries(), p.page(), p.pageSize(), p.total(), p.pages());
        }
    }
}
