package org.jifen.account.web;

import org.jifen.account.ApiClients;
import org.jifen.account.SignedInUser;
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

/** The system admin creates and revokes API keys of integrations; a new key is shown once. */
@Controller
@RequestMapping("/admin/api-clients")
@PreAuthorize("hasRole('SYSTEM_ADMIN')")
class ApiClientsController {

    private final ApiClients clients;

    ApiClientsController(ApiClients clients) {
        this.clients = clients;
    }

    @GetMapping
    String page(Model model) {
        model.addAttribute("clients", clients.list());
        return "account/api-clients";
    }

    @PostMapping
    String create(
            @RequestParam(defaultValue = "") String name, @AuthenticationPrincipal SignedInUser user, Model model) {
        try {
            model.addAttribute("created", clients.create(name, user.id()));
        } catch (Problem p) {
            model.addAttribute("problem", "problem." + p.code());
        }
        return page(model);
    }

    @PostMapping("/{id}/revoke")
    String revoke(@PathVariable long id, RedirectAttributes redirect) {
        try {
            clients.revoke(id);
        } catch (Problem p) {
            redirect.addFlashAttribute("problem", "problem." + p.code());
        }
        return "redirect:/admin/api-clients";
    }
}
