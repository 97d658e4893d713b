package org.jifen.rulebook.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.jifen.account.SignedInUser;
import org.jifen.rulebook.ProgramRulebooks;
import org.jifen.shared.web.Problem;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The notices of a program's rulebook changes (LG-18), for its learners and its operators, newest first, in the
 * reader's language.
 */
@Controller
class NoticeController {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final ProgramRulebooks rulebooks;

    NoticeController(ProgramRulebooks rulebooks) {
        this.rulebooks = rulebooks;
    }

    @GetMapping("/programs/{key}/notices")
    String notices(@PathVariable String key, @AuthenticationPrincipal SignedInUser user, Model model, Locale locale) {
        var program = rulebooks.get(key);
        if (!rulebooks.takesPartOrManages(user, program)) {
            throw Problem.forbidden("rulebook.out-of-scope", key);
        }
        model.addAttribute("program", program);
        model.addAttribute(
                "notices",
                rulebooks.notices(key, locale).stream()
                        .map(n -> new NoticeView(
                                n.version(),
                                n.title(),
                                n.body(),
                                WHEN.format(n.publishedAt().atZone(program.timeZone()))))
                        .toList());
        return "rulebook/notices";
    }

    @ExceptionHandler(Problem.class)
    String problem(Problem p, Model model, HttpServletResponse response) {
        response.setStatus(p.status());
        model.addAttribute("status", p.status());
        return "error";
    }

    record NoticeView(int version, String title, String body, String publishedAt) {}
}
