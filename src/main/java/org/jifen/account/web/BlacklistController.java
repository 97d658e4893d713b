package org.jifen.account.web;

import org.jifen.account.Blacklist;
import org.jifen.shared.web.Problem;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The security admin's blacklist (LG-14): list, add by mobile number with a reason, lift with a reason. */
@Controller
@RequestMapping("/admin/blacklist")
@PreAuthorize("hasRole('SECURITY_ADMIN')")
class BlacklistController {

    private final Blacklist blacklist;

    BlacklistController(Blacklist blacklist) {
        this.blacklist = blacklist;
    }

    @GetMapping
    String page(Model model) {
        model.addAttribute("entries", blacklist.list());
        return "account/blacklist";
    }

    @PostMapping
    String add(
            @RequestParam(defaultValue = "") String mobile,
            @RequestParam(defaultValue = "") String reason,
            RedirectAttributes redirect) {
        try {
            blacklist.add(mobile, reason);
            redirect.addFlashAttribute("done", "blacklist.added");
        } catch (Problem p) {
            redirect.addFlashAttribute("problem", "problem." + p.code());
        }
        return "redirect:/admin/blacklist";
    }

    @PostMapping("/{userId}/lift")
    String lift(
            @PathVariable long userId, @RequestParam(defaultValue = "") String reason, RedirectAttributes redirect) {
        try {
            blacklist.lift(userId, reason);
            redirect.addFlashAttribute("done", "blacklist.lifted");
        } catch (Problem p) {
            redirect.addFlashAttribute("problem", "problem." + p.code());
        }
        return "redirect:/admin/blacklist";
    }
}
