package org.jifen.account.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Set;
import java.util.TreeSet;
import org.jifen.shared.Actor;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Who the caller is: a signed-in person or an integration with an API key. */
@RestController
@Tag(name = "accounts")
class MeApi {

    @GetMapping("/api/v1/me")
    @Operation(summary = "The authenticated caller, with masked identity and roles")
    Me me(@AuthenticationPrincipal Actor actor) {
        return new Me(actor.actorId(), actor.actorLabel(), new TreeSet<>(actor.roleNames()));
    }

    record Me(long id, String label, Set<String> roles) {}
}
