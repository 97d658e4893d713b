package org.jifen.org.members.web;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.jifen.account.SignedInUser;
import org.jifen.org.members.MemberDirectory;
import org.jifen.org.members.MemberDirectory.MemberLine;
import org.jifen.org.members.MemberDirectory.OrgCount;
import org.jifen.org.members.MemberImport;
import org.jifen.shared.web.Problem;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Members over REST: the masked list of a subtree, the import, the audited reveal. */
@RestController
@RequestMapping("/api/v1/members")
@PreAuthorize("hasAnyRole('SYSTEM_ADMIN','ORG_ADMIN')")
class MemberApiController {

    private final MemberDirectory directory;
    private final MemberImport imports;
    private final ProblemTexts texts;

    MemberApiController(MemberDirectory directory, MemberImport imports, ProblemTexts texts) {
        this.directory = directory;
        this.imports = imports;
        this.texts = texts;
    }

    @GetMapping
    MemberList list(
            @AuthenticationPrincipal SignedInUser user,
            @RequestParam(required = false) Long orgId,
            @RequestParam(defaultValue = "") String q,
            @RequestParam(defaultValue = "0") int page) {
        var result = directory.list(user, orgId, q, page);
        return new MemberList(
                result.organization().id(),
                result.label(),
                result.page(),
                result.size(),
                result.total(),
                result.members(),
                result.counts());
    }

    /** 201 with the count, or 422 with every bad row; a bad file as a whole is a 400. */
    @PostMapping("/import")
    ResponseEntity<?> importMembers(
            @AuthenticationPrincipal SignedInUser user,
            @RequestParam("file") MultipartFile file,
            HttpServletRequest request)
            throws IOException {
        var outcome = imports.run(user, file.getOriginalFilename(), file.getBytes());
        if (outcome.succeeded()) {
            return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("imported", outcome.imported()));
        }
        var detail = ProblemDetail.forStatusAndDetail(
                HttpStatus.UNPROCESSABLE_CONTENT,
                texts.problem("import.rows-invalid", outcome.problems().size()));
        detail.setType(URI.create("https://jifen.org/problems/import.rows-invalid"));
        detail.setTitle(HttpStatus.UNPROCESSABLE_CONTENT.getReasonPhrase());
        detail.setInstance(URI.create(request.getRequestURI()));
        detail.setProperty("code", "import.rows-invalid");
        detail.setProperty(
                "errors",
                texts.rows(outcome.problems()).stream()
                        .map(p ->
                                Map.of("row", p.row(), "column", p.column(), "code", p.code(), "message", p.message()))
                        .toList());
        return ResponseEntity.unprocessableContent().body(detail);
    }

    @PostMapping("/{id}/reveal")
    MemberDirectory.Revealed reveal(
            @AuthenticationPrincipal SignedInUser user, @PathVariable long id, @RequestBody RevealRequest body) {
        if (body == null) {
            throw Problem.badRequest("member.reveal-reason", MemberDirectory.MIN_REASON, 500);
        }
        return directory.reveal(user, id, body.reason());
    }

    record RevealRequest(String reason) {}

    record MemberList(
            long orgId,
            String organization,
            int page,
            int size,
            long total,
            List<MemberLine> members,
            List<OrgCount> counts) {}
}
