package org.jifen.content.certificates.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.jifen.account.SignedInUser;
import org.jifen.content.certificates.CertificateImport;
import org.jifen.rulebook.Program;
import org.jifen.shared.web.Problem;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
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
import org.springframework.web.multipart.MultipartFile;

/**
 * The operator's certificate import page (LG-7.1): the upload form with the valid certificate codes and the
 * template, the outcome (every bad row, or what each row earned), and the history of the program's imports.
 */
@Controller
@PreAuthorize("hasAnyRole('SYSTEM_ADMIN','PROGRAM_OPERATOR')")
class CertificateImportController {

    static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final CertificateImport imports;
    private final CertificateTexts texts;

    CertificateImportController(CertificateImport imports, CertificateTexts texts) {
        this.imports = imports;
        this.texts = texts;
    }

    @GetMapping("/admin/content/{key}/certificates")
    String page(@AuthenticationPrincipal SignedInUser user, @PathVariable String key, Model model) {
        fill(model, imports.program(key, user));
        return "content/certificates/import";
    }

    @GetMapping("/admin/content/{key}/certificates/template")
    ResponseEntity<byte[]> template(@AuthenticationPrincipal SignedInUser user, @PathVariable String key) {
        var program = imports.program(key, user);
        return ResponseEntity.ok()
                .contentType(XLSX)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("certificate-import-template.xlsx")
                                .build()
                                .toString())
                .body(imports.template(program));
    }

    @PostMapping("/admin/content/{key}/certificates")
    String upload(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String key,
            @RequestParam(name = "file", required = false) MultipartFile file,
            @RequestParam(defaultValue = "false") boolean goodRowsOnly,
            Model model)
            throws IOException {
        var program = imports.program(key, user);
        model.addAttribute("fileName", file == null ? null : file.getOriginalFilename());
        model.addAttribute("goodRowsOnly", goodRowsOnly);
        if (file == null || file.isEmpty()) {
            model.addAttribute("fileError", texts.problem("import.file-empty"));
        } else {
            try {
                var result = imports.run(program, user, file.getOriginalFilename(), file.getBytes(), goodRowsOnly);
                model.addAttribute("result", result);
                model.addAttribute("problems", texts.problems(result.problems()));
                model.addAttribute("results", texts.results(result.results()));
            } catch (Problem p) {
                model.addAttribute("fileError", texts.problem(p.code(), p.args()));
            }
        }
        fill(model, program);
        return "content/certificates/import";
    }

    /** A program that is not the operator's (403) or does not exist (404): the error page with that status. */
    @ExceptionHandler(Problem.class)
    String problem(Problem p, Model model, HttpServletResponse response) {
        response.setStatus(p.status());
        model.addAttribute("status", p.status());
        return "error";
    }

    private void fill(Model model, Program program) {
        model.addAttribute("program", program);
        var names = imports.names(program);
        model.addAttribute(
                "codes",
                imports.codes(program).stream()
                        .map(code -> names.containsKey(code)
                                ? texts.text("certificates.code-named", code, names.get(code))
                                : code)
                        .toList());
        model.addAttribute("history", imports.history(program));
    }
}
