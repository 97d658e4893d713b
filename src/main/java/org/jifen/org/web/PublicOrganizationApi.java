package org.jifen.org.web;

import java.util.List;
import org.jifen.org.Organization;
import org.jifen.org.Organizations;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The organization picker of sign-up forms, without login: the roots, or the children of one organization. Names
 * and kinds only; organizations are public knowledge, their members are not.
 */
@RestController
class PublicOrganizationApi {

    private final Organizations organizations;

    PublicOrganizationApi(Organizations organizations) {
        this.organizations = organizations;
    }

    @GetMapping("/api/v1/public/organizations")
    List<PublicOrganization> children(@RequestParam(required = false) Long parent) {
        var orgs = parent == null
                ? organizations.roots()
                : organizations.children(organizations.get(parent).id());
        return orgs.stream().map(PublicOrganization::of).toList();
    }

    record PublicOrganization(long id, Long parentId, String name, String kind) {

        static PublicOrganization of(Organization o) {
            return new PublicOrganization(
                    o.id(), o.parentId(), o.name(), o.kind().dbName());
        }
    }
}
