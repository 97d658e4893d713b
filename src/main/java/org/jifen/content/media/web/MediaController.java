package org.jifen.content.media.web;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import org.jifen.account.SignedInUser;
import org.jifen.content.media.MediaKey;
import org.jifen.content.media.MediaStorage;
import org.jifen.rulebook.ProgramAccess;
import org.jifen.rulebook.Rulebooks;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Serves media by key with HTTP range requests (phones seek in videos): to anyone while an item that uses the
 * file is published; to the staff who operate the item's program also before and after (preview); else 404, so
 * that a key reveals nothing.
 */
@RestController
class MediaController {

    private final MediaStorage storage;
    private final JdbcClient jdbc;
    private final ProgramAccess access;
    private final Rulebooks rulebooks;
    private final Clock clock;

    MediaController(MediaStorage storage, JdbcClient jdbc, ProgramAccess access, Rulebooks rulebooks, Clock clock) {
        this.storage = storage;
        this.jdbc = jdbc;
        this.access = access;
        this.rulebooks = rulebooks;
        this.clock = clock;
    }

    @GetMapping("/media/{key}")
    ResponseEntity<Resource> media(@PathVariable String key, @AuthenticationPrincipal Object principal) {
        var parsed = MediaKey.parse(key);
        if (parsed.isEmpty() || !visible(parsed.get(), principal)) {
            return ResponseEntity.notFound().build();
        }
        return storage.open(parsed.get())
                .<ResponseEntity<Resource>>map(resource -> ResponseEntity.ok()
                        .contentType(
                                MediaType.parseMediaType(parsed.get().format().contentType()))
                        .header(HttpHeaders.ACCEPT_RANGES, "bytes")
                        .cacheControl(CacheControl.noCache().cachePrivate())
                        .body(resource))
                .orElseGet(() -> ResponseEntity.notFound().build());
    }

    private boolean visible(MediaKey key, Object principal) {
        var now = Timestamp.from(clock.instant());
        var uses = jdbc.sql("""
                        select program_key, (publish_at <= ? and (unpublish_at is null or unpublish_at > ?)) as published
                        from content.item where cover_key = ? or media_key = ?""")
                .params(now, now, key.value(), key.value())
                .query((rs, n) -> new Use(rs.getString(1), rs.getBoolean(2)))
                .list();
        if (uses.stream().anyMatch(Use::published)) {
            return true;
        }
        return principal instanceof SignedInUser user && operatesAny(user, uses);
    }

    private boolean operatesAny(SignedInUser user, List<Use> uses) {
        return uses.stream()
                .map(Use::programKey)
                .distinct()
                .flatMap(k -> rulebooks.program(k).stream())
                .anyMatch(p -> access.operates(user, p));
    }

    private record Use(String programKey, boolean published) {}
}
