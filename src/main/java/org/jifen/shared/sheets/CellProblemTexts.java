package org.jifen.shared.sheets;

import java.util.List;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Puts the problems of an imported file's cells into the reader's language, the same way for every import: the
 * problem's message is {@code problem.<code>}, the column's label {@code <columnPrefix><column>}.
 */
@Component
public class CellProblemTexts {

    private final MessageSource messages;

    CellProblemTexts(MessageSource messages) {
        this.messages = messages;
    }

    /** One bad cell, ready to show on a page or send in a problem detail. */
    public record Line(int row, String column, String columnLabel, String code, String message) {}

    /** The message of {@code key} in the request's language, or the key itself when there is none. */
    public String text(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }

    public String problem(String code, Object... args) {
        return text("problem." + code, args);
    }

    public Line line(int row, String column, String columnPrefix, String code, List<?> args) {
        return new Line(row, column, text(columnPrefix + column), code, problem(code, args.toArray()));
    }
}
