package org.jifen.content.certificates.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import org.jifen.content.certificates.CertificateImport;
import org.jifen.shared.Actor;
import org.jifen.shared.sheets.CellProblemTexts;
import org.jifen.shared.web.Problem;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Offline certificate imports over REST (LG-7.1), for an API client or a signed-in program operator. */
@RestController
@Tag(name = "Offline certificates", description = "Import offline training certificates as learning events (LG-7.1)")
@SecurityRequirement(name = "X-Api-Key")
class CertificateApiController {

    private final CertificateImport imports;
    private final CertificateTexts texts;

    CertificateApiController(CertificateImport imports, CertificateTexts texts) {
        this.imports = imports;
        this.texts = texts;
    }

    @PostMapping(path = "/api/v1/programs/{program}/certificates/imports", consumes = "multipart/form-data")
    @PreAuthorize("hasAnyRole('API_CLIENT','SYSTEM_ADMIN','PROGRAM_OPERATOR')")
    @Operation(
            summary = "Import offline certificates",
            description = "Multipart `file` (.xlsx or .csv with the columns 手机号/mobile, 证书/certificate,"
                    + " 日期/date) and optional `goodRowsOnly`. Each good row becomes the learning event"
                    + " `certificate` (item = code, channel = offline) with the id"
                    + " `offline-certificate:<userId>:<code>`, so a re-import counts nothing twice. Answers per row"
                    + " the points awarded or the reason none were (`already-rewarded`, `already-imported`, …), with"
                    + " masked mobile numbers.")
    @ApiResponse(responseCode = "200", description = "Imported: `{importId, rows, recorded, points, results, errors}`")
    @ApiResponse(responseCode = "400", description = "The file as a whole is bad (`import.file-type`, …)")
    @ApiResponse(responseCode = "422", description = "Bad rows, nothing imported (`certificates.rows-invalid`)")
    ResponseEntity<?> importCertificates(
            @AuthenticationPrincipal Object principal,
            @PathVariable String program,
            @RequestParam("file") MultipartFile file,
            @RequestParam(defaultValue = "false") boolean goodRowsOnly,
            HttpServletRequest request)
            throws IOException {
        var target = imports.program(program, principal);
        if (!(principal instanceof Actor actor)) {
            throw Problem.forbidden("forbidden");
        }
        var result = imports.run(target, actor, file.getOriginalFilename(), file.getBytes(), goodRowsOnly);
        var errors = texts.problems(result.problems());
        if (result.imported()) {
            return ResponseEntity.ok(new ImportAnswer(
                    result.importId(),
                    result.rows(),
                    result.recorded(),
                    result.points(),
                    texts.results(result.results()),
                    errors));
        }
        var detail = ProblemDetail.forStatusAndDetail(
                HttpStatus.UNPROCESSABLE_CONTENT,
                texts.problem("certificates.rows-invalid", result.problems().size()));
        detail.setType(URI.create("https://jifen.org/problems/certificates.rows-invalid"));
        detail.setTitle(HttpStatus.UNPROCESSABLE_CONTENT.getReasonPhrase());
        detail.setInstance(URI.create(request.getRequestURI()));
        detail.setProperty("code", "certificates.rows-invalid");
        detail.setProperty("errors", errors);
        return ResponseEntity.unprocessableContent().body(detail);
    }

    record ImportAnswer(
            long importId,
            int rows,
            int recorded,
            long points,
            List<CertificateTexts.ResultLine> results,
            List<CellProblemTexts.Line> errors) {}
}
