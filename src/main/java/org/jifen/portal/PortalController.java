package org.jifen.portal;

import org.jifen.account.SignedInUser;
import org.jifen.org.Memberships;
import org.jifen.org.Organizations;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** Home, "me" and the admin console's entry page. */
@Controller
class PortalController {

    private final Memberships memberships;
    private final Organizations organizations;

    PortalController(Memberships memberships, Organizations organizations) {
        this.memberships = memberships;
        this.organizations = organizations;
    }

    @GetMapping("/")
    String home(@AuthenticationPrincipal SignedInUser user, Model model) {
        model.addAttribute("user", user);
        return "portal/home";
    }

    @GetMapping("/me")
    String me(@AuthenticationPrincipal SignedInUser user, Model model) {
        model.addAttribute("user", user);
        model.addAttribute(
                "places",
                memberships.of(user.id()).stream()
                        .map(m -> new Place(
                                organizations
                                        .find(m.orgId())
                                        .map(organizations::label)
                                        .orElse("?"),
                                m.department(),
                                m.partyMember()))
                        .toList());
        return "portal/me";
    }

    @GetMapping("/admin")
    String admin(@AuthenticationPrincipal SignedInUser user, Model model) {
        model.addAttribute("user", user);
        return "portal/admin";
    }

    record Place(String organization, String department, boolean partyMember) {}
}
