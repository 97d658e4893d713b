package org.jifen.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jifen.audit.AuditLog;
import org.jifen.audit.AuditRecord;
import org.jifen.shared.web.Problem;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * API keys of integrations, created by the system admin. A key is {@code jf_<prefix>_<secret>}; it is shown
 * once at creation and stored only as a SHA-256 hash (the secret has 256 bits, so a slow hash adds nothing).
 */
@Service
public class ApiClients {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AuditLog audit;
    private final SecureRandom random;

    /**
     * Keys verified recently, so that a busy integration does not cost a query per request. A revocation takes
     * effect at once on this node and within {@link #VERIFIED_FOR} on the others.
     */
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();

    private static final Duration VERIFIED_FOR = Duration.ofSeconds(30);
    private static final int MAX_VERIFIED = 10_000;

    private record Verified(ApiClient client, Instant until) {}

    ApiClients(JdbcClient jdbc, Clock clock, AuditLog audit, SecureRandom random) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.audit = audit;
        this.random = random;
    }

    /** Creates a client; the returned key is the only time its secret is visible. */
    @Transactional
    public CreatedKey create(String name, long createdBy) {
        if (name == null || name.isBlank() || name.length() > 100) {
            throw Problem.badRequest("api-client.name-invalid");
        }
        var prefix = hex(6);
        var secret = hex(32);
        long id = jdbc.sql("""
                        insert into account.api_client (name, key_prefix, key_hash, created_at, created_by)
                        values (?, ?, ?, ?, ?) returning id""")
                .params(name.strip(), prefix, sha256(secret), Timestamp.from(clock.instant()), createdBy)
                .query(Long.class)
                .single();
        audit.record(AuditRecord.of("api-client.create", "api_client", id).change(null, "name=" + name.strip()));
        return new CreatedKey(id, name.strip(), "jf_" + prefix + "_" + secret);
    }

    @Transactional
    public void revoke(long id) {
        int n = jdbc.sql("update account.api_client set revoked_at = ? where id = ? and revoked_at is null")
                .params(Timestamp.from(clock.instant()), id)
                .update();
        if (n == 0) {
            throw Problem.notFound("api-client.not-found");
        }
        verified.values().removeIf(v -> v.client().id() == id);
        audit.record(AuditRecord.of("api-client.revoke", "api_client", id).change("active", "revoked"));
    }

    public List<ApiClientRow> list() {
        return jdbc.sql(
                        "select id, name, key_prefix, created_at, revoked_at, last_used_at from account.api_client order by id")
                .query((rs, n) -> new ApiClientRow(
                        rs.getLong(1),
                        rs.getString(2),
                        "jf_" + rs.getString(3) + "_…",
                        rs.getTimestamp(4).toInstant(),
                        rs.getTimestamp(5) == null ? null : rs.getTimestamp(5).toInstant(),
                        rs.getTimestamp(6) == null ? null : rs.getTimestamp(6).toInstant()))
                .list();
    }

    /** The client a presented key belongs to, if the key is valid and not revoked. */
    public Optional<ApiClient> authenticate(String key) {
        var presented = Presented.of(key);
        if (presented == null) {
            return Optional.empty();
        }
        var recent = recentlyVerified(presented);
        if (recent.isPresent()) {
            return recent;
        }
        var found = lookUp(presented.prefix(), presented.hash());
        if (found.isPresent()) {
            if (verified.size() >= MAX_VERIFIED) {
                verified.clear();
            }
            verified.put(
                    presented.cacheKey(),
                    new Verified(found.get(), clock.instant().plus(VERIFIED_FOR)));
        }
        return found;
    }

    /**
     * The client of a key verified in the last {@link #VERIFIED_FOR}, from memory alone: no database read, so an
     * event loop may call it. Empty when the key is malformed, unknown or due for verification by {@link
     * #authenticate}.
     */
    public Optional<ApiClient> recentlyVerified(String key) {
        var presented = Presented.of(key);
        return presented == null ? Optional.empty() : recentlyVerified(presented);
    }

    private Optional<ApiClient> recentlyVerified(Presented presented) {
        var known = verified.get(presented.cacheKey());
        return known != null && clock.instant().isBefore(known.until())
                ? Optional.of(known.client())
                : Optional.empty();
    }

    /**
     * {@code jf_}, 12 lowercase hex digits, {@code _}, 64 lowercase hex digits: checked by hand, not by a regex,
     * because it runs for every API request.
     */
    static boolean wellFormed(String key) {
        if (key == null || key.length() != 80 || !key.startsWith("jf_") || key.charAt(15) != '_') {
            return false;
        }
        for (int i = 3; i < 80; i++) {
            char c = key.charAt(i);
            if (i != 15 && (c < '0' || c > '9') && (c < 'a' || c > 'f')) {
                return false;
            }
        }
        return true;
    }

    /** A well-formed presented key: its public prefix and the hash of its secret. */
    private record Presented(String prefix, String hash) {
        static Presented of(String key) {
            return !wellFormed(key) ? null : new Presented(key.substring(3, 15), sha256(key.substring(16)));
        }

        String cacheKey() {
            return prefix + hash;
        }
    }

    private Optional<ApiClient> lookUp(String prefix, String hash) {
        return jdbc.sql("select id, name, key_hash from account.api_client where key_prefix = ? and revoked_at is null")
                .param(prefix)
                .query((rs, n) -> MessageDigest.isEqual(
                                rs.getString(3).getBytes(StandardCharsets.US_ASCII),
                                hash.getBytes(StandardCharsets.US_ASCII))
                        ? new ApiClient(rs.getLong(1), rs.getString(2))
                        : null)
                .optional()
                .filter(c -> c != null)
                .map(c -> {
                    // at most once a minute: a write (and its fsync) on one row per request would serialize
                    // every request of the client
                    var now = clock.instant();
                    jdbc.sql("""
                                    update account.api_client set last_used_at = ? where id = ?
                                    and (last_used_at is null or last_used_at < ?)""")
                            .params(Timestamp.from(now), c.id(), Timestamp.from(now.minusSeconds(60)))
                            .update();
                    return c;
                });
    }

    private String hex(int bytes) {
        var b = new byte[bytes];
        random.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public record CreatedKey(long id, String name, String key) {}

    public record ApiClientRow(
            long id, String name, String maskedKey, Instant createdAt, Instant revokedAt, Instant lastUsedAt) {}
}
