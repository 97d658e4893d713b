package org.jifen.content.learn;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.jifen.points.Outcome;
import org.jifen.points.PointsLedger;
import org.jifen.points.domain.LearningEvent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Shares (LG-7.2.6): a learner's share of an article or video is a link with an unguessable token to the item's
 * public page, and a {@code share} event whose id is derived from the token, so a retry never counts twice.
 */
@Service
class Sharing {

    /** 16 bytes: 128 random bits, 22 url-safe characters. */
    private static final int TOKEN_BYTES = 16;

    private final JdbcClient jdbc;
    private final PointsLedger ledger;
    private final SecureRandom random;
    private final Clock clock;

    Sharing(JdbcClient jdbc, PointsLedger ledger, SecureRandom random, Clock clock) {
        this.jdbc = jdbc;
        this.ledger = ledger;
        this.random = random;
        this.clock = clock;
    }

    /** Shares a published article or video of the program (the caller has checked both) as {@code userId}. */
    Shared share(long userId, Item item) {
        var bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        var token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        var at = clock.instant();
        jdbc.sql("insert into content.share (token, user_id, item_id, program_key, at) values (?, ?, ?, ?, ?)")
                .params(token, userId, item.id(), item.programKey(), Timestamp.from(at))
                .update();
        var outcome = ledger.record(
                item.programKey(),
                new LearningEvent(
                        "share:" + token,
                        String.valueOf(userId),
                        "share",
                        String.valueOf(item.id()),
                        null,
                        Map.of(),
                        at));
        return new Shared(token, outcome);
    }

    /** The item a token shares; empty for an unknown token. */
    Optional<Long> itemOf(String token) {
        return jdbc.sql("select item_id from content.share where token = ?")
                .params(token)
                .query(Long.class)
                .optional();
    }

    /** Counts one visit of a share's public page. */
    void opened(String token) {
        jdbc.sql("update content.share set opened = opened + 1 where token = ?")
                .params(token)
                .update();
    }

    /** A share's token and what its event earned. */
    record Shared(String token, Outcome outcome) {}
}
