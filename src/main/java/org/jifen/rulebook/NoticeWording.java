package org.jifen.rulebook;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Locale;
import org.jifen.rulebook.persistence.RulebookRows.StoredVersion;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A notice (LG-18) in words, in a given language, from the facts of the activation it announces: the version
 * activated with its rulebook and the operator's reason, and the active version it was compared with. The one place
 * that words notices: for the text kept when a notice is published (in Chinese) and for every reader (in theirs).
 */
@Component
class NoticeWording {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final MessageSource messages;
    private final DiffWording diff;

    NoticeWording(MessageSource messages, DiffWording diff) {
        this.messages = messages;
        this.diff = diff;
    }

    /**
     * The notice of {@code version}'s activation in {@code locale}.
     *
     * @param previous the active version it was compared with; null for the program's first
     */
    Notice notice(Program program, StoredVersion version, StoredVersion previous, Instant publishedAt, Locale locale) {
        var book = version.rulebook();
        var effective = WHEN.format(book.effectiveFrom().atZone(book.timeZone()));
        var title = text("rulebook.notice.title", locale, program.name(), version.version(), effective);
        var lines = new ArrayList<String>();
        lines.add(
                previous == null
                        ? text("rulebook.notice.first", locale, version.version(), effective)
                        : text("rulebook.notice.intro", locale, version.version(), effective, previous.version()));
        var changes = RulebookDiff.between(previous == null ? null : previous.rulebook(), book);
        for (var line : diff.lines(changes, locale)) {
            lines.add("• " + line);
        }
        if (book.validUntil() != null) {
            lines.add(text(
                    "rulebook.notice.valid-until",
                    locale,
                    WHEN.format(book.validUntil().atZone(book.timeZone()))));
        }
        if (version.activationReason() != null) {
            lines.add(text("rulebook.notice.reason", locale, version.activationReason()));
        }
        return new Notice(
                program.key(),
                version.version(),
                previous == null ? null : previous.version(),
                title,
                lines,
                publishedAt);
    }

    private String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }
}
