package org.jifen.content.catalog.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.jifen.account.SignedInUser;
import org.jifen.content.catalog.ContentStats;
import org.jifen.content.catalog.Item;
import org.jifen.content.catalog.ItemDraft;
import org.jifen.content.catalog.ItemKind;
import org.jifen.content.catalog.ItemStats;
import org.jifen.content.catalog.Publishing;
import org.jifen.rulebook.Program;
import org.jifen.rulebook.ProgramAccess;
import org.jifen.rulebook.Rulebooks;
import org.jifen.shared.web.Problem;
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
 * A program's content for integrations (API key) and operators (session): list and read items, create an article
 * from JSON, and the per-item statistics. Staff are held to the programs they operate; API clients see all.
 */
@RestController
@RequestMapping("/api/v1/programs/{program}/content")
@PreAuthorize("hasAnyRole('API_CLIENT','SYSTEM_ADMIN','PROGRAM_OPERATOR')")
@Tag(name = "Content", description = "Articles, videos and courses of a program; their statistics")
class ContentApiController {

    private final ProgramAccess access;
    private final Rulebooks rulebooks;
    private final Publishing publishing;
    private final ContentStats stats;

    ContentApiController(ProgramAccess access, Rulebooks rulebooks, Publishing publishing, ContentStats stats) {
        this.access = access;
        this.rulebooks = rulebooks;
        this.publishing = publishing;
        this.stats = stats;
    }

    @GetMapping("/items")
    @Operation(summary = "The program's items, newest first; filter by kind (article|video|course), title, status")
    List<ItemJson> items(
            @PathVariable String program,
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String status,
            @AuthenticationPrincipal Object principal) {
        var p = program(program, principal);
        var statusFilter = status == null
                ? null
                : java.util.Arrays.stream(Item.Status.values())
                        .filter(s -> s.key().equals(status))
                        .findFirst()
                        .orElseThrow(() -> Problem.badRequest("content.status-unknown", status));
        var kindFilter = kind == null
                ? null
                : ItemKind.of(kind).orElseThrow(() -> Problem.badRequest("content.kind-unknown", kind));
        return publishing.list(p, kindFilter, q, statusFilter).stream()
                .map(i -> ItemJson.of(i, List.of()))
                .toList();
    }

    @GetMapping("/items/{id}")
    @Operation(summary = "One item with its sanitized body (articles) or its videos (courses)")
    ItemJson item(@PathVariable String program, @PathVariable long id, @AuthenticationPrincipal Object principal) {
        var item = publishing.item(program(program, principal), id);
        return ItemJson.of(item, item.kind() == ItemKind.COURSE ? publishing.courseVideos(id) : List.of());
    }

    @PostMapping("/items")
    @Operation(
            summary = "Publish an article",
            description = "The body is HTML, sanitized on the server. publishAt defaults to now. 400 with every"
                    + " problem by field.")
    ResponseEntity<ItemJson> create(
            @PathVariable String program, @RequestBody NewArticle body, @AuthenticationPrincipal Object principal) {
        var p = program(program, principal);
        var draft = new ItemDraft(
                body.title(),
                body.channel(),
                body.tags(),
                Boolean.TRUE.equals(body.focus()),
                body.body(),
                body.summary(),
                body.publishAt(),
                body.unpublishAt(),
                List.of());
        var item = publishing.create(
                p, ItemKind.ARTICLE, draft, null, null, principal instanceof SignedInUser u ? u.id() : null);
        return ResponseEntity.created(URI.create("/api/v1/programs/" + program + "/content/items/" + item.id()))
                .body(ItemJson.of(item, List.of()));
    }

    @GetMapping("/stats")
    @Operation(summary = "Per item: views, valid reads, watched minutes, shares; sort=views|reads|minutes|shares|title")
    List<StatsJson> stats(
            @PathVariable String program,
            @RequestParam(defaultValue = "views") String sort,
            @AuthenticationPrincipal Object principal) {
        var p = program(program, principal);
        return stats.of(p.key(), ItemStats.Order.of(sort)).stream()
                .map(s -> new StatsJson(
                        s.itemId(),
                        s.kind().key(),
                        s.title(),
                        s.views(),
                        s.validReads(),
                        s.watchedMinutes().doubleValue(),
                        s.shares()))
                .toList();
    }

    private Program program(String key, Object principal) {
        if (principal instanceof SignedInUser user) {
            return access.forOperator(key, user);
        }
        return rulebooks.program(key).orElseThrow(() -> Problem.notFound("program.not-found", key));
    }

    record NewArticle(
            String title,
            String channel,
            List<String> tags,
            Boolean focus,
            String body,
            String summary,
            Instant publishAt,
            Instant unpublishAt) {}

    record ItemJson(
            long id,
            String kind,
            String title,
            String channel,
            List<String> tags,
            boolean focus,
            String summary,
            String body,
            Integer bodyChars,
            String coverUrl,
            String mediaUrl,
            String mediaType,
            Integer durationSeconds,
            Instant publishAt,
            Instant unpublishAt,
            List<Long> videoIds) {

        static ItemJson of(Item i, List<Long> videos) {
            return new ItemJson(
                    i.id(),
                    i.kind().key(),
                    i.title(),
                    i.channel(),
                    i.tags(),
                    i.focus(),
                    i.summary(),
                    i.bodyHtml(),
                    i.bodyChars(),
                    i.coverKey() == null ? null : "/media/" + i.coverKey(),
                    i.mediaKey() == null ? null : "/media/" + i.mediaKey(),
                    i.mediaType(),
                    i.durationSeconds(),
                    i.publishAt(),
                    i.unpublishAt(),
                    videos);
        }
    }

    record StatsJson(
            long itemId, String kind, String title, long views, long validReads, double watchedMinutes, long shares) {}
}
