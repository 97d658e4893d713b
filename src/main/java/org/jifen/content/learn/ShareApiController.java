package org.jifen.content.learn;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.Clock;
import org.jifen.account.SignedInUser;
import org.jifen.rulebook.ProgramAccess;
import org.jifen.shared.web.Problem;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Shares for apps: a signed-in learner shares a published article or video of one of their programs (LG-7.2.6). */
@RestController
class ShareApiController {

    private final ProgramAccess access;
    private final PublishedItems items;
    private final Sharing sharing;
    private final Clock clock;

    ShareApiController(ProgramAccess access, PublishedItems items, Sharing sharing, Clock clock) {
        this.access = access;
        this.items = items;
        this.sharing = sharing;
        this.clock = clock;
    }

    /**
     * Answers 201 with the public link and what the share earned; {@code reason} is null when it earned the rule's
     * full value, else a code such as {@code cap-reached}.
     */
    @PostMapping("/api/v1/content/items/{id}/shares")
    ResponseEntity<ShareAnswer> share(
            @AuthenticationPrincipal SignedInUser user, @PathVariable long id, HttpServletRequest request) {
        if (user == null) {
            throw Problem.forbidden("learn.share.learners-only");
        }
        var item = items.published(id, clock.instant())
                .filter(i -> i.article() || i.video())
                .orElseThrow(() -> Problem.notFound("learn.item-not-found", id));
        access.forLearner(item.programKey(), user.id());
        var shared = sharing.share(user.id(), item);
        var url = LearnController.publicUrl(request, shared.token());
        return ResponseEntity.created(URI.create(url))
                .body(new ShareAnswer(
                        url, shared.outcome().points(), shared.outcome().reason()));
    }

    /** The public link of a share and the points it earned, or why none ({@code cap-reached}, …). */
    record ShareAnswer(String url, int points, String reason) {}
}
