package org.jifen.content.tracking;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.jifen.account.AccountView;
import org.jifen.account.Accounts;
import org.jifen.content.HeartbeatSignals;
import org.jifen.content.tracking.domain.Signal;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The security admin's view of heartbeat signals (LG-13): users with counts per reason over a period, masked, and
 * one user's refused or cut heartbeats.
 */
@Controller
@RequestMapping("/admin/integrity/heartbeats")
@PreAuthorize("hasRole('SECURITY_ADMIN')")
class HeartbeatSignalsController {

    static final List<Integer> PERIODS = List.of(1, 7, 30, 90);
    static final List<String> REASONS = List.of(
            Signal.TIME_BEYOND_WALL_CLOCK,
            Signal.OVERLAPPING_SESSION,
            Signal.IMPOSSIBLE_POSITION,
            Signal.CLIENT_CLOCK_SKEW);

    private final HeartbeatSignals signals;
    private final Accounts accounts;
    private final Clock clock;

    HeartbeatSignalsController(HeartbeatSignals signals, Accounts accounts, Clock clock) {
        this.signals = signals;
        this.accounts = accounts;
        this.clock = clock;
    }

    /** A row of the page: masked person and their counts. */
    record UserRow(long userId, String maskedName, String maskedMobile, HeartbeatSignals.UserSignals signals) {}

    @GetMapping
    String users(@RequestParam(defaultValue = "7") int days, Model model) {
        int period = PERIODS.contains(days) ? days : 7;
        var counts = signals.countsSince(clock.instant().minus(Duration.ofDays(period)), 200);
        var people = accounts.findAll(
                counts.stream().map(HeartbeatSignals.UserSignals::userId).toList());
        model.addAttribute(
                "rows",
                counts.stream()
                        .map(c -> {
                            var a = people.get(c.userId());
                            return new UserRow(
                                    c.userId(),
                                    a == null ? "" : a.maskedName(),
                                    a == null ? "****" : a.maskedMobile(),
                                    c);
                        })
                        .toList());
        model.addAttribute("days", period);
        model.addAttribute("periods", PERIODS);
        model.addAttribute("reasons", REASONS);
        return "content/tracking/heartbeats";
    }

    @GetMapping("/{userId}")
    String user(@PathVariable long userId, @RequestParam(defaultValue = "7") int days, Model model) {
        int period = PERIODS.contains(days) ? days : 7;
        var account = accounts.find(userId);
        model.addAttribute("userId", userId);
        model.addAttribute("maskedName", account.map(AccountView::maskedName).orElse(""));
        model.addAttribute(
                "maskedMobile", account.map(AccountView::maskedMobile).orElse("****"));
        model.addAttribute("entries", signals.of(userId, clock.instant().minus(Duration.ofDays(period)), 500));
        model.addAttribute("days", period);
        model.addAttribute("periods", PERIODS);
        return "content/tracking/heartbeats-user";
    }
}
