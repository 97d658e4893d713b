package org.jifen.rulebook.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.jifen.account.SignedInUser;
import org.jifen.org.Organizations;
import org.jifen.rulebook.DiffWording;
import org.jifen.rulebook.Program;
import org.jifen.rulebook.ProgramRulebooks;
import org.jifen.rulebook.RulebookDiff;
import org.jifen.rulebook.RulebookEditing;
import org.jifen.rulebook.persistence.RulebookRows.StoredVersion;
import org.jifen.shared.web.Problem;
import org.springframework.context.MessageSource;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The operator's rulebook pages: the programs in scope, a program's versions, upload with every problem by path,
 * activation after reviewing the diff (LG-18), YAML download, and the diff of any two versions.
 */
@Controller
@RequestMapping("/admin/programs")
@PreAuthorize("hasAnyRole('SYSTEM_ADMIN','PROGRAM_OPERATOR')")
class ProgramAdminController {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final ProgramRulebooks rulebooks;
    private final RulebookEditing editing;
    private final DiffWording wording;
    private final Organizations organizations;
    private final MessageSource messages;
    private final Clock clock;

    ProgramAdminController(
            ProgramRulebooks rulebooks,
            RulebookEditing editing,
            DiffWording wording,
            Organizations organizations,
            MessageSource messages,
            Clock clock) {
        this.rulebooks = rulebooks;
        this.editing = editing;
        this.wording = wording;
        this.organizations = organizations;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping
    String list(@AuthenticationPrincipal SignedInUser user, Model model) {
        fillList(user, model);
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new ProgramForm("", "", null, "Asia/Shanghai"));
        }
        return "rulebook/programs";
    }

    @PostMapping
    String create(
            @RequestParam(defaultValue = "") String key,
            @RequestParam(defaultValue = "") String name,
            @RequestParam(required = false) Long orgId,
            @RequestParam(defaultValue = "Asia/Shanghai") String timeZone,
            @AuthenticationPrincipal SignedInUser user,
            Model model,
            Locale locale,
            RedirectAttributes redirect) {
        try {
            var program = editing.createProgram(key, name, orgId, timeZone, user);
            redirect.addFlashAttribute("notice", text("rulebook.program.created", locale, program.name()));
            return "redirect:/admin/programs/" + program.key();
        } catch (Problem p) {
            model.addAttribute("createError", text("problem." + p.code(), locale, p.args()));
            model.addAttribute("form", new ProgramForm(key, name, orgId, timeZone));
            return list(user, model);
        }
    }

    @GetMapping("/{key}")
    String program(@PathVariable String key, @AuthenticationPrincipal SignedInUser user, Model model) {
        fillProgram(rulebooks.managed(key, user), model);
        return "rulebook/program";
    }

    @PostMapping("/{key}/upload")
    String upload(
            @PathVariable String key,
            @RequestParam(defaultValue = "") String yaml,
            @RequestParam(required = false) MultipartFile file,
            @AuthenticationPrincipal SignedInUser user,
            Model model,
            Locale locale,
            RedirectAttributes redirect)
            throws IOException {
        var text = file != null && !file.isEmpty() ? new String(file.getBytes(), StandardCharsets.UTF_8) : yaml;
        var upload = editing.upload(key, text, user);
        if (upload.valid()) {
            redirect.addFlashAttribute("notice", text("rulebook.upload.saved", locale, upload.version()));
            return "redirect:/admin/programs/" + key + "/versions/" + upload.version() + "/activate";
        }
        model.addAttribute(
                "uploadProblems", upload.problems().stream().map(p -> p.text()).toList());
        model.addAttribute("uploadText", text);
        fillProgram(rulebooks.managed(key, user), model);
        return "rulebook/program";
    }

    @GetMapping("/{key}/versions/{version}/activate")
    String reviewActivation(
            @PathVariable String key,
            @PathVariable int version,
            @AuthenticationPrincipal SignedInUser user,
            Model model,
            Locale locale) {
        var program = rulebooks.managed(key, user);
        var draft = rulebooks.storedVersion(program, version);
        if (!draft.draft()) {
            throw Problem.conflict("rulebook.not-draft", key, version);
        }
        var previous = rulebooks.latestActive(program);
        var diff = RulebookDiff.between(previous.map(StoredVersion::rulebook).orElse(null), draft.rulebook());
        model.addAttribute("program", program);
        model.addAttribute("version", view(draft));
        model.addAttribute("previous", previous.map(StoredVersion::version).orElse(null));
        model.addAttribute("lines", wording.lines(diff, locale));
        return "rulebook/activate";
    }

    @PostMapping("/{key}/versions/{version}/activate")
    String activate(
            @PathVariable String key,
            @PathVariable int version,
            @RequestParam(defaultValue = "") String reason,
            @AuthenticationPrincipal SignedInUser user,
            Locale locale,
            RedirectAttributes redirect) {
        editing.activate(key, version, reason, user);
        redirect.addFlashAttribute("notice", text("rulebook.activated", locale, version));
        return "redirect:/admin/programs/" + key;
    }

    @GetMapping("/{key}/versions/{version}/yaml")
    ResponseEntity<String> download(
            @PathVariable String key, @PathVariable int version, @AuthenticationPrincipal SignedInUser user) {
        var program = rulebooks.managed(key, user);
        return ResponseEntity.ok()
                .contentType(new MediaType("application", "yaml", StandardCharsets.UTF_8))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(key + "-v" + version + ".yaml")
                                .build()
                                .toString())
                .body(rulebooks.yaml(program, version));
    }

    @GetMapping("/{key}/diff")
    String diff(
            @PathVariable String key,
            @RequestParam int from,
            @RequestParam int to,
            @AuthenticationPrincipal SignedInUser user,
            Model model,
            Locale locale) {
        var program = rulebooks.managed(key, user);
        model.addAttribute("program", program);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("lines", wording.lines(rulebooks.diff(program, from, to), locale));
        return "rulebook/diff";
    }

    @ExceptionHandler(Problem.class)
    String problem(Problem p, Model model, HttpServletResponse response) {
        response.setStatus(p.status());
        model.addAttribute("status", p.status());
        return "error";
    }

    private void fillList(SignedInUser user, Model model) {
        var now = clock.instant();
        model.addAttribute(
                "programs",
                rulebooks.managedBy(user).stream()
                        .map(p -> new ProgramRow(
                                p,
                                organizations
                                        .find(p.orgId())
                                        .map(organizations::label)
                                        .orElse("?"),
                                rulebooks
                                        .inForce(p.key(), now)
                                        .map(v -> v.version())
                                        .orElse(null)))
                        .toList());
        model.addAttribute(
                "orgs",
                organizations.visibleTo(user).stream()
                        .filter(o -> rulebooks.manages(user, o.id()))
                        .map(o -> new OrgOption(o.id(), organizations.label(o)))
                        .toList());
    }

    private void fillProgram(Program program, Model model) {
        var now = clock.instant();
        model.addAttribute("program", program);
        model.addAttribute(
                "orgLabel",
                organizations.find(program.orgId()).map(organizations::label).orElse("?"));
        model.addAttribute(
                "inForce",
                rulebooks.inForce(program.key(), now).map(v -> v.version()).orElse(null));
        var stored = rulebooks.storedVersions(program);
        var active = stored.stream()
                .filter(v -> "active".equals(v.status()))
                .map(StoredVersion::version)
                .collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new));
        model.addAttribute(
                "versions",
                stored.stream().map(v -> view(v, active.lower(v.version()))).toList());
    }

    private VersionView view(StoredVersion v) {
        return view(v, null);
    }

    /**
     * @param comparedWith the active version below it: what its activation compared it with and its notice announced
     *     (LG-18), or would for a draft; withdrawn drafts between them are left out
     */
    private VersionView view(StoredVersion v, Integer comparedWith) {
        var zone = v.rulebook().timeZone();
        return new VersionView(
                v.version(),
                comparedWith,
                v.status(),
                when(v.rulebook().effectiveFrom(), zone),
                when(v.rulebook().validUntil(), zone),
                v.rulebook().rules().size(),
                when(v.createdAt(), zone),
                when(v.activatedAt(), zone));
    }

    private static String when(Instant at, ZoneId zone) {
        return at == null ? null : WHEN.format(at.atZone(zone));
    }

    private String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }

    record ProgramForm(String key, String name, Long orgId, String timeZone) {}

    record ProgramRow(Program program, String orgLabel, Integer inForce) {}

    record OrgOption(long id, String label) {}

    record VersionView(
            int version,
            Integer comparedWith,
            String status,
            String effectiveFrom,
            String validUntil,
            int rules,
            String createdAt,
            String activatedAt) {

        public boolean draft() {
            return "draft".equals(status);
        }
    }
}
