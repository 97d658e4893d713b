package org.jifen.content.catalog.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.jifen.account.SignedInUser;
import org.jifen.content.catalog.ContentStats;
import org.jifen.content.catalog.Item;
import org.jifen.content.catalog.ItemForm;
import org.jifen.content.catalog.ItemKind;
import org.jifen.content.catalog.ItemStats;
import org.jifen.content.catalog.Publishing;
import org.jifen.content.catalog.Settings;
import org.jifen.rulebook.Program;
import org.jifen.rulebook.ProgramAccess;
import org.jifen.rulebook.Rulebooks;
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
 * The operator's content pages of a program: the item list, new article/video/course forms, editing with
 * unpublish and republish, the reading settings and the per-item statistics with their xlsx export.
 */
@Controller
@RequestMapping("/admin/content")
@PreAuthorize("hasAnyRole('SYSTEM_ADMIN','PROGRAM_OPERATOR')")
class ContentAdminController {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final ProgramAccess access;
    private final Rulebooks rulebooks;
    private final Publishing publishing;
    private final ContentStats stats;
    private final MessageSource messages;
    private final Clock clock;

    ContentAdminController(
            ProgramAccess access,
            Rulebooks rulebooks,
            Publishing publishing,
            ContentStats stats,
            MessageSource messages,
            Clock clock) {
        this.access = access;
        this.rulebooks = rulebooks;
        this.publishing = publishing;
        this.stats = stats;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping
    String programs(@AuthenticationPrincipal SignedInUser user, Model model) {
        model.addAttribute(
                "programs",
                rulebooks.programs().stream()
                        .filter(p -> access.operates(user, p))
                        .toList());
        return "content/admin/programs";
    }

    @GetMapping("/{key}")
    String items(
            @PathVariable String key,
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String status,
            @AuthenticationPrincipal SignedInUser user,
            Model model) {
        var program = access.forOperator(key, user);
        var kindFilter = ItemKind.of(kind).orElse(null);
        var statusFilter = status == null
                ? null
                : java.util.Arrays.stream(Item.Status.values())
                        .filter(s -> s.key().equals(status))
                        .findFirst()
                        .orElse(null);
        var now = clock.instant();
        model.addAttribute("program", program);
        model.addAttribute("kind", kindFilter == null ? "" : kindFilter.key());
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("status", statusFilter == null ? "" : statusFilter.key());
        model.addAttribute(
                "rows",
                publishing.list(program, kindFilter, q, statusFilter).stream()
                        .map(i -> new Row(
                                i, i.status(now).key(), shown(i.publishAt(), program), shown(i.unpublishAt(), program)))
                        .toList());
        return "content/admin/items";
    }

    @GetMapping("/{key}/{kinds:articles|videos|courses}/new")
    String newItem(
            @PathVariable String key,
            @PathVariable String kinds,
            @AuthenticationPrincipal SignedInUser user,
            Model model) {
        var program = access.forOperator(key, user);
        return form(program, kind(kinds), null, ItemForm.empty(), Map.of(), model);
    }

    @PostMapping("/{key}/{kinds:articles|videos|courses}/new")
    String create(
            @PathVariable String key,
            @PathVariable String kinds,
            ItemForm form,
            @RequestParam(required = false) MultipartFile video,
            @RequestParam(required = false) MultipartFile cover,
            @AuthenticationPrincipal SignedInUser user,
            Model model,
            Locale locale,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        var program = access.forOperator(key, user);
        var kind = kind(kinds);
        try {
            var parsed = form.parse(kind, program.timeZone(), clock.instant());
            if (!parsed.problems().isEmpty()) {
                throw Problem.invalid(parsed.problems());
            }
            var item = publishing.create(program, kind, parsed.draft(), upload(video), upload(cover), user.id());
            redirect.addFlashAttribute("notice", text("content.admin.saved", locale, item.title()));
            return "redirect:/admin/content/" + key + "/items/" + item.id();
        } catch (Problem p) {
            response.setStatus(p.status());
            return form(program, kind, null, form, errors(p, locale), model);
        }
    }

    @GetMapping("/{key}/items/{id}")
    String edit(
            @PathVariable String key, @PathVariable long id, @AuthenticationPrincipal SignedInUser user, Model model) {
        var program = access.forOperator(key, user);
        var item = publishing.item(program, id);
        var form = new ItemForm(
                item.title(),
                item.channel(),
                String.join(", ", item.tags()),
                item.focus(),
                item.bodyHtml(),
                item.summary(),
                local(item.publishAt(), program),
                local(item.unpublishAt(), program),
                publishing.courseVideos(id).stream().map(String::valueOf).collect(Collectors.joining(", ")));
        return form(program, item.kind(), item, form, Map.of(), model);
    }

    @PostMapping("/{key}/items/{id}")
    String save(
            @PathVariable String key,
            @PathVariable long id,
            ItemForm form,
            @RequestParam(required = false) MultipartFile cover,
            @RequestParam(defaultValue = "false") boolean removeCover,
            @AuthenticationPrincipal SignedInUser user,
            Model model,
            Locale locale,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        var program = access.forOperator(key, user);
        var item = publishing.item(program, id);
        try {
            var parsed = form.parse(item.kind(), program.timeZone(), clock.instant());
            if (!parsed.problems().isEmpty()) {
                throw Problem.invalid(parsed.problems());
            }
            var saved = publishing.edit(program, id, parsed.draft(), upload(cover), removeCover);
            redirect.addFlashAttribute("notice", text("content.admin.saved", locale, saved.title()));
            return "redirect:/admin/content/" + key + "/items/" + id;
        } catch (Problem p) {
            if (p.errors().isEmpty()) {
                throw p;
            }
            response.setStatus(p.status());
            return form(program, item.kind(), item, form, errors(p, locale), model);
        }
    }

    @PostMapping("/{key}/items/{id}/unpublish")
    String unpublish(
            @PathVariable String key,
            @PathVariable long id,
            @AuthenticationPrincipal SignedInUser user,
            Locale locale,
            RedirectAttributes redirect) {
        var item = publishing.unpublish(access.forOperator(key, user), id);
        redirect.addFlashAttribute("notice", text("content.admin.unpublished", locale, item.title()));
        return "redirect:/admin/content/" + key + "/items/" + id;
    }

    @PostMapping("/{key}/items/{id}/republish")
    String republish(
            @PathVariable String key,
            @PathVariable long id,
            @AuthenticationPrincipal SignedInUser user,
            Locale locale,
            RedirectAttributes redirect) {
        var item = publishing.republish(access.forOperator(key, user), id);
        redirect.addFlashAttribute("notice", text("content.admin.republished", locale, item.title()));
        return "redirect:/admin/content/" + key + "/items/" + id;
    }

    @GetMapping("/{key}/settings")
    String settings(@PathVariable String key, @AuthenticationPrincipal SignedInUser user, Model model) {
        var program = access.forOperator(key, user);
        model.addAttribute("program", program);
        model.addAttribute("settings", publishing.settings(program));
        model.addAttribute("errors", Map.of());
        return "content/admin/settings";
    }

    @PostMapping("/{key}/settings")
    String saveSettings(
            @PathVariable String key,
            @RequestParam(defaultValue = "0") int readingFloorSeconds,
            @RequestParam(defaultValue = "0") int charsPerMinute,
            @RequestParam(defaultValue = "0") int heartbeatSeconds,
            @AuthenticationPrincipal SignedInUser user,
            Model model,
            Locale locale,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        var program = access.forOperator(key, user);
        var next = new Settings(readingFloorSeconds, charsPerMinute, heartbeatSeconds);
        try {
            publishing.saveSettings(program, next);
            redirect.addFlashAttribute("notice", text("content.settings.saved", locale));
            return "redirect:/admin/content/" + key + "/settings";
        } catch (Problem p) {
            response.setStatus(p.status());
            model.addAttribute("program", program);
            model.addAttribute("settings", next);
            model.addAttribute("errors", errors(p, locale));
            return "content/admin/settings";
        }
    }

    @GetMapping("/{key}/stats")
    String stats(
            @PathVariable String key,
            @RequestParam(defaultValue = "views") String sort,
            @AuthenticationPrincipal SignedInUser user,
            Model model) {
        var program = access.forOperator(key, user);
        var order = ItemStats.Order.of(sort);
        model.addAttribute("program", program);
        model.addAttribute("sort", order.name().toLowerCase(Locale.ROOT));
        model.addAttribute("rows", stats.of(program.key(), order));
        return "content/admin/stats";
    }

    @GetMapping("/{key}/stats.xlsx")
    ResponseEntity<byte[]> statsXlsx(
            @PathVariable String key,
            @RequestParam(defaultValue = "views") String sort,
            @AuthenticationPrincipal SignedInUser user,
            Locale locale) {
        var program = access.forOperator(key, user);
        var headers = List.of(
                text("content.stats.id", locale),
                text("content.field.kind", locale),
                text("content.field.title", locale),
                text("content.stats.views", locale),
                text("content.stats.reads", locale),
                text("content.stats.minutes", locale),
                text("content.stats.shares", locale));
        var bytes = stats.xlsx(
                stats.of(program.key(), ItemStats.Order.of(sort)),
                headers,
                k -> text("content.kind." + k.key(), locale));
        return ResponseEntity.ok()
                .contentType(
                        MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("content-stats-" + key + ".xlsx")
                                .build()
                                .toString())
                .body(bytes);
    }

    @ExceptionHandler(Problem.class)
    String problem(Problem p, Model model, HttpServletResponse response) {
        response.setStatus(p.status());
        model.addAttribute("status", p.status());
        return "error";
    }

    private String form(
            Program program, ItemKind kind, Item item, ItemForm form, Map<String, String> errors, Model model) {
        model.addAttribute("program", program);
        model.addAttribute("kind", kind.key());
        model.addAttribute("item", item);
        model.addAttribute(
                "status", item == null ? null : item.status(clock.instant()).key());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        if (kind == ItemKind.COURSE) {
            model.addAttribute("videos", publishing.list(program, ItemKind.VIDEO, null, null));
        }
        return "content/admin/form";
    }

    private Map<String, String> errors(Problem p, Locale locale) {
        var errors = new LinkedHashMap<String, String>();
        if (p.errors().isEmpty()) {
            errors.put("form", text("problem." + p.code(), locale, p.args()));
        }
        for (var e : p.errors()) {
            errors.merge(e.field(), text("problem." + e.code(), locale, e.args()), (a, b) -> a + " " + b);
        }
        return errors;
    }

    private static Publishing.Upload upload(MultipartFile file) {
        if (file == null
                || file.isEmpty()
                        && (file.getOriginalFilename() == null
                                || file.getOriginalFilename().isBlank())) {
            return null; // no file chosen
        }
        return file::getInputStream;
    }

    private static ItemKind kind(String plural) {
        return ItemKind.of(plural.substring(0, plural.length() - 1)).orElseThrow();
    }

    private static String local(Instant at, Program program) {
        return at == null
                ? ""
                : LocalDateTime.ofInstant(at.truncatedTo(ChronoUnit.MINUTES), zone(program))
                        .format(LOCAL);
    }

    private static String shown(Instant at, Program program) {
        return at == null ? "" : LocalDateTime.ofInstant(at, zone(program)).format(SHOWN);
    }

    private static ZoneId zone(Program program) {
        return program.timeZone();
    }

    private String text(String code, Locale locale, Object... args) {
        return messages.getMessage(code, args, code, locale);
    }

    /** One line of the item list. */
    record Row(Item item, String status, String publishAt, String unpublishAt) {}
}
