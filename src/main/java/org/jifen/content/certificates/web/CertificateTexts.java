package org.jifen.content.certificates.web;

import java.util.List;
import org.jifen.content.certificates.CertificateImportResult;
import org.jifen.content.certificates.domain.RowProblem;
import org.jifen.shared.sheets.CellProblemTexts;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Problem codes, columns and outcome reasons of certificate imports in the reader's language. */
@Component
class CertificateTexts {

    private final MessageSource messages;
    private final CellProblemTexts texts;

    CertificateTexts(MessageSource messages, CellProblemTexts texts) {
        this.messages = messages;
        this.texts = texts;
    }

    String text(String key, Object... args) {
        return texts.text(key, args);
    }

    String problem(String code, Object... args) {
        return texts.problem(code, args);
    }

    List<CellProblemTexts.Line> problems(List<RowProblem> problems) {
        return problems.stream()
                .map(p -> texts.line(p.row(), p.column(), "certificates.column.", p.code(), p.args()))
                .toList();
    }

    List<ResultLine> results(List<CertificateImportResult.RowResult> results) {
        return results.stream()
                .map(r -> new ResultLine(
                        r.row(),
                        r.mobile(),
                        r.certificate(),
                        r.date().toString(),
                        r.points(),
                        r.reason(),
                        r.reason() == null
                                ? text("certificates.reason.awarded")
                                : messages.getMessage(
                                        "certificates.reason." + r.reason(),
                                        null,
                                        r.reason(),
                                        LocaleContextHolder.getLocale())))
                .toList();
    }

    /** One imported row, ready to show or to send; the mobile number is masked. */
    record ResultLine(
            int row, String mobile, String certificate, String date, int points, String reason, String explanation) {}
}
