package org.jifen.content.learn;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import org.jifen.points.PointsLedger;
import org.springframework.stereotype.Component;

/** What a learner earned today through the rules of some actions, and how much of each daily cap is left. */
@Component
class TodayProgress {

    private final PointsLedger ledger;

    TodayProgress(PointsLedger ledger) {
        this.ledger = ledger;
    }

    /** One line per action that has a rule in force, in the order asked; rules of one action add up. */
    List<Line> of(String program, long userId, List<String> actions) {
        var byAction = new LinkedHashMap<String, Line>();
        for (var rule : ledger.today(program, userId)) {
            if (!actions.contains(rule.action())) {
                continue;
            }
            byAction.merge(
                    rule.action(),
                    new Line(rule.action(), rule.title(), rule.earnedToday(), rule.dailyCap()),
                    (a, b) -> new Line(
                            a.action(),
                            a.title(),
                            a.earned() + b.earned(),
                            a.cap() == null || b.cap() == null ? null : a.cap() + b.cap()));
        }
        var lines = new ArrayList<Line>();
        for (var action : actions) {
            if (byAction.containsKey(action)) {
                lines.add(byAction.get(action));
            }
        }
        return lines;
    }

    /** "阅读文章 今日 10/15 分，还可得 5 分"; {@code cap} null when the rule has no daily cap. */
    record Line(String action, String title, long earned, Integer cap) {

        public long left() {
            return cap == null ? 0 : Math.max(0, cap - earned);
        }
    }
}
