package org.jifen.points.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jifen.account.Accounts;
import org.jifen.account.SignedInUser;
import org.jifen.points.statistics.PointsStatistics;
import org.jifen.rulebook.ProgramAccess;
import org.jifen.rulebook.Rulebooks;
import org.jifen.shared.web.Problem;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import tools.jackson.databind.json.JsonMapper;

/**
 * A program's dashboard: events per day over the last 30 days, points per rule over the same days, and the month's
 * top 10 with masked names and mobiles (MASK). Charts by ECharts from JSON in the page; a table under each chart.
 */
@Controller
@PreAuthorize("hasAnyRole('SYSTEM_ADMIN','PROGRAM_OPERATOR')")
class DashboardController {

    static final int DAYS = 30;

    private final ProgramAccess access;
    private final PointsStatistics statistics;
    private final Rulebooks rulebooks;
    private final Accounts accounts;
    private final Clock clock;
    private final JsonMapper json;

    DashboardController(
            ProgramAccess access,
            PointsStatistics statistics,
            Rulebooks rulebooks,
            Accounts accounts,
            JsonMapper json,
            Clock clock) {
        this.json = json;
        this.access = access;
        this.statistics = statistics;
        this.rulebooks = rulebooks;
        this.accounts = accounts;
        this.clock = clock;
    }

    @GetMapping("/admin/programs/{key}/dashboard")
    String dashboard(@AuthenticationPrincipal SignedInUser user, @PathVariable String key, Model model) {
        var program = access.forOperator(key, user);
        var today = LocalDate.ofInstant(clock.instant(), program.timeZone());
        var from = today.minusDays(DAYS - 1);

        var counted = new LinkedHashMap<LocalDate, Long>();
        for (var day = from; !day.isAfter(today); day = day.plusDays(1)) {
            counted.put(day, 0L);
        }
        statistics.eventsPerDay(program, from, today).forEach(d -> counted.put(d.day(), d.events()));
        var days = counted.entrySet().stream()
                .map(e -> new DayLine(e.getKey().toString(), e.getValue()))
                .toList();

        var titles = new LinkedHashMap<String, String>();
        rulebooks.versions(key).forEach(v -> v.rulebook().rules().forEach(r -> titles.put(r.id(), r.title())));
        rulebooks
                .inForce(key, clock.instant())
                .ifPresent(v -> v.rulebook().rules().forEach(r -> titles.put(r.id(), r.title())));
        var rules = statistics.pointsPerRule(program, from, today).stream()
                .map(r -> new RuleLine(r.ruleId(), titles.getOrDefault(r.ruleId(), r.ruleId()), r.points()))
                .toList();

        var top = statistics.topUsers(program, today.withDayOfMonth(1), today, 10);
        var people = accounts.findAll(
                top.stream().map(PointsStatistics.UserTotal::userId).toList());
        var users = new ArrayList<UserLine>();
        for (int i = 0; i < top.size(); i++) {
            var t = top.get(i);
            var account = people.get(t.userId());
            users.add(new UserLine(
                    i + 1,
                    account == null ? "*" : account.maskedName(),
                    account == null ? "****" : account.maskedMobile(),
                    t.points()));
        }

        model.addAttribute("program", program);
        model.addAttribute("days", days);
        model.addAttribute("rules", rules);
        model.addAttribute("users", users);
        model.addAttribute(
                "chartData",
                json.writeValueAsString(chartData(days, rules, users)).replace("<", "\\u003c"));
        return "points/dashboard";
    }

    private static Map<String, Object> chartData(List<DayLine> days, List<RuleLine> rules, List<UserLine> users) {
        var data = new LinkedHashMap<String, Object>();
        data.put(
                "eventsPerDay",
                Map.of(
                        "labels", days.stream().map(d -> d.day().substring(5)).toList(),
                        "values", days.stream().map(DayLine::events).toList()));
        data.put(
                "pointsPerRule",
                Map.of(
                        "labels", rules.stream().map(RuleLine::title).toList(),
                        "values", rules.stream().map(RuleLine::points).toList()));
        data.put(
                "topUsers",
                Map.of(
                        "labels",
                                users.stream()
                                        .map(u -> u.name() + " " + u.mobile())
                                        .toList(),
                        "values", users.stream().map(UserLine::points).toList()));
        return data;
    }

    @ExceptionHandler(Problem.class)
    String problem(Problem p, Model model, jakarta.servlet.http.HttpServletResponse response) {
        response.setStatus(p.status());
        model.addAttribute("status", p.status());
        return "error";
    }

    public record DayLine(String day, long events) {}

    public record RuleLine(String ruleId, String title, long points) {}

    public record UserLine(int rank, String name, String mobile, long points) {}
}
