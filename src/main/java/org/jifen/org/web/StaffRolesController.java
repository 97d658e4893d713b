package org.jifen.org.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jifen.account.Accounts;
import org.jifen.account.Permission;
import org.jifen.account.Role;
import org.jifen.account.StaffGrant;
import org.jifen.org.Organization;
import org.jifen.org.Organizations;
import org.jifen.shared.MobileNumber;
import org.jifen.shared.web.Problem;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The security admin's page: who holds which staff role over which organization subtree, and who may reveal
 * personal data. Grants and revocations need a reason and are audited; the three administrator roles stay with
 * three different people.
 */
@Controller
@RequestMapping("/admin/roles")
@PreAuthorize("hasRole('SECURITY_ADMIN')")
class StaffRolesController {

    private final Accounts accounts;
    private final Organizations organizations;

    StaffRolesController(Accounts accounts, Organizations organizations) {
        this.accounts = accounts;
        this.organizations = organizations;
    }

    @GetMapping
    String page(Model model) {
        List<StaffGrant> staff = accounts.staff();
        var orgs = organizations.byId(
                staff.stream().map(StaffGrant::orgId).filter(id -> id != null).toList());
        Map<Long, String> orgLabels = new HashMap<>();
        orgs.values().forEach(o -> orgLabels.put(o.id(), organizations.label(o)));
        model.addAttribute("staff", staff);
        model.addAttribute("orgLabels", orgLabels);
        model.addAttribute(
                "roles",
                List.of(Role.values()).stream().filter(r -> r != Role.LEARNER).toList());
        model.addAttribute("permissions", Permission.values());
        model.addAttribute("holders", accounts.permissionHolders());
        return "org/roles";
    }

    @PostMapping("/grant")
    String grant(
            @RequestParam String mobile,
            @RequestParam Role role,
            @RequestParam(defaultValue = "") String orgPath,
            @RequestParam(defaultValue = "") String reason,
            RedirectAttributes redirect) {
        return act(redirect, () -> {
            long userId = account(mobile);
            accounts.grant(userId, role, role.scoped() ? org(orgPath).id() : null, requireReason(reason));
        });
    }

    @PostMapping("/revoke")
    String revoke(
            @RequestParam long accountId,
            @RequestParam Role role,
            @RequestParam(required = false) Long orgId,
            @RequestParam(defaultValue = "") String reason,
            RedirectAttributes redirect) {
        return act(redirect, () -> accounts.revoke(accountId, role, orgId, requireReason(reason)));
    }

    @PostMapping("/permissions/grant")
    String grantPermission(
            @RequestParam String mobile,
            @RequestParam Permission permission,
            @RequestParam(defaultValue = "") String reason,
            RedirectAttributes redirect) {
        return act(redirect, () -> accounts.grantPermission(account(mobile), permission, requireReason(reason)));
    }

    @PostMapping("/permissions/revoke")
    String revokePermission(
            @RequestParam long accountId,
            @RequestParam Permission permission,
            @RequestParam(defaultValue = "") String reason,
            RedirectAttributes redirect) {
        return act(redirect, () -> accounts.revokePermission(accountId, permission, requireReason(reason)));
    }

    private String act(RedirectAttributes redirect, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("done", true);
        } catch (Problem p) {
            redirect.addFlashAttribute("problem", "problem." + p.code());
            redirect.addFlashAttribute("problemArgs", p.args());
        }
        return "redirect:/admin/roles";
    }

    private long account(String mobile) {
        var number = MobileNumber.parse(mobile).orElseThrow(() -> Problem.badRequest("mobile.invalid"));
        return accounts.findByMobile(number)
                .orElseThrow(() -> Problem.notFound("account.not-found"))
                .id();
    }

    private Organization org(String path) {
        if (path.isBlank()) {
            throw Problem.badRequest("role.scope-required");
        }
        return organizations.resolve(path).orElseThrow(() -> Problem.notFound("org.not-found", path));
    }

    private static String requireReason(String reason) {
        if (reason == null || reason.strip().length() < 2) {
            throw Problem.badRequest("reason.required");
        }
        return reason.strip();
    }
}
