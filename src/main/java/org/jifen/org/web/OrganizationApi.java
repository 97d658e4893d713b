package org.jifen.org.web;

import java.net.URI;
import java.util.List;
import org.jifen.account.SignedInUser;
import org.jifen.org.Organization;
import org.jifen.org.Organizations;
import org.jifen.shared.web.Problem;
import org.jifen.shared.web.Problem.FieldProblem;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The organization trees for staff, scoped like the console: the system admin sees and changes everything, an
 * organization admin their subtrees, a program operator reads their subtrees. Errors are problem details with
 * the codes of {@link org.jifen.org.domain.Refusal}.
 */
@RestController
@RequestMapping("/api/v1/organizations")
@PreAuthorize("hasAnyRole('SYSTEM_ADMIN','ORG_ADMIN','PROGRAM_OPERATOR')")
class OrganizationApi {

    private final Organizations organizations;

    OrganizationApi(Organizations organizations) {
        this.organizations = organizations;
    }

    /** The visible trees, flat, parents before children. */
    @GetMapping
    List<OrganizationJson> visible(@AuthenticationPrincipal SignedInUser user) {
        return organizations.visibleTo(user).stream().map(OrganizationJson::of).toList();
    }

    @GetMapping("/{id}")
    OrganizationJson one(@PathVariable long id, @AuthenticationPrincipal SignedInUser user) {
        return OrganizationJson.of(organizations.visible(id, user));
    }

    @GetMapping("/{id}/children")
    List<OrganizationJson> children(@PathVariable long id, @AuthenticationPrincipal SignedInUser user) {
        var parent = organizations.visible(id, user);
        return organizations.children(parent.id()).stream()
                .map(OrganizationJson::of)
                .toList();
    }

    /** Creates an organization under {@code parentId}, or a new tree when it is absent (system admin only). */
    @PostMapping
    @PreAuthorize("hasAnyRole('SYSTEM_ADMIN','ORG_ADMIN')")
    ResponseEntity<OrganizationJson> create(
            @RequestBody NewOrganization body, @AuthenticationPrincipal SignedInUser user) {
        var created = organizations.create(body.parentId(), body.name(), body.kind(), user);
        return ResponseEntity.created(URI.create("/api/v1/organizations/" + created.id()))
                .body(OrganizationJson.of(created));
    }

    @PatchMapping("/{id}")
    @PreAuthorize("hasAnyRole('SYSTEM_ADMIN','ORG_ADMIN')")
    OrganizationJson rename(
            @PathVariable long id, @RequestBody Rename body, @AuthenticationPrincipal SignedInUser user) {
        return OrganizationJson.of(organizations.rename(id, body.name(), user));
    }

    /** Moves the organization and its subtree under {@code parentId} of the same tree. */
    @PostMapping("/{id}/move")
    @PreAuthorize("hasAnyRole('SYSTEM_ADMIN','ORG_ADMIN')")
    OrganizationJson move(@PathVariable long id, @RequestBody Move body, @AuthenticationPrincipal SignedInUser user) {
        if (body.parentId() == null) {
            throw Problem.invalid(List.of(new FieldProblem("parentId", "org.parent-required")));
        }
        return OrganizationJson.of(organizations.move(id, body.parentId(), user));
    }

    /** One organization; {@code kind} as in {@code subdistrict}, {@code path} the ids from the root. */
    record OrganizationJson(long id, Long parentId, long rootId, String name, String kind, String path, int depth) {

        static OrganizationJson of(Organization o) {
            return new OrganizationJson(
                    o.id(), o.parentId(), o.rootId(), o.name(), o.kind().dbName(), o.path(), o.depth());
        }
    }

    record NewOrganization(Long parentId, String name, String kind) {}

    record Rename(String name) {}

    record Move(Long parentId) {}
}
