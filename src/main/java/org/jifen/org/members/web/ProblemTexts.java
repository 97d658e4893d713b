package org.jifen.org.members.web;

import java.util.List;
import org.jifen.org.members.domain.ImportProblem;
import org.jifen.shared.sheets.CellProblemTexts;
import org.springframework.stereotype.Component;

/** Turns problem codes of member imports into the reader's language. */
@Component
class ProblemTexts {

    private final CellProblemTexts texts;

    ProblemTexts(CellProblemTexts texts) {
        this.texts = texts;
    }

    String text(String key, Object... args) {
        return texts.text(key, args);
    }

    String problem(String code, Object... args) {
        return texts.problem(code, args);
    }

    List<CellProblemTexts.Line> rows(List<ImportProblem> problems) {
        return problems.stream()
                .map(p -> texts.line(p.row(), p.column(), "members.column.", p.code(), p.args()))
                .toList();
    }
}
