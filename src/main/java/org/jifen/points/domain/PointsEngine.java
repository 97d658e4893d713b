package org.jifen.points.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jifen.rulebook.Award;
import org.jifen.rulebook.Limit;
import org.jifen.rulebook.Limit.AtMostPerItem;
import org.jifen.rulebook.Limit.DailyCap;
import org.jifen.rulebook.Limit.FirstOfDay;
import org.jifen.rulebook.Limit.MonthlyCap;
import org.jifen.rulebook.Limit.OncePerItem;
import org.jifen.rulebook.Limit.OneTime;
import org.jifen.rulebook.Limit.WeeklyCap;
import org.jifen.rulebook.PointsRule;
import org.jifen.rulebook.Rulebook;

/**
 * Judges one event by the rulebook in force at its time, against the user's tally. Pure: the caller stores the
 * judgement and updates the tally, atomically per user.
 */
public final class PointsEngine {

    private PointsEngine() {}

    public static Judgement judge(Rulebook book, LearningEvent event, Tally tally, boolean blacklisted) {
        var day = event.at().atZone(book.timeZone()).toLocalDate();
        if (!book.validAt(event.at())) {
            return Judgement.none(day, Reason.OUTSIDE_VALIDITY);
        }
        if (blacklisted) {
            return Judgement.none(day, Reason.BLACKLISTED);
        }
        var rules = book.rulesFor(event.action());
        if (rules.isEmpty()) {
            return Judgement.none(day, Reason.UNKNOWN_ACTION);
        }
        var awards = new ArrayList<RuleAward>();
        for (var rule : rules) {
            if (rule.conditions().stream().allMatch(c -> c.holds(event.item(), event.attributes()))) {
                awards.add(apply(rule, event, day, tally));
            }
        }
        if (awards.isEmpty()) {
            return Judgement.none(day, Reason.NOT_ELIGIBLE);
        }
        return new Judgement(day, awards, reasonOf(awards));
    }

    private static Reason reasonOf(List<RuleAward> awards) {
        // the reason of the first rule that fell short names the outcome
        for (var a : awards) {
            if (a.reason() != null) {
                return a.reason();
            }
        }
        return null;
    }

    private static RuleAward apply(PointsRule rule, LearningEvent event, LocalDate day, Tally tally) {
        var item = event.item();
        var itemKeys = new ArrayList<String>();
        for (Limit limit : rule.limits()) {
            switch (limit) {
                case OncePerItem o -> {
                    if (item != null && tally.itemAwards(rule.id(), item) >= 1) {
                        return nothing(rule, Reason.ALREADY_REWARDED, item);
                    }
                    itemKeys.add(rule.id());
                }
                case AtMostPerItem a -> {
                    if (item != null && tally.itemAwards(rule.id(), item) >= a.times()) {
                        return nothing(rule, Reason.ITEM_LIMIT_REACHED, item);
                    }
                    itemKeys.add(rule.id());
                }
                case OneTime o -> {
                    if (item != null && tally.itemAwards(o.group(), item) >= 1) {
                        return nothing(rule, Reason.ALREADY_REWARDED, item);
                    }
                    itemKeys.add(o.group());
                }
                case FirstOfDay f -> {
                    if (tally.occurrencesOnDay(rule.id(), day) >= 1) {
                        return nothing(rule, Reason.ALREADY_TODAY, item);
                    }
                }
                default -> {}
            }
        }
        if (item == null) {
            itemKeys.clear();
        }
        int full;
        long amount = 0;
        switch (rule.award()) {
            case Award.PerAction a -> full = a.points();
            case Award.PerMinute m -> {
                amount = Math.max(0, event.amount() == null ? 0 : event.amount());
                long before = tally.amountOnDay(rule.id(), day);
                long minutes = (before + amount) / 60 - before / 60;
                full = (int) Math.min(Integer.MAX_VALUE, minutes * m.points());
                if (full == 0) {
                    return new RuleAward(rule.id(), 0, 0, Reason.BELOW_WHOLE_MINUTE, item, List.of(), amount);
                }
            }
        }
        int room = full;
        for (Limit limit : rule.limits()) {
            switch (limit) {
                case DailyCap c -> room = Math.min(room, c.points() - tally.pointsOnDay(rule.id(), day));
                case WeeklyCap c -> room = Math.min(room, c.points() - tally.pointsInWeek(rule.id(), day));
                case MonthlyCap c -> room = Math.min(room, c.points() - tally.pointsInMonth(rule.id(), day));
                default -> {}
            }
        }
        int points = Math.max(0, room);
        if (points == 0) {
            // a capped item is not "used up": reading it again tomorrow may earn
            return new RuleAward(rule.id(), 0, full, Reason.CAP_REACHED, item, List.of(), amount);
        }
        return new RuleAward(
                rule.id(), points, full, points < full ? Reason.CAP_REACHED : null, item, itemKeys, amount);
    }

    private static RuleAward nothing(PointsRule rule, Reason reason, String item) {
        return new RuleAward(rule.id(), 0, 0, reason, item, List.of(), 0);
    }
}
