package org.jifen.points.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jifen.account.SignedInUser;
import org.jifen.points.Outcome;
import org.jifen.points.PointsLedger;
import org.jifen.points.RuleProgress;
import org.jifen.points.domain.HistoryPeriod;
import org.jifen.points.domain.LearningEvent;
import org.jifen.points.domain.RuleDescriptions;
import org.jifen.rulebook.PointsRule;
import org.jifen.rulebook.Program;
import org.jifen.rulebook.ProgramAccess;
import org.jifen.rulebook.Rulebooks;
import org.jifen.shared.web.Problem;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The learner's points (LG-6, LG-7): balances, today's progress per rule, the history with the cause of every entry,
 * the rules in plain words; and the demo page that emits learning events until the content and quiz modules do.
 */
@Controller
class LearnerPointsController {

    static final int PAGE_SIZE = 50;

    private final ProgramAccess access;
    private final PointsLedger ledger;
    private final Rulebooks rulebooks;
    private final EntryLines lines;
    private final Clock clock;

    LearnerPointsController(
            ProgramAccess access, PointsLedger ledger, Rulebooks rulebooks, EntryLines lines, Clock clock) {
        this.access = access;
        this.ledger = ledger;
        this.rulebooks = rulebooks;
        this.lines = lines;
        this.clock = clock;
    }

    @GetMapping("/points")
    String programs(@AuthenticationPrincipal SignedInUser user, Model model) {
        var programs = access.programsOf(user.id());
        if (programs.size() == 1) {
            return "redirect:/points/" + programs.getFirst().key();
        }
        model.addAttribute("programs", programs);
        return "points/programs";
    }

    @GetMapping("/points/{key}")
    String program(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String key,
            @RequestParam(defaultValue = "all") String period,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "0") int page,
            Locale locale,
            Model model) {
        var program = access.forLearner(key, user.id());
        var today = LocalDate.ofInstant(clock.instant(), program.timeZone());
        var filter = HistoryPeriod.of(period, today, from, to);
        var entries = ledger.entries(key, user.id(), filter.from(), filter.to(), Math.max(page, 0));
        model.addAttribute("program", program);
        model.addAttribute("balance", ledger.balance(key, user.id()));
        model.addAttribute("progress", progress(ledger.today(key, user.id())));
        model.addAttribute("rules", rules(program, locale));
        model.addAttribute("entries", lines.of(program, entries));
        model.addAttribute("period", filter);
        model.addAttribute("periods", HistoryPeriod.NAMES);
        model.addAttribute("page", Math.max(page, 0));
        model.addAttribute("hasNext", entries.size() >= PAGE_SIZE);
        return "points/learner";
    }

    @GetMapping("/points/{key}/try")
    String tryPage(@AuthenticationPrincipal SignedInUser user, @PathVariable String key, Model model) {
        var program = access.forLearner(key, user.id());
        model.addAttribute("program", program);
        model.addAttribute("actions", tryActions(program));
        return "points/try";
    }

    /** Emits one event of the learner's, as the content and quiz modules will: a fresh id, the injected clock. */
    @PostMapping("/points/{key}/try")
    String emit(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String key,
            @RequestParam String action,
            @RequestParam(required = false) String item,
            @RequestParam(required = false) Long amount,
            @RequestParam(required = false) String channel,
            @RequestParam(required = false) Integer correct,
            @RequestParam(required = false) Integer total,
            @RequestHeader(name = "HX-Request", required = false) String htmx,
            Model model) {
        var program = access.forLearner(key, user.id());
        var attributes = new HashMap<String, String>();
        if (channel != null && !channel.isBlank()) {
            attributes.put("channel", channel.strip());
        }
        if (correct != null) {
            attributes.put("correct", correct.toString());
            attributes.put("total", String.valueOf(total == null ? 5 : total));
        }
        model.addAttribute("program", program);
        if (amount != null && amount < 0) {
            model.addAttribute("error", "points.try.amount-negative");
        } else {
            var event = new LearningEvent(
                    UUID.randomUUID().toString(),
                    String.valueOf(user.id()),
                    action,
                    item == null || item.isBlank() ? null : item.strip(),
                    amount,
                    attributes,
                    clock.instant());
            Outcome outcome = ledger.record(key, event);
            model.addAttribute("outcome", outcome);
        }
        var actions = tryActions(program);
        model.addAttribute("action", action);
        model.addAttribute(
                "actionTitle",
                actions.stream()
                        .filter(a -> a.action().equals(action))
                        .map(TryAction::title)
                        .findFirst()
                        .orElse(action));
        if (htmx != null) {
            return "points/try :: outcome";
        }
        model.addAttribute("actions", actions);
        return "points/try";
    }

    @ExceptionHandler(Problem.class)
    String problem(Problem p, Model model, jakarta.servlet.http.HttpServletResponse response) {
        response.setStatus(p.status());
        model.addAttribute("status", p.status());
        return "error";
    }

    private List<Progress> progress(List<RuleProgress> today) {
        return today.stream().map(Progress::new).toList();
    }

    private List<RuleLine> rules(Program program, Locale locale) {
        var words = RuleDescriptions.in(locale);
        return rulebooks
                .inForce(program.key(), clock.instant())
                .map(v -> v.rulebook().rules().stream()
                        .map(r -> new RuleLine(r.id(), r.action(), r.title(), words.describe(r), r.clause()))
                        .toList())
                .orElse(List.of());
    }

    /** One form per action of the rulebook in force, with the fields that action's events carry. */
    private List<TryAction> tryActions(Program program) {
        var byAction = new LinkedHashMap<String, List<PointsRule>>();
        rulebooks
                .inForce(program.key(), clock.instant())
                .ifPresent(v -> v.rulebook()
                        .rules()
                        .forEach(r -> byAction.computeIfAbsent(r.action(), a -> new ArrayList<>())
                                .add(r)));
        return byAction.entrySet().stream()
                .map(e -> TryAction.of(e.getKey(), e.getValue().getFirst().title()))
                .toList();
    }

    /** Today's progress of one rule: "阅读文章 5/15" with a bar, or just what was earned when uncapped. */
    public record Progress(String ruleId, String title, String action, long earned, Integer cap) {

        Progress(RuleProgress p) {
            this(p.ruleId(), p.title(), p.action(), p.earnedToday(), p.dailyCap());
        }

        public int percent() {
            return cap == null || cap == 0 ? 0 : (int) Math.min(100, earned * 100 / cap);
        }
    }

    /** A rule in plain words, with the clause of the source document it implements. */
    public record RuleLine(String id, String action, String title, String sentence, String clause) {}

    /**
     * One action of the demo page and the fields its events carry.
     *
     * @param item "item" field's kind: {@code article}, {@code video}, {@code certificate}, {@code any} or null
     */
    public record TryAction(String action, String title, String item, boolean seconds, boolean quiz, boolean channel) {

        static TryAction of(String action, String title) {
            return switch (action) {
                case "login", "jobs-visit" -> new TryAction(action, title, null, false, false, false);
                case "article-read", "focus-video-watch", "share" ->
                    new TryAction(action, title, "any", false, false, false);
                case "video-watch" -> new TryAction(action, title, null, true, false, false);
                case "quiz-group" -> new TryAction(action, title, null, false, true, false);
                case "certificate" -> new TryAction(action, title, "certificate", false, false, true);
                default -> new TryAction(action, title, "any", true, false, false);
            };
        }
    }
}
