package org.jifen.account;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jifen.audit.AuditLog;
import org.jifen.audit.AuditRecord;
import org.jifen.shared.Masking;
import org.jifen.shared.MobileNumber;
import org.jifen.shared.web.Problem;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The blacklist (LG-14): a security admin blacklists an account with a reason; it can still log in but earns no
 * points, and its points are cleared ({@link AccountBlacklisted}). Lifting restores earning, not the cleared points.
 * Both are audited.
 */
@Service
public class Blacklist {

    private final JdbcClient jdbc;
    private final Accounts accounts;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Blacklist(JdbcClient jdbc, Accounts accounts, AuditLog audit, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** Blacklists the account of this mobile number; returns its id. */
    @Transactional
    public long add(String mobileInput, String reason) {
        var mobile = MobileNumber.parse(mobileInput).orElseThrow(() -> Problem.badRequest("mobile.invalid"));
        var account = accounts.findByMobile(mobile).orElseThrow(() -> Problem.notFound("account.not-found"));
        var why = reason(reason);
        int n = jdbc.sql("""
                        insert into account.blacklist (user_id, reason, created_at, created_by) values (?, ?, ?, ?)
                        on conflict (user_id) where lifted_at is null do nothing""")
                .params(account.id(), why, Timestamp.from(clock.instant()), actorId())
                .update();
        if (n == 0) {
            throw Problem.conflict("blacklist.already");
        }
        audit.record(AuditRecord.of("account.blacklist", "account", account.id())
                .change(null, "blacklisted " + account.maskedName() + " " + account.maskedMobile())
                .because(why));
        events.publishEvent(new AccountBlacklisted(account.id(), why));
        return account.id();
    }

    /** Lifts the blacklisting: the account earns again; cleared points stay cleared. */
    @Transactional
    public void lift(long userId, String reason) {
        var why = reason(reason);
        int n = jdbc.sql("""
                        update account.blacklist set lifted_at = ?, lifted_by = ?, lift_reason = ?
                        where user_id = ? and lifted_at is null""")
                .params(Timestamp.from(clock.instant()), actorId(), why, userId)
                .update();
        if (n == 0) {
            throw Problem.notFound("blacklist.not-listed");
        }
        audit.record(AuditRecord.of("account.blacklist-lift", "account", userId)
                .change("blacklisted", "earning")
                .because(why));
        events.publishEvent(new AccountBlacklistLifted(userId));
    }

    public boolean contains(long userId) {
        return !among(List.of(userId)).isEmpty();
    }

    /** The blacklisted accounts among these. */
    public Set<Long> among(Collection<Long> userIds) {
        if (userIds.isEmpty()) {
            return Set.of();
        }
        return jdbc
                .sql("select user_id from account.blacklist where lifted_at is null and user_id = any(?)")
                .param(userIds.toArray(Long[]::new))
                .query(Long.class)
                .list()
                .stream()
                .collect(Collectors.toSet());
    }

    public List<BlacklistEntry> list() {
        return jdbc.sql("""
                        select b.user_id, a.real_name, a.mobile, b.reason, b.created_at
                        from account.blacklist b join account.user_account a on a.id = b.user_id
                        where b.lifted_at is null order by b.created_at desc, b.id desc""")
                .query((rs, i) -> new BlacklistEntry(
                        rs.getLong(1),
                        Masking.name(rs.getString(2)),
                        Masking.mobile(rs.getString(3)),
                        rs.getString(4),
                        rs.getTimestamp(5).toInstant()))
                .list();
    }

    private static String reason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw Problem.badRequest("blacklist.reason-required");
        }
        var r = reason.strip();
        return r.length() > 500 ? r.substring(0, 500) : r;
    }

    private static Long actorId() {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getPrincipal() instanceof SignedInUser u ? u.id() : null;
    }
}
