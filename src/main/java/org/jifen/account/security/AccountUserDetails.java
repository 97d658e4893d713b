package org.jifen.account.security;

import java.time.Clock;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import org.jifen.account.Permission;
import org.jifen.account.SignedInUser;
import org.jifen.account.domain.LoginLock;
import org.jifen.account.persistence.AccountRows;
import org.jifen.shared.MobileNumber;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/** Loads the person who signs in with a mobile number, with lock state, roles and permissions. */
@Component
class AccountUserDetails implements UserDetailsService {

    private final AccountRows rows;
    private final LoginLock lock;
    private final Clock clock;

    AccountUserDetails(AccountRows rows, LoginLock lock, Clock clock) {
        this.rows = rows;
        this.lock = lock;
        this.clock = clock;
    }

    @Override
    public SignedInUser loadUserByUsername(String input) {
        var mobile = MobileNumber.parse(input).orElseThrow(() -> new UsernameNotFoundException("unknown"));
        var c = rows.credentials(mobile.value())
                .filter(x -> x.passwordHash() != null)
                .orElseThrow(() -> new UsernameNotFoundException("unknown"));
        return load(
                c.id(),
                c.mobile(),
                c.realName(),
                c.passwordHash(),
                lock.locked(c.lock(), clock.instant()),
                !"disabled".equals(c.status()));
    }

    SignedInUser load(long id, String mobile, String realName, String hash, boolean locked, boolean enabled) {
        var scopes = new HashMap<org.jifen.account.Role, Set<Long>>();
        for (var g : rows.grants(id)) {
            scopes.computeIfAbsent(g.role(), r -> new HashSet<>()).add(g.orgId() == null ? 0L : g.orgId());
        }
        var permissions = EnumSet.noneOf(Permission.class);
        for (var p : rows.permissions(id)) {
            permissions.add(Permission.valueOf(p));
        }
        return new SignedInUser(id, mobile, realName, hash, locked, enabled, scopes, permissions);
    }
}
