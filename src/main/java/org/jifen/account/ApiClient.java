package org.jifen.account;

import java.util.List;
import java.util.Set;
import org.jifen.shared.Actor;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** An integration authenticated by its API key. */
public record ApiClient(long id, String name) implements Actor {

    public static final String AUTHORITY = "ROLE_API_CLIENT";

    public List<GrantedAuthority> authorities() {
        return List.of(new SimpleGrantedAuthority(AUTHORITY));
    }

    @Override
    public long actorId() {
        return -id;
    }

    @Override
    public String actorLabel() {
        return "api:" + name;
    }

    @Override
    public Set<String> roleNames() {
        return Set.of("api_client");
    }
}
