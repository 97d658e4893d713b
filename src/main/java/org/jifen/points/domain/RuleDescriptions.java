package org.jifen.points.domain;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.SequencedSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.jifen.rulebook.Award;
import org.jifen.rulebook.Condition;
import org.jifen.rulebook.Limit;
import org.jifen.rulebook.PointsRule;

/**
 * Each points rule in plain words, generated from the rulebook rather than written by hand, so that what learners
 * read is what the engine does: "每阅读一篇文章积 5 分，每日上限 15 分，同一篇文章只积一次".
 *
 * <p>The words come from the {@code i18n/points} bundle (zh-CN default, English): per action a subject
 * ({@code points.action.<action>.each}, {@code .verb}, {@code .name}, {@code .item}), per item and attribute a label,
 * and one pattern per rule kind. An action the bundle does not know is described through the rule's title, so a new
 * program's rulebook never needs code here.
 */
public final class RuleDescriptions {

    private static final String BUNDLE = "i18n/points";

    private final ResourceBundle words;
    private final Locale locale;

    private RuleDescriptions(ResourceBundle words, Locale locale) {
        this.words = words;
        this.locale = locale;
    }

    /**
     * The descriptions in {@code locale}'s language; the default bundle (Chinese) for every language without its own,
     * never the machine's default language.
     */
    public static RuleDescriptions in(Locale locale) {
        var bundle = ResourceBundle.getBundle(
                BUNDLE, locale, ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        return new RuleDescriptions(bundle, locale);
    }

    /** The rule as one sentence. */
    public String describe(PointsRule rule) {
        var used = new ArrayList<Object>();
        var subject = subject(rule, used);
        var award = switch (rule.award()) {
            case Award.PerAction a -> format("points.rule.per-action", subject, a.points());
            case Award.PerMinute m -> format("points.rule.per-minute", subject, m.points());
        };
        var clauses = new ArrayList<String>();
        clauses.add(award);
        for (var limit : rule.limits()) {
            if (!used.contains(limit)) {
                clauses.add(limit(rule, limit));
            }
        }
        return String.join(text("points.rule.separator"), clauses);
    }

    /** Who does what: "每阅读一篇文章", "每日首次登录", "《通用知识》证书（线下）", "答题每组答对 3 题及以上". */
    private String subject(PointsRule rule, List<Object> used) {
        var itemIn = condition(rule, Condition.ItemIn.class);
        var threshold = condition(rule, Condition.Threshold.class);
        var firstOfDay = rule.limit(Limit.FirstOfDay.class);
        String subject;
        if (itemIn != null) {
            used.add(itemIn);
            var pattern = itemIn.items().size() > 1 ? "points.rule.subject.each-of" : "points.rule.subject.items";
            subject = format(pattern, items(itemIn.items()), action(rule, "item"));
        } else if (rule.award() instanceof Award.PerMinute) {
            subject = action(rule, "verb");
        } else if (firstOfDay.isPresent()) {
            used.add(firstOfDay.get());
            subject = format("points.rule.subject.first-of-day", action(rule, "verb"));
        } else if (threshold != null) {
            used.add(threshold);
            subject = format("points.rule.subject.threshold", action(rule, "name"), threshold(threshold));
        } else {
            subject = action(rule, "each");
        }
        var qualifiers = new StringBuilder();
        for (var condition : rule.conditions()) {
            if (used.contains(condition)) {
                continue;
            }
            qualifiers.append(
                    switch (condition) {
                        case Condition.AttributeEquals a -> attribute(a);
                        case Condition.ItemNotIn n -> format("points.condition.item-not-in", items(n.items()));
                        case Condition.Threshold t -> format("points.condition.qualifier", threshold(t));
                        case Condition.ItemIn i -> format("points.condition.item-in", items(i.items()));
                    });
        }
        return format("points.rule.subject.qualified", subject, qualifiers.toString());
    }

    private String limit(PointsRule rule, Limit limit) {
        return switch (limit) {
            case Limit.DailyCap c -> format("points.limit.daily-cap", c.points());
            case Limit.WeeklyCap c -> format("points.limit.weekly-cap", c.points());
            case Limit.MonthlyCap c -> format("points.limit.monthly-cap", c.points());
            case Limit.OncePerItem o -> format("points.limit.once-per-item", action(rule, "item"));
            case Limit.AtMostPerItem a -> format("points.limit.at-most-per-item", action(rule, "item"), a.times());
            case Limit.FirstOfDay f -> text("points.limit.first-of-day");
            case Limit.OneTime o -> text("points.limit.one-time");
        };
    }

    /**
     * "《通用知识》", several joined: "《工业企业》、《交通安全》", in the rulebook's order (sorted when the set has none).
     * Unknown items show their code.
     */
    private String items(Set<String> items) {
        var ordered = items instanceof SequencedSet<String> sequenced ? sequenced : new TreeSet<>(items);
        return ordered.stream()
                .map(i -> optional("points.item." + i, i))
                .collect(Collectors.joining(text("points.list")));
    }

    private String attribute(Condition.AttributeEquals a) {
        return optional(
                "points.condition.attribute." + a.attribute() + "." + a.value(),
                format("points.condition.attribute", a.attribute(), a.value()));
    }

    private String threshold(Condition.Threshold t) {
        var key = "points.condition.threshold." + t.attribute();
        return has(key) ? format(key, t.atLeast()) : format("points.condition.threshold", t.attribute(), t.atLeast());
    }

    /**
     * A phrase of the rule's action ({@code each}, {@code verb}, {@code name}, {@code item}); for an action the
     * bundle does not know, the generic phrase built from the rule's title.
     */
    private String action(PointsRule rule, String form) {
        var key = "points.action." + rule.action() + "." + form;
        return has(key) ? text(key) : format("points.action.other." + form, rule.title());
    }

    private static <C extends Condition> C condition(PointsRule rule, Class<C> kind) {
        return rule.conditions().stream()
                .filter(kind::isInstance)
                .map(kind::cast)
                .findFirst()
                .orElse(null);
    }

    private boolean has(String key) {
        return words.containsKey(key);
    }

    private String text(String key) {
        return words.getString(key);
    }

    private String optional(String key, String otherwise) {
        return has(key) ? text(key) : otherwise;
    }

    private String format(String key, Object... args) {
        try {
            return new MessageFormat(text(key), locale).format(args);
        } catch (MissingResourceException e) {
            throw new IllegalStateException("i18n/points lacks " + key, e);
        }
    }
}
