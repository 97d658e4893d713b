package org.jifen.org.members.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.jifen.account.Permission;
import org.jifen.account.SignedInUser;
import org.jifen.org.members.MemberDirectory;
import org.jifen.org.members.file.MemberSheets;
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

/**
 * The member list of an organization subtree with counts per organization, the export, and the reveal of one
 * member's full numbers (htmx fragments).
 */
@Controller
@PreAuthorize("hasAnyRole('SYSTEM_ADMIN','ORG_ADMIN')")
class MemberListController {

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

    @GetMapping("/admin/members/export")
    ResponseEntity<byte[]> export(
            @AuthenticationPrincipal SignedInUser user,
            @RequestParam(required = false) Long orgId,
            @RequestParam(defaultValue = "") String q) {
        var lines = directory.export(user, orgId, q);
        var header = List.of(
                texts.text("members.column.name"),
                texts.text("members.column.mobile"),
                texts.text("members.column.idNumber"),
                texts.text("members.column.organization"),
                texts.text("members.column.department"),
                texts.text("members.column.partyMember"),
                texts.text("members.column.status"));
        var rows = lines.stream()
                .map(l -> List.of(
                        l.name(),
                        l.maskedMobile(),
                        l.maskedIdNumber() == null ? "" : l.maskedIdNumber(),
                        l.organization(),
                        l.department() == null ? "" : l.department(),
                        texts.text(l.partyMember() ? "common.yes" : "common.no"),
                        texts.text(l.activated() ? "members.status.active" : "members.status.invited")))
                .toList();
        return ResponseEntity.ok()
                .contentType(MemberImportController.XLSX)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("members.xlsx")
                                .build()
                                .toString())
                .body(MemberSheets.workbook("members", header, rows));
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
