package org.jifen.account;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jifen.shared.Actor;
import org.jifen.shared.Masking;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The person signed in: id, masked identity, roles with the organization subtrees they cover, permissions.
 * The password hash is held only until authentication completes.
 */
public final class SignedInUser implements UserDetails, Actor {

    private final long id;
    private final String mobile;
    private final String realName;
    private String passwordHash;
    private final boolean locked;
    private final boolean enabled;
    private final Map<Role, Set<Long>> scopes;
    private final Set<Permission> permissions;

    public SignedInUser(
            long id,
            String mobile,
            String realName,
            String passwordHash,
            boolean locked,
            boolean enabled,
            Map<Role, Set<Long>> scopes,
            Set<Permission> permissions) {
        this.id = id;
        this.mobile = mobile;
        this.realName = realName;
        this.passwordHash = passwordHash;
        this.locked = locked;
        this.enabled = enabled;
        this.scopes = Map.copyOf(scopes);
        this.permissions = permissions.isEmpty() ? Set.of() : EnumSet.copyOf(permissions);
    }

    public long id() {
        return id;
    }

    public String mobile() {
        return mobile;
    }

    public String realName() {
        return realName;
    }

    public boolean has(Role role) {
        return role == Role.LEARNER || scopes.containsKey(role);
    }

    public boolean has(Permission permission) {
        return permissions.contains(permission);
    }

    /** True when the person holds any staff role. */
    public boolean staff() {
        return !scopes.isEmpty();
    }

    /**
     * Organizations whose subtrees {@code role} covers for this person; empty set with {@link #platformWide}
     * true means all of them.
     */
    public Set<Long> scope(Role role) {
        return scopes.getOrDefault(role, Set.of()).stream().filter(o -> o != 0L).collect(Collectors.toSet());
    }

    /** True when {@code role} is held without an organization restriction. */
    public boolean platformWide(Role role) {
        return scopes.getOrDefault(role, Set.of()).contains(0L);
    }

    public Set<Role> roles() {
        var roles = EnumSet.of(Role.LEARNER);
        roles.addAll(scopes.keySet());
        return roles;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        List<GrantedAuthority> authorities = new ArrayList<>();
        roles().forEach(r -> authorities.add(new SimpleGrantedAuthority(r.authority())));
        permissions.forEach(p -> authorities.add(new SimpleGrantedAuthority(p.authority())));
        return authorities;
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return mobile;
    }

    @Override
    public boolean isAccountNonLocked() {
        return !locked;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public long actorId() {
        return id;
    }

    @Override
    public String actorLabel() {
        return Masking.name(realName) + " " + Masking.mobile(mobile);
    }

    @Override
    public Set<String> roleNames() {
        return roles().stream().map(Role::dbName).collect(Collectors.toSet());
    }

    void eraseCredentials() {
        passwordHash = null;
    }

    @Override
    public String toString() {
        return "SignedInUser[" + id + " " + actorLabel() + "]";
    }
}
