package org.jifen.rulebook;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.jifen.rulebook.RulebookDiff.Change;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A {@link RulebookDiff} in words, one line per change, from the {@code rulebook} message bundle: "规则“阅读文章”：每日上限
 * 15 → 20". Used for the notice of an activation (LG-18) and the operator's diff page.
 */
@Component
public class DiffWording {

    private final MessageSource messages;

    DiffWording(MessageSource messages) {
        this.messages = messages;
    }

    public List<String> lines(RulebookDiff diff, Locale locale) {
        var lines = new ArrayList<String>();
        for (var c : diff.settings()) {
            lines.add(text("rulebook.diff.setting", locale, field(c.field(), locale), change(c, locale)));
        }
        for (var r : diff.added()) {
            var fields = RulebookDiff.fieldsOf(r).stream()
                    .filter(c -> !c.field().equals("title") && !c.field().equals("clause"))
                    .map(c -> field(c.field(), locale) + " " + value(c.after(), locale))
                    .collect(Collectors.joining(text("rulebook.diff.comma", locale)));
            lines.add(text("rulebook.diff.added", locale, r.title(), fields));
        }
        for (var r : diff.removed()) {
            lines.add(text("rulebook.diff.removed", locale, r.title()));
        }
        for (var r : diff.changed()) {
            var changes = r.changes().stream()
                    .map(c -> field(c.field(), locale) + " " + change(c, locale))
                    .collect(Collectors.joining(text("rulebook.diff.semicolon", locale)));
            lines.add(text("rulebook.diff.changed", locale, r.title(), changes));
        }
        if (lines.isEmpty()) {
            lines.add(text("rulebook.diff.empty", locale));
        }
        return lines;
    }

    /** "15 → 20", with "无"/"none" for an absent value. */
    public String change(Change c, Locale locale) {
        return value(c.before(), locale) + " → " + value(c.after(), locale);
    }

    public String field(String field, Locale locale) {
        return text("rulebook.field." + field, locale);
    }

    private String value(String value, Locale locale) {
        if (value == null) {
            return text("rulebook.diff.none", locale);
        }
        return switch (value) {
            case "true" -> text("rulebook.diff.yes", locale);
            case "false" -> text("rulebook.diff.no", locale);
            default -> value;
        };
    }

    private String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }
}
