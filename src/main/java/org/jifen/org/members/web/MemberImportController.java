package org.jifen.org.members.web;

import java.io.IOException;
import org.jifen.account.SignedInUser;
import org.jifen.org.members.MemberImport;
import org.jifen.org.members.file.MemberSheets;
import org.jifen.shared.web.Problem;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** The member import page: upload, the template, and the outcome (every bad row, or the count imported). */
@Controller
@PreAuthorize("hasAnyRole('SYSTEM_ADMIN','ORG_ADMIN')")
class MemberImportController {

    static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final MemberImport imports;
    private final ProblemTexts texts;

    MemberImportController(MemberImport imports, ProblemTexts texts) {
        this.imports = imports;
        this.texts = texts;
    }

    @GetMapping("/admin/members/import")
    String form() {
        return "org/members/import";
    }

    @GetMapping("/admin/members/import/template")
    ResponseEntity<byte[]> template() {
        return ResponseEntity.ok()
                .contentType(XLSX)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("member-import-template.xlsx")
                                .build()
                                .toString())
                .body(MemberSheets.template());
    }

    @PostMapping("/admin/members/import")
    String upload(
            @AuthenticationPrincipal SignedInUser user,
            @RequestParam(name = "file", required = false) MultipartFile file,
            Model model)
            throws IOException {
        model.addAttribute("fileName", file == null ? null : file.getOriginalFilename());
        if (file == null || file.isEmpty()) {
            model.addAttribute("fileError", texts.problem("import.file-empty"));
            return "org/members/import";
        }
        try {
            var outcome = imports.run(user, file.getOriginalFilename(), file.getBytes());
            if (outcome.succeeded()) {
                model.addAttribute("imported", outcome.imported());
            } else {
                model.addAttribute("rowCount", outcome.rows());
                model.addAttribute("problems", texts.rows(outcome.problems()));
            }
        } catch (Problem p) {
            model.addAttribute("fileError", texts.problem(p.code(), p.args()));
        }
        return "org/members/import";
    }
}
