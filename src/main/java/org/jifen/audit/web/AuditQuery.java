package org.jifen.audit.web;

import java.time.LocalDate;
import org.jifen.audit.AuditFilter;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.util.UriComponentsBuilder;

/** The filter as GET parameters of the page, the export and the REST API; days as ISO dates (2026-11-23). */
record AuditQuery(
        String actor,
        String action,
        String objectType,
        String objectId,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
        String reason) {

    AuditFilter filter() {
        return new AuditFilter(actor, action, objectType, objectId, from, to, reason);
    }

    /** {@code path} with the parts of this filter that are set (and {@code page} above 1) as parameters. */
    String link(String path, int page) {
        var f = filter();
        var uri = UriComponentsBuilder.fromPath(path);
        add(uri, "actor", f.actor());
        add(uri, "action", f.action());
        add(uri, "objectType", f.objectType());
        add(uri, "objectId", f.objectId());
        add(uri, "from", f.from());
        add(uri, "to", f.to());
        add(uri, "reason", f.reason());
        if (page > 1) {
            uri.queryParam("page", page);
        }
        return uri.encode().build().toUriString();
    }

    private static void add(UriComponentsBuilder uri, String name, Object value) {
        if (value != null) {
            uri.queryParam(name, value.toString());
        }
    }
}
