package org.jifen.points.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jifen.account.Accounts;
import org.jifen.account.SignedInUser;
import org.jifen.audit.AuditLog;
import org.jifen.audit.AuditRecord;
import org.jifen.points.PointsLedger;
import org.jifen.rulebook.Program;
import org.jifen.rulebook.ProgramAccess;
import org.jifen.shared.MobileNumber;
import org.jifen.shared.web.Problem;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A member's points for the program's operator: find by mobile, balances and every entry with its explanation (rule
 * id, title, rulebook version and event id, or staff member and reason), and manual adjustment with a reason. Each
 * view of a member's points is a staff read of personal data and is audited ({@code points.view}, LG-16).
 */
@Controller
@PreAuthorize("hasAnyRole('SYSTEM_ADMIN','PROGRAM_OPERATOR')")
class OperatorPointsController {

    static final int REASON_MAX = 200;

    private final ProgramAccess access;
    private final PointsLedger ledger;
    private final Accounts accounts;
    private final AuditLog audit;
    private final EntryLines lines;

    OperatorPointsController(
            ProgramAccess access, PointsLedger ledger, Accounts accounts, AuditLog audit, EntryLines lines) {
        this.access = access;
        this.ledger = ledger;
        this.accounts = accounts;
        this.audit = audit;
        this.lines = lines;
    }

    @GetMapping("/admin/programs/{key}/users")
    String find(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String key,
            @RequestParam(defaultValue = "") String mobile,
            Model model) {
        var program = access.forOperator(key, user);
        model.addAttribute("program", program);
        model.addAttribute("mobile", mobile);
        if (!mobile.isBlank()) {
            var number = MobileNumber.parse(mobile);
            if (number.isEmpty()) {
                model.addAttribute("mobileError", "points.admin.mobile-invalid");
            } else {
                var found = accounts.findByMobile(number.get()).filter(a -> access.member(program, a.id()));
                if (found.isEmpty()) {
                    model.addAttribute("mobileError", "points.admin.member-not-found");
                } else {
                    var account = found.get();
                    model.addAttribute(
                            "member", new Member(account.id(), account.maskedName(), account.maskedMobile()));
                }
            }
        }
        return "points/admin-find";
    }

    @GetMapping("/admin/programs/{key}/users/{id}")
    String member(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String key,
            @PathVariable long id,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        var program = access.forOperator(key, user);
        show(program, id, Math.max(page, 0), model);
        return "points/admin-member";
    }

    @PostMapping("/admin/programs/{key}/users/{id}/adjustments")
    String adjust(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String key,
            @PathVariable long id,
            @RequestParam(defaultValue = "") String points,
            @RequestParam(defaultValue = "") String reason,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        var program = access.forOperator(key, user);
        memberOrNotFound(program, id);
        var errors = new LinkedHashMap<String, String>();
        long amount = 0;
        try {
            amount = Long.parseLong(points.strip().replace("+", ""));
            if (amount == 0) {
                errors.put("points", "points.admin.points-zero");
            } else if (Math.abs(amount) > 100_000) {
                errors.put("points", "points.admin.points-too-large");
            }
        } catch (NumberFormatException e) {
            errors.put("points", "points.admin.points-invalid");
        }
        var why = reason.strip();
        if (why.isEmpty()) {
            errors.put("reason", "points.admin.reason-required");
        } else if (why.length() > REASON_MAX) {
            errors.put("reason", "points.admin.reason-too-long");
        }
        if (errors.isEmpty()) {
            try {
                var entry = ledger.adjust(program.key(), id, amount, why);
                redirect.addFlashAttribute("adjusted", entry.lifetime());
                return "redirect:/admin/programs/" + program.key() + "/users/" + id;
            } catch (Problem p) {
                if (p.status() != 400 && p.status() != 409) {
                    throw p;
                }
                errors.put(
                        p.errors().isEmpty() ? "points" : p.errors().getFirst().field(), "problem." + p.code());
            }
        }
        response.setStatus(400);
        model.addAttribute("errors", errors);
        model.addAttribute("points", points);
        model.addAttribute("reason", reason);
        show(program, id, 0, model);
        return "points/admin-member";
    }

    @ExceptionHandler(Problem.class)
    String problem(Problem p, Model model, HttpServletResponse response) {
        response.setStatus(p.status());
        model.addAttribute("status", p.status());
        return "error";
    }

    private void show(Program program, long id, int page, Model model) {
        var account = memberOrNotFound(program, id);
        audit.recordNow(AuditRecord.of("points.view", "account", id).change(null, "program=" + program.key()));
        var entries = ledger.entries(program.key(), id, null, null, page);
        model.addAttribute("program", program);
        model.addAttribute("member", new Member(account.id(), account.maskedName(), account.maskedMobile()));
        model.addAttribute("balance", ledger.balance(program.key(), id));
        model.addAttribute("entries", lines.of(program, entries));
        model.addAttribute("page", page);
        model.addAttribute("hasNext", entries.size() >= LearnerPointsController.PAGE_SIZE);
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
    }

    private org.jifen.account.AccountView memberOrNotFound(Program program, long id) {
        return accounts.find(id)
                .filter(a -> access.member(program, a.id()))
                .orElseThrow(() -> Problem.notFound("points.member-not-found", id));
    }

    /** A member as staff see them in lists: masked name and mobile (MASK). */
    public record Member(long id, String name, String mobile) {}
}
