package org.jifen.content.learn;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import org.jifen.rulebook.Rulebooks;
import org.jifen.shared.web.Problem;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The public page of a shared article or video, for anyone without an account: the item, its program and a sign-up
 * link. Nothing on it names the sharer, and its player carries no tracking, so no one is credited for watching it.
 */
@Controller
class PublicShareController {

    private final Sharing sharing;
    private final PublishedItems items;
    private final Rulebooks rulebooks;
    private final Clock clock;

    PublicShareController(Sharing sharing, PublishedItems items, Rulebooks rulebooks, Clock clock) {
        this.sharing = sharing;
        this.items = items;
        this.rulebooks = rulebooks;
        this.clock = clock;
    }

    @GetMapping("/s/{token}")
    String shared(@PathVariable String token, HttpServletRequest request, Model model) {
        var item = sharing.itemOf(token)
                .flatMap(id -> items.published(id, clock.instant()))
                .filter(i -> i.article() || i.video())
                .orElseThrow(() -> Problem.notFound("learn.share.not-found"));
        var program = rulebooks.program(item.programKey()).orElseThrow(() -> Problem.notFound("learn.share.not-found"));
        sharing.opened(token);
        var base = ServletUriComponentsBuilder.fromContextPath(request);
        model.addAttribute("item", item);
        model.addAttribute("program", program);
        model.addAttribute("zone", program.timeZone());
        model.addAttribute(
                "url", base.cloneBuilder().path("/s/{t}").buildAndExpand(token).toUriString());
        model.addAttribute(
                "image",
                item.coverKey() == null
                        ? null
                        : base.cloneBuilder()
                                .path("/media/{k}")
                                .buildAndExpand(item.coverKey())
                                .toUriString());
        return "content/learn/shared";
    }

    @ExceptionHandler(Problem.class)
    String problem(Problem p, Model model, HttpServletResponse response) {
        response.setStatus(p.status());
        model.addAttribute("status", p.status());
        return "error";
    }
}
