package org.jifen.audit.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.jifen.audit.AuditEntries;
import org.jifen.audit.AuditEntry;
import org.jifen.audit.AuditFilter;
import org.jifen.audit.AuditLog;
import org.jifen.audit.AuditRecord;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The auditor's page (AUDIT, LG-16): filter the audit log, page through it, export it to .xlsx. Only reads: the
 * auditor changes nothing, and no other role may see it. Viewing and paging are deliberately not audited, since
 * every look at the log would add entries to the log and flood it; an export, which takes data away, is.
 */
@Controller
@PreAuthorize("hasRole('AUDITOR')")
class AuditController {

    static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(AuditFilter.ZONE);
    private static final DateTimeFormatter FILE_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(AuditFilter.ZONE);
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final AuditEntries entries;
    private final AuditLog auditLog;
    private final MessageSource messages;
    private final Clock clock;

    AuditController(AuditEntries entries, AuditLog auditLog, MessageSource messages, Clock clock) {
        this.entries = entries;
        this.auditLog = auditLog;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/admin/audit")
    String page(@ModelAttribute("q") AuditQuery query, @RequestParam(defaultValue = "1") int page, Model model) {
        var result = entries.find(query.filter(), page);
        model.addAttribute("result", result);
        model.addAttribute(
                "rows", result.entries().stream().map(AuditController::row).toList());
        model.addAttribute("exportUrl", query.link("/admin/audit/export", 1));
        model.addAttribute("exportLimit", AuditEntries.EXPORT_LIMIT);
        model.addAttribute("prevUrl", result.hasPrevious() ? query.link("/admin/audit", result.page() - 1) : null);
        model.addAttribute("nextUrl", result.hasNext() ? query.link("/admin/audit", result.page() + 1) : null);
        return "audit/entries";
    }

    @GetMapping("/admin/audit/export")
    void export(@ModelAttribute AuditQuery query, HttpServletResponse response) throws IOException {
        var filter = query.filter();
        long rows = Math.min(entries.count(filter), AuditEntries.EXPORT_LIMIT);
        // Recorded before the first byte leaves: an export that breaks off half-way has still taken data away.
        auditLog.recordNow(
                AuditRecord.of("audit.export", "audit_entry", null).change(null, filter.summary() + "; rows=" + rows));
        response.setContentType(XLSX);
        response.setHeader(
                HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment()
                        .filename("audit-" + FILE_TIME.format(clock.instant()) + ".xlsx")
                        .build()
                        .toString());
        new AuditWorkbook(messages, LocaleContextHolder.getLocale())
                .write(response.getOutputStream(), each -> entries.forEach(filter, AuditEntries.EXPORT_LIMIT, each));
    }

    private static Row row(AuditEntry e) {
        return new Row(e, TIME.format(e.at()), e.roles());
    }

    /** An entry as the page shows it: its time in Shanghai, its roles one by one. */
    record Row(AuditEntry entry, String time, List<String> roles) {}
}
