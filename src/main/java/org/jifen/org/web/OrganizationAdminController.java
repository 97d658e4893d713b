package org.jifen.org.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jifen.account.SignedInUser;
import org.jifen.org.AdminScope;
import org.jifen.org.OrgKind;
import org.jifen.org.Organization;
import org.jifen.org.Organizations;
import org.jifen.org.domain.TreeChange;
import org.jifen.org.domain.TreeChanges;
import org.jifen.shared.web.Problem;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The admin console's organization trees (ORG): the trees the admin may see, indented, with member counts that
 * include descendants, and per organization the forms to add a child, rename and move it. A refused change is
 * shown next to its field, with the row opened, and changes nothing. Program operators read only.
 */
@Controller
@RequestMapping("/admin/orgs")
@PreAuthorize("hasAnyRole('SYSTEM_ADMIN','ORG_ADMIN','PROGRAM_OPERATOR')")
class OrganizationAdminController {

    private static final String CHANGERS = "hasAnyRole('SYSTEM_ADMIN','ORG_ADMIN')";

    private final Organizations organizations;

    OrganizationAdminController(Organizations organizations) {
        this.organizations = organizations;
    }

    @GetMapping
    String page(@AuthenticationPrincipal SignedInUser user, Model model) {
        return render(user, null, model);
    }

    /** A new tree: system admin only (the service refuses anyone else). */
    @PostMapping
    @PreAuthorize(CHANGERS)
    String createTree(
            @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String kind,
            @AuthenticationPrincipal SignedInUser user,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        try {
            var created = organizations.create(null, name, kind, user);
            return done(redirect, created, "org.admin.done.created", created.name());
        } catch (Problem p) {
            return failed(p, new Failure(0, "root", name, kind, null, p), user, model, response);
        }
    }

    @PostMapping("/{id}/children")
    @PreAuthorize(CHANGERS)
    String addChild(
            @PathVariable long id,
            @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String kind,
            @AuthenticationPrincipal SignedInUser user,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        try {
            var created = organizations.create(id, name, kind, user);
            return done(redirect, created, "org.admin.done.created", created.name());
        } catch (Problem p) {
            return failed(p, new Failure(id, "child", name, kind, null, p), user, model, response);
        }
    }

    @PostMapping("/{id}/rename")
    @PreAuthorize(CHANGERS)
    String rename(
            @PathVariable long id,
            @RequestParam(defaultValue = "") String name,
            @AuthenticationPrincipal SignedInUser user,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        try {
            var renamed = organizations.rename(id, name, user);
            return done(redirect, renamed, "org.admin.done.renamed", renamed.name());
        } catch (Problem p) {
            return failed(p, new Failure(id, "rename", name, null, null, p), user, model, response);
        }
    }

    @PostMapping("/{id}/move")
    @PreAuthorize(CHANGERS)
    String move(
            @PathVariable long id,
            @RequestParam(required = false) Long parentId,
            @AuthenticationPrincipal SignedInUser user,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        try {
            if (parentId == null) {
                throw new Problem(
                        "org.parent-required",
                        400,
                        List.of(new Problem.FieldProblem("parentId", "org.parent-required")));
            }
            var moved = organizations.move(id, parentId, user);
            var parent = organizations.get(parentId);
            return done(redirect, moved, "org.admin.done.moved", moved.name(), parent.name());
        } catch (Problem p) {
            return failed(p, new Failure(id, "move", null, null, parentId, p), user, model, response);
        }
    }

    /** Confirms a change after the redirect: a message key with up to two arguments (name, new parent). */
    private static String done(RedirectAttributes redirect, Organization org, String key, String... args) {
        redirect.addFlashAttribute("doneKey", key);
        redirect.addFlashAttribute("doneArgs", List.of(args[0], args.length > 1 ? args[1] : ""));
        return "redirect:/admin/orgs#org-" + org.id();
    }

    private String failed(Problem p, Failure failure, SignedInUser user, Model model, HttpServletResponse response) {
        response.setStatus(p.status());
        return render(user, failure, model);
    }

    private String render(SignedInUser user, Failure failure, Model model) {
        var visible = organizations.visibleTo(user);
        var byId = visible.stream().collect(Collectors.toMap(Organization::id, Function.identity()));
        var counts = organizations.memberCounts(user);
        var changeScope = AdminScope.toChange(user);
        var rows = new ArrayList<Row>();
        for (var org : visible) {
            var parent = org.parentId() == null ? null : byId.get(org.parentId());
            boolean changeable = changeScope.covers(org)
                    && TreeChanges.rename(org, parent, org.name(), List.of(), changeScope)
                            instanceof TreeChange.Allowed;
            var targets = changeable && !org.root()
                    ? visible.stream()
                            .filter(t -> org.parentId() == null || t.id() != org.parentId())
                            .filter(t -> TreeChanges.move(org, parent, t, List.of(), changeScope)
                                    instanceof TreeChange.Allowed)
                            .map(t -> new Target(t.id(), label(t, byId)))
                            .toList()
                    : List.<Target>of();
            rows.add(new Row(
                    org,
                    (int) org.lineage().stream().filter(byId::containsKey).count() - 1,
                    counts.getOrDefault(org.id(), 0L),
                    changeScope.covers(org),
                    changeable,
                    targets));
        }
        model.addAttribute("rows", rows);
        model.addAttribute("kinds", Arrays.asList(OrgKind.values()));
        model.addAttribute("mayChange", !changeScope.empty());
        model.addAttribute("mayCreateTree", changeScope.everything());
        model.addAttribute("failed", failure);
        return "org/admin";
    }

    /** The names from the top of what the admin sees down to {@code org}: 平湖街道/山厦社区. */
    private static String label(Organization org, Map<Long, Organization> visible) {
        return org.lineage().stream()
                .filter(visible::containsKey)
                .map(id -> visible.get(id).name())
                .collect(Collectors.joining("/"));
    }

    /** One line of the tree: indentation below the first visible ancestor, members including descendants. */
    record Row(
            Organization org,
            int indent,
            long members,
            boolean mayAddChild,
            boolean mayRenameAndMove,
            List<Target> moveTargets) {

        public long id() {
            return org.id();
        }
    }

    record Target(long id, String label) {}

    /** A refused form: where it was (organization and action), what was typed, and the problem per field. */
    record Failure(long orgId, String action, String name, String kind, Long parentId, Map<String, String> errors) {

        Failure(long orgId, String action, String name, String kind, Long parentId, Problem p) {
            this(orgId, action, name, kind, parentId, errorsOf(p));
        }

        private static Map<String, String> errorsOf(Problem p) {
            var errors = new HashMap<String, String>();
            p.errors().forEach(e -> errors.putIfAbsent(e.field(), "problem." + e.code()));
            if (errors.isEmpty()) {
                errors.put("parentId", "problem." + p.code());
            }
            return errors;
        }

        /** True when this failure belongs to the form {@code action} of organization {@code id}. */
        public boolean at(long id, String act) {
            return orgId == id && action.equals(act);
        }

        /** The message key of the problem with {@code field} of that form, or null. */
        public String on(long id, String act, String field) {
            return at(id, act) ? errors.get(field) : null;
        }
    }
}
