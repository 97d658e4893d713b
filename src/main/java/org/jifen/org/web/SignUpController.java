package org.jifen.org.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jifen.account.Accounts;
import org.jifen.org.Memberships;
import org.jifen.org.Organization;
import org.jifen.org.Organizations;
import org.jifen.shared.web.Problem;
import org.jifen.shared.web.Problem.FieldProblem;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A learner signs up with a mainland mobile number, a password, their real name and their organization, picked
 * level by level from the tree. Every problem is shown next to its field and nothing is created.
 */
@Controller
class SignUpController {

    private final Accounts accounts;
    private final Organizations organizations;
    private final Memberships memberships;
    private final TransactionTemplate tx;

    SignUpController(Accounts accounts, Organizations organizations, Memberships memberships, TransactionTemplate tx) {
        this.accounts = accounts;
        this.organizations = organizations;
        this.memberships = memberships;
        this.tx = tx;
    }

    @GetMapping("/signup")
    String form(Model model) {
        model.addAttribute("form", new SignUpForm("", "", List.of()));
        model.addAttribute("errors", new HashMap<String, String>());
        model.addAttribute("levels", levels(List.of()));
        return "org/signup";
    }

    /** The next level of the organization picker (htmx fragment). */
    @GetMapping("/signup/orgs")
    String level(@RequestParam(name = "orgId", required = false) List<Long> chosen, Model model) {
        model.addAttribute("levels", levels(chosen == null ? List.of() : chosen));
        return "org/signup :: picker";
    }

    @PostMapping("/signup")
    String submit(
            @RequestParam(defaultValue = "") String mobile,
            @RequestParam(defaultValue = "") String password,
            @RequestParam(defaultValue = "") String realName,
            @RequestParam(name = "orgId", required = false) List<Long> orgIds,
            Model model) {
        var chosen = orgIds == null
                ? List.<Long>of()
                : orgIds.stream().filter(id -> id != null).toList();
        var problems = new ArrayList<>(accounts.checkSignUp(mobile, password, realName));
        // the picker sends the whole chain from the root; a plain form post may send just the organization
        var picked = deepest(levels(chosen));
        Organization org = picked != null
                ? organizations.find(picked).orElse(null)
                : chosen.isEmpty() ? null : organizations.find(chosen.getLast()).orElse(null);
        if (chosen.isEmpty()) {
            problems.add(new FieldProblem("organization", "org.required"));
        } else if (org == null) {
            problems.add(new FieldProblem("organization", "org.not-found"));
        }
        if (problems.isEmpty()) {
            try {
                var target = org;
                tx.executeWithoutResult(s -> {
                    var signUp = accounts.signUp(mobile, password, realName);
                    memberships.join(signUp.accountId(), target, null, false);
                });
                return "redirect:/login?registered";
            } catch (Problem p) {
                problems.addAll(p.errors());
            }
        }
        Map<String, String> errors = new HashMap<>();
        problems.forEach(p -> errors.putIfAbsent(p.field(), "problem." + p.code()));
        model.addAttribute("form", new SignUpForm(mobile, realName, chosen));
        model.addAttribute("errors", errors);
        model.addAttribute("levels", levels(chosen));
        return "org/signup";
    }

    /**
     * One select per level: the roots, then the children of each chosen organization. The chosen ids are taken as
     * a set (a picker request carries the changed select's value twice), and a choice that does not continue the
     * chain from the root is ignored.
     */
    private List<Level> levels(List<Long> chosen) {
        var wanted = new java.util.HashSet<>(chosen);
        var levels = new ArrayList<Level>();
        List<Organization> options = organizations.roots();
        while (!options.isEmpty()) {
            var pick = options.stream().filter(o -> wanted.contains(o.id())).findFirst();
            levels.add(new Level(options, pick.map(Organization::id).orElse(null)));
            if (pick.isEmpty()) {
                break;
            }
            options = organizations.children(pick.get().id());
        }
        return levels;
    }

    /** The deepest organization chosen in the picker. */
    private static Long deepest(List<Level> levels) {
        return levels.stream()
                .map(Level::selected)
                .filter(id -> id != null)
                .reduce((a, b) -> b)
                .orElse(null);
    }

    record Level(List<Organization> options, Long selected) {}

    record SignUpForm(String mobile, String realName, List<Long> orgIds) {}
}
