package org.jifen.org.members.web;

import java.util.List;
import org.jifen.org.members.domain.ImportProblem;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Turns problem codes into the reader's language. */
@Component
class ProblemTexts {

    private final MessageSource messages;

    ProblemTexts(MessageSource messages) {
        this.messages = messages;
    }

    String text(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }

    String problem(String code, Object... args) {
        return text("problem." + code, args);
    }

    List<RowProblem> rows(List<ImportProblem> problems) {
        return problems.stream()
                .map(p -> new RowProblem(
                        p.row(),
                        p.column(),
                        text("members.column." + p.column()),
                        p.code(),
                        problem(p.code(), p.args().toArray())))
                .toList();
    }

    /** One bad cell, ready to show or to send. */
    record RowProblem(int row, String column, String columnLabel, String code, String message) {}
}
