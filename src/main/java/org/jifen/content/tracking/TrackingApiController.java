package org.jifen.content.tracking;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jifen.account.SignedInUser;
import org.jifen.shared.web.Problem;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The heartbeats of article and video pages (LG-7.2.3, LG-7.2.4). A page starts a session, then beats; every answer
 * says what the beat credited, the session's totals, the points any emitted event earned and a message for the page.
 */
@RestController
@Tag(name = "Reading and watching", description = "Server-verified reading time and watch time (LG-7.2.3, LG-7.2.4)")
@PreAuthorize("isAuthenticated()")
class TrackingApiController {

    private final Tracking tracking;
    private final MessageSource messages;

    TrackingApiController(Tracking tracking, MessageSource messages) {
        this.tracking = tracking;
        this.messages = messages;
    }

    record StartRequest(Long item) {}

    record PlaybackBeat(Long seq, Double position, Double from, Long clientTime) {}

    record ReadingBeat(Long seq, Long clientTime) {}

    @PostMapping(path = "/api/v1/content/playbacks", consumes = "application/json", produces = "application/json")
    @Operation(
            summary = "Start watching a video",
            description = "Body `{item}`: a published video of the learner's program (else 404"
                    + " `tracking.item-not-found`). Supersedes the learner's other playback (its next beat answers 409)."
                    + " Answers `{session, duration, heartbeatSeconds}`.")
    Map<String, Object> startPlayback(@AuthenticationPrincipal Object principal, @RequestBody StartRequest body) {
        var started = tracking.startPlayback(learner(principal), item(body));
        var out = new LinkedHashMap<String, Object>();
        out.put("session", started.session());
        out.put("duration", started.durationSeconds());
        out.put("heartbeatSeconds", started.heartbeatSeconds());
        return out;
    }

    @PostMapping(
            path = "/api/v1/content/playbacks/{session}/heartbeats",
            consumes = "application/json",
            produces = "application/json")
    @Operation(
            summary = "A heartbeat of a playing video",
            description = "Body `{seq, position, from, clientTime?}`: `position` the player's current time (s), `from`"
                    + " where the current continuous run began, `seq` increasing, `clientTime` optional epoch ms (only"
                    + " to detect a skewed clock). Credits only seconds in (max(from, position − server time since the"
                    + " last beat), position], each second of the video once a day, and emits `video-watch`. 404"
                    + " `tracking.session-not-found`; 409 `overlapping-session` with `paused: true` when a newer"
                    + " playback superseded this one; 422 `impossible-position`.")
    ResponseEntity<Map<String, Object>> playbackBeat(
            @AuthenticationPrincipal Object principal, @PathVariable String session, @RequestBody PlaybackBeat body) {
        if (body == null || body.seq() == null || body.position() == null || body.from() == null) {
            throw Problem.badRequest("tracking.malformed-beat");
        }
        var answer = tracking.playbackBeat(
                learner(principal), session, body.seq(), body.position(), body.from(), instant(body.clientTime()));
        return view(answer);
    }

    @PostMapping(path = "/api/v1/content/readings", consumes = "application/json", produces = "application/json")
    @Operation(
            summary = "Open an article",
            description = "Body `{item}`: a published article of the learner's program (else 404"
                    + " `tracking.item-not-found`). Counts as a view. Answers `{session, requiredSeconds,"
                    + " heartbeatSeconds}`.")
    Map<String, Object> startReading(@AuthenticationPrincipal Object principal, @RequestBody StartRequest body) {
        var started = tracking.startReading(learner(principal), item(body));
        var out = new LinkedHashMap<String, Object>();
        out.put("session", started.session());
        out.put("requiredSeconds", started.requiredSeconds());
        out.put("heartbeatSeconds", started.heartbeatSeconds());
        return out;
    }

    @PostMapping(
            path = "/api/v1/content/readings/{session}/heartbeats",
            consumes = "application/json",
            produces = "application/json")
    @Operation(
            summary = "A heartbeat of an open article",
            description = "Body `{seq, clientTime?}`. Credits the server time since this reading's last beat, but no"
                    + " more than since the learner's latest beat on any reading, nor twice the heartbeat interval;"
                    + " emits `article-read` once the required time is reached. 404 `tracking.session-not-found`.")
    ResponseEntity<Map<String, Object>> readingBeat(
            @AuthenticationPrincipal Object principal, @PathVariable String session, @RequestBody ReadingBeat body) {
        if (body == null || body.seq() == null) {
            throw Problem.badRequest("tracking.malformed-beat");
        }
        return view(tracking.readingBeat(learner(principal), session, body.seq(), instant(body.clientTime())));
    }

    private static long learner(Object principal) {
        if (principal instanceof SignedInUser user) {
            return user.id();
        }
        throw Problem.forbidden("tracking.learners-only");
    }

    private static long item(StartRequest body) {
        if (body == null || body.item() == null) {
            throw Problem.badRequest("tracking.item-required");
        }
        return body.item();
    }

    private static Instant instant(Long epochMillis) {
        return epochMillis == null ? null : Instant.ofEpochMilli(epochMillis);
    }

    private ResponseEntity<Map<String, Object>> view(Tracking.Answer a) {
        var out = new LinkedHashMap<String, Object>();
        out.put("session", a.session());
        out.put("result", a.result());
        if (a.status() != 200) {
            out.put("code", a.reason());
        }
        if (a.status() == 409) {
            out.put("paused", true);
        }
        out.put("reason", a.reason());
        out.put("credited", a.credited());
        out.putAll(a.totals());
        out.put("points", a.points());
        var events = a.events().stream()
                .map(e -> {
                    var m = new LinkedHashMap<String, Object>();
                    m.put("action", e.action());
                    m.put("id", e.eventId());
                    m.put("points", e.outcome() == null ? 0 : e.outcome().points());
                    m.put(
                            "reason",
                            e.outcome() == null ? "not-recorded" : e.outcome().reason());
                    return m;
                })
                .toList();
        out.put("events", events);
        out.put("message", message(a));
        return ResponseEntity.status(a.status()).body(out);
    }

    private String message(Tracking.Answer a) {
        var locale = LocaleContextHolder.getLocale();
        if (!"credited".equals(a.result())) {
            var key = a.status() == 200 ? "tracking.message.duplicate" : "tracking.message." + a.reason();
            return messages.getMessage(key, null, key, locale);
        }
        if (a.points() > 0) {
            return messages.getMessage("tracking.message.points", new Object[] {a.points()}, locale);
        }
        var reason = a.events().stream()
                .map(e -> e.outcome() == null ? null : e.outcome().reason())
                .filter(r -> r != null)
                .findFirst();
        if (reason.isPresent()) {
            var why = messages.getMessage("points.reason." + reason.get(), null, reason.get(), locale);
            return messages.getMessage("tracking.message.no-points", new Object[] {why}, locale);
        }
        if (Tracking.READING.equals(a.kind())) {
            var t = a.totals();
            return Boolean.TRUE.equals(t.get("counted"))
                    ? messages.getMessage("tracking.message.read", null, locale)
                    : messages.getMessage(
                            "tracking.message.reading",
                            new Object[] {
                                (long) Math.floor(((Number) t.get("creditedSeconds")).doubleValue()),
                                t.get("requiredSeconds")
                            },
                            locale);
        }
        return messages.getMessage(
                "tracking.message.watched",
                new Object[] {
                    (long) a.credited(),
                    a.totals().get("verifiedSeconds"),
                    a.totals().get("duration")
                },
                locale);
    }
}
