package org.jifen.content.learn;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.jifen.account.SignedInUser;
import org.jifen.rulebook.Program;
import org.jifen.rulebook.ProgramAccess;
import org.jifen.shared.web.Problem;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The learner's content pages (phone first): the program's channels, today's focus, courses, the latest articles
 * and videos with a title search; an article, a video, a course; the learner's reading and watching history; today's
 * points per kind of item; sharing (LG-7.2.6). Only a signed-in learner of the program sees them (else 404), and
 * only items published now.
 */
@Controller
class LearnController {

    static final int PAGE_SIZE = 20;
    private static final int SECTION_SIZE = 10;
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final ProgramAccess access;
    private final PublishedItems items;
    private final LearningHistory history;
    private final TodayProgress progress;
    private final Sharing sharing;
    private final Clock clock;

    LearnController(
            ProgramAccess access,
            PublishedItems items,
            LearningHistory history,
            TodayProgress progress,
            Sharing sharing,
            Clock clock) {
        this.access = access;
        this.items = items;
        this.history = history;
        this.progress = progress;
        this.sharing = sharing;
        this.clock = clock;
    }

    /** The learner's one program, or a choice when there are several. */
    @GetMapping("/learn")
    String programs(@AuthenticationPrincipal SignedInUser user, Model model) {
        var programs = access.programsOf(user.id());
        if (programs.size() == 1) {
            return "redirect:/learn/" + programs.getFirst().key();
        }
        model.addAttribute("programs", programs);
        return "content/learn/programs";
    }

    @GetMapping("/learn/{key}")
    String home(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String key,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String channel,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        var program = access.forLearner(key, user.id());
        var now = clock.instant();
        var query = blankToNull(q);
        var inChannel = blankToNull(channel);
        int from = Math.max(page, 0) * PAGE_SIZE;
        model.addAttribute("program", program);
        model.addAttribute("zone", program.timeZone());
        model.addAttribute("channels", items.channels(key, now));
        model.addAttribute("channel", inChannel);
        model.addAttribute("q", query);
        List<Item> list;
        if (query != null) {
            list = items.find(
                    key, List.of("article", "video", "course"), inChannel, query, false, now, from, PAGE_SIZE + 1);
        } else {
            list = items.find(key, List.of("article", "video"), inChannel, null, false, now, from, PAGE_SIZE + 1);
            if (page <= 0) {
                model.addAttribute(
                        "focus",
                        items.find(key, List.of("article", "video"), inChannel, null, true, now, 0, SECTION_SIZE));
                model.addAttribute(
                        "courses", items.find(key, List.of("course"), inChannel, null, false, now, 0, SECTION_SIZE));
            }
        }
        model.addAttribute("items", list.stream().limit(PAGE_SIZE).toList());
        model.addAttribute("page", Math.max(page, 0));
        model.addAttribute("hasNext", list.size() > PAGE_SIZE);
        return "content/learn/home";
    }

    @GetMapping("/learn/{key}/articles/{id}")
    String article(
            @AuthenticationPrincipal SignedInUser user, @PathVariable String key, @PathVariable long id, Model model) {
        var program = access.forLearner(key, user.id());
        var item = item(program, id, "article");
        itemPage(program, item, user, model);
        return "content/learn/article";
    }

    @GetMapping("/learn/{key}/videos/{id}")
    String video(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String key,
            @PathVariable long id,
            @RequestParam(required = false) Long course,
            Model model) {
        var program = access.forLearner(key, user.id());
        var item = item(program, id, "video");
        itemPage(program, item, user, model);
        if (course != null) {
            items.published(key, course, clock.instant()).filter(Item::course).ifPresent(c -> {
                var videos = items.courseVideos(c.id(), clock.instant());
                model.addAttribute("course", c);
                for (int i = 0; i < videos.size() - 1; i++) {
                    if (videos.get(i).id() == id) {
                        model.addAttribute("next", videos.get(i + 1));
                        break;
                    }
                }
            });
        }
        return "content/learn/video";
    }

    @GetMapping("/learn/{key}/courses/{id}")
    String course(
            @AuthenticationPrincipal SignedInUser user, @PathVariable String key, @PathVariable long id, Model model) {
        var program = access.forLearner(key, user.id());
        var item = item(program, id, "course");
        model.addAttribute("program", program);
        model.addAttribute("zone", program.timeZone());
        model.addAttribute("item", item);
        model.addAttribute("videos", items.courseVideos(id, clock.instant()));
        return "content/learn/course";
    }

    @GetMapping("/learn/{key}/history")
    String history(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String key,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        var program = access.forLearner(key, user.id());
        int p = Math.max(page, 0);
        var lines = history.of(key, user.id(), p * PAGE_SIZE, PAGE_SIZE + 1);
        model.addAttribute("program", program);
        model.addAttribute(
                "lines",
                lines.stream()
                        .limit(PAGE_SIZE)
                        .map(l -> view(l, program.timeZone()))
                        .toList());
        model.addAttribute("page", p);
        model.addAttribute("hasNext", lines.size() > PAGE_SIZE);
        return "content/learn/history";
    }

    /** Today's points of one kind of item; reloaded by htmx when the tracking script reports new points. */
    @GetMapping("/learn/{key}/progress")
    String progress(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String key,
            @RequestParam String kind,
            @RequestParam(defaultValue = "false") boolean focus,
            Model model) {
        var program = access.forLearner(key, user.id());
        progressModel(program, user, kind, focus, model);
        return "content/learn/fragments :: progress";
    }

    /** Shares an article or video: a link to its public page and a {@code share} event (LG-7.2.6). */
    @PostMapping("/learn/{key}/items/{id}/share")
    String share(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String key,
            @PathVariable long id,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        var program = access.forLearner(key, user.id());
        var item = items.published(key, id, clock.instant())
                .filter(i -> i.article() || i.video())
                .orElseThrow(() -> Problem.notFound("learn.item-not-found", id));
        var shared = sharing.share(user.id(), item);
        if (shared.outcome().points() > 0) {
            // the page's progress boxes listen for the same event as after a credited reading or viewing
            response.setHeader("HX-Trigger", "jifen:credited");
        }
        model.addAttribute("program", program);
        model.addAttribute("url", publicUrl(request, shared.token()));
        model.addAttribute("outcome", shared.outcome());
        return "content/learn/fragments :: share-result";
    }

    static String publicUrl(HttpServletRequest request, String token) {
        return ServletUriComponentsBuilder.fromContextPath(request)
                .path("/s/{token}")
                .buildAndExpand(token)
                .toUriString();
    }

    @ExceptionHandler(Problem.class)
    String problem(Problem p, Model model, HttpServletResponse response) {
        response.setStatus(p.status());
        model.addAttribute("status", p.status());
        return "error";
    }

    private Item item(Program program, long id, String kind) {
        return items.published(program.key(), id, clock.instant())
                .filter(i -> i.kind().equals(kind))
                .orElseThrow(() -> Problem.notFound("learn.item-not-found", id));
    }

    private void itemPage(Program program, Item item, SignedInUser user, Model model) {
        model.addAttribute("program", program);
        model.addAttribute("zone", program.timeZone());
        model.addAttribute("item", item);
        progressModel(program, user, item.kind(), item.focus(), model);
        model.addAttribute("shareLines", progress.of(program.key(), user.id(), List.of("share")));
    }

    private void progressModel(Program program, SignedInUser user, String kind, boolean focus, Model model) {
        var actions = new ArrayList<String>();
        switch (kind) {
            case "article" -> actions.add("article-read");
            case "video" -> {
                actions.add("video-watch");
                if (focus) {
                    actions.add("focus-video-watch");
                }
            }
            case "share" -> actions.add("share");
            default -> throw Problem.badRequest("learn.kind-unknown", kind);
        }
        model.addAttribute("program", program);
        model.addAttribute("kind", kind);
        model.addAttribute("focus", focus);
        model.addAttribute("lines", progress.of(program.key(), user.id(), actions));
    }

    private static HistoryView view(LearningHistory.Line line, ZoneId zone) {
        return new HistoryView(
                line.kind(),
                line.itemId(),
                line.title(),
                MINUTE.format(line.at().atZone(zone)),
                line.counted(),
                line.seconds());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** One line of the history page, its time in the program's zone. */
    record HistoryView(String kind, long itemId, String title, String at, boolean counted, int seconds) {}
}
