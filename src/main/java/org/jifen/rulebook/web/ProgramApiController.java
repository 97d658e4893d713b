package org.jifen.rulebook.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jifen.account.SignedInUser;
import org.jifen.rulebook.Program;
import org.jifen.rulebook.ProgramRulebooks;
import org.jifen.rulebook.RulebookDocument;
import org.jifen.rulebook.RulebookEditing;
import org.jifen.rulebook.persistence.RulebookRows.StoredVersion;
import org.jifen.shared.web.Problem;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
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

/**
 * Programs and their rulebooks for integrations and other front ends: anyone signed in reads them; the system
 * admin and program operators within scope upload YAML (201 draft, or 422 with every problem by path) and activate.
 */
@RestController
@RequestMapping("/api/v1/programs")
@Tag(name = "Programs", description = "Programs and their versioned rulebooks (LG-18, LG-20)")
class ProgramApiController {

    private final ProgramRulebooks rulebooks;
    private final RulebookEditing editing;
    private final MessageSource messages;
    private final Clock clock;

    ProgramApiController(ProgramRulebooks rulebooks, RulebookEditing editing, MessageSource messages, Clock clock) {
        this.rulebooks = rulebooks;
        this.editing = editing;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping
    @Operation(summary = "All programs, with the rulebook version in force now")
    List<ProgramJson> programs() {
        var now = clock.instant();
        return rulebooks.programs().stream().map(p -> json(p, now)).toList();
    }

    @GetMapping("/{key}")
    @Operation(summary = "One program, with the rulebook version in force now")
    ProgramJson program(@PathVariable String key) {
        return json(rulebooks.get(key), clock.instant());
    }

    @GetMapping("/{key}/rulebook")
    @Operation(
            summary = "A rulebook version as a JSON tree: the one in force now, or ?version=n",
            description = "The tree has the shape of the YAML document (docs/rulebooks.md).")
    VersionJson rulebook(@PathVariable String key, @RequestParam(required = false) Integer version) {
        var program = rulebooks.get(key);
        int v = version != null
                ? version
                : rulebooks
                        .inForce(key, clock.instant())
                        .orElseThrow(() -> Problem.notFound("rulebook.none-in-force", key))
                        .version();
        return json(key, rulebooks.storedVersion(program, v));
    }

    @PostMapping(
            path = "/{key}/rulebook",
            consumes = {"text/yaml", "application/yaml", "application/x-yaml", "text/plain"})
    @PreAuthorize("hasAnyRole('SYSTEM_ADMIN','PROGRAM_OPERATOR')")
    @Operation(
            summary = "Upload a rulebook (YAML) as the next draft version",
            description = "422 with errors [{path, code, message}] lists every problem; nothing is stored then.")
    ResponseEntity<?> upload(
            @PathVariable String key,
            @RequestBody(required = false) String yaml,
            @AuthenticationPrincipal SignedInUser user,
            HttpServletRequest request) {
        var upload = editing.upload(key, yaml, user);
        if (!upload.valid()) {
            var locale = LocaleContextHolder.getLocale();
            var detail = ProblemDetail.forStatusAndDetail(
                    HttpStatus.UNPROCESSABLE_CONTENT, text("problem.rulebook.invalid", locale));
            detail.setType(URI.create("https://jifen.org/problems/rulebook.invalid"));
            detail.setTitle(HttpStatus.UNPROCESSABLE_CONTENT.getReasonPhrase());
            detail.setInstance(URI.create(request.getRequestURI()));
            detail.setProperty("code", "rulebook.invalid");
            detail.setProperty(
                    "errors",
                    upload.problems().stream()
                            .map(p -> Map.of("path", p.path(), "code", p.code(), "message", p.message()))
                            .toList());
            return ResponseEntity.unprocessableContent().body(detail);
        }
        var program = rulebooks.get(key);
        return ResponseEntity.created(URI.create("/api/v1/programs/" + key + "/rulebook?version=" + upload.version()))
                .body(json(key, rulebooks.storedVersion(program, upload.version())));
    }

    @PostMapping("/{key}/rulebook/{version}/activate")
    @PreAuthorize("hasAnyRole('SYSTEM_ADMIN','PROGRAM_OPERATOR')")
    @Operation(summary = "Activate a draft; publishes a notice of the changes to the program's learners (LG-18)")
    VersionJson activate(
            @PathVariable String key,
            @PathVariable int version,
            @RequestParam(required = false) String reason,
            @AuthenticationPrincipal SignedInUser user) {
        return json(key, editing.activate(key, version, reason, user));
    }

    private ProgramJson json(Program p, Instant now) {
        return new ProgramJson(
                p.key(),
                p.name(),
                p.orgId(),
                p.timeZone().getId(),
                rulebooks.inForce(p.key(), now).map(v -> v.version()).orElse(null));
    }

    private static VersionJson json(String key, StoredVersion v) {
        return new VersionJson(
                key,
                v.version(),
                v.status(),
                v.rulebook().effectiveFrom(),
                v.rulebook().validUntil(),
                v.createdAt(),
                v.activatedAt(),
                RulebookDocument.toTree(v.rulebook()));
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }

    record ProgramJson(String key, String name, long orgId, String timeZone, Integer versionInForce) {}

    record VersionJson(
            String program,
            int version,
            String status,
            Instant effectiveFrom,
            Instant validUntil,
            Instant createdAt,
            Instant activatedAt,
            Map<String, Object> rulebook) {}
}
