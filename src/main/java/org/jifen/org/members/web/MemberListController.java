package org.jifen.org.members.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.List;
import org.jifen.account.Permission;
import org.jifen.account.SignedInUser;
import org.jifen.org.members.MemberDirectory;
import org.jifen.org.members.file.ExportWorkbook;
import org.jifen.shared.web.Problem;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.context.request.async.WebAsyncUtils;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * The member list of an organization subtree with counts per organization, the export (streamed), and the reveal
 * of one member's full numbers (htmx fragments).
 */
@Controller
@PreAuthorize("hasAnyRole('SYSTEM_ADMIN','ORG_ADMIN')")
class MemberListController {

    /** The longest an export may take; a province's takes minutes. */
    static final Duration EXPORT_TIMEOUT = Duration.ofHours(1);

    private final MemberDirectory directory;
    private final ProblemTexts texts;

    MemberListController(MemberDirectory directory, ProblemTexts texts) {
        this.directory = directory;
        this.texts = texts;
    }

    @GetMapping("/admin/members")
    String list(
            @AuthenticationPrincipal SignedInUser user,
            @RequestParam(required = false) Long orgId,
            @RequestParam(defaultValue = "") String q,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        model.addAttribute("result", directory.list(user, orgId, q, page));
        model.addAttribute("choices", directory.choices(user));
        model.addAttribute("canReveal", user.has(Permission.REVEAL_PERSONAL_DATA));
        return "org/members/list";
    }

    /**
     * The members as an .xlsx streamed while they are read, so that a province's export needs no more memory than
     * an office's. The scope check and the audit record happen before the response starts (a refused export is a
     * plain 403 or 404); the rows are then written on MVC's async executor, with every text resolved here, on the
     * request thread, where the reader's locale is known.
     */
    @GetMapping("/admin/members/export")
    ResponseEntity<StreamingResponseBody> export(
            @AuthenticationPrincipal SignedInUser user,
            @RequestParam(required = false) Long orgId,
            @RequestParam(defaultValue = "") String q,
            HttpServletRequest request) {
        var export = directory.export(user, orgId, q);
        var header = List.of(
                texts.text("members.column.name"),
                texts.text("members.column.mobile"),
                texts.text("members.column.idNumber"),
                texts.text("members.column.organization"),
                texts.text("members.column.department"),
                texts.text("members.column.partyMember"),
                texts.text("members.column.status"));
        var yes = texts.text("common.yes");
        var no = texts.text("common.no");
        var active = texts.text("members.status.active");
        var invited = texts.text("members.status.invited");
        allowLongExport(request);
        StreamingResponseBody body = out -> {
            try (var book = ExportWorkbook.of("members", header)) {
                export.forEachPage(lines -> lines.forEach(l -> book.add(List.of(
                        l.name(),
                        l.maskedMobile(),
                        l.maskedIdNumber() == null ? "" : l.maskedIdNumber(),
                        l.organization(),
                        l.department() == null ? "" : l.department(),
                        l.partyMember() ? yes : no,
                        l.activated() ? active : invited))));
                book.writeTo(out);
            }
        };
        return ResponseEntity.ok()
                .contentType(MemberImportController.XLSX)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("members.xlsx")
                                .build()
                                .toString())
                .body(body);
    }

    /**
     * Lifts the servlet container's async timeout (30 s in Tomcat unless {@code spring.mvc.async.request-timeout}
     * says otherwise) for this request only: it would cut a large export off in the middle.
     */
    private static void allowLongExport(HttpServletRequest request) {
        var async = WebAsyncUtils.getAsyncManager(request).getAsyncWebRequest();
        if (async != null) {
            async.setTimeout(EXPORT_TIMEOUT.toMillis());
        }
    }

    /** The reason form of one member's reveal. */
    @GetMapping("/admin/members/{id}/reveal")
    String revealForm(@PathVariable long id, Model model) {
        model.addAttribute("memberId", id);
        return "org/members/list :: reveal-form";
    }

    @PostMapping("/admin/members/{id}/reveal")
    String reveal(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable long id,
            @RequestParam(defaultValue = "") String reason,
            Model model,
            HttpServletResponse response) {
        model.addAttribute("memberId", id);
        try {
            model.addAttribute("revealed", directory.reveal(user, id, reason));
            return "org/members/list :: revealed";
        } catch (Problem p) {
            if (p.status() != 400) {
                throw p;
            }
            // the form again with the reason's problem, as a swap htmx shows
            model.addAttribute("reason", reason);
            model.addAttribute("reasonError", texts.problem(p.code(), p.args()));
            return "org/members/list :: reveal-form";
        }
    }

    @ExceptionHandler(Problem.class)
    String problem(Problem p, Model model, HttpServletResponse response) {
        response.setStatus(p.status());
        model.addAttribute("status", p.status());
        return "error";
    }
}
