package org.jifen.content.certificates.web;

import java.util.List;
import org.jifen.content.certificates.CertificateImportResult;
import org.jifen.content.certificates.domain.RowProblem;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Problem codes, columns and outcome reasons of certificate imports in the reader's language. */
@Component
class CertificateTexts {

    private final MessageSource messages;

    CertificateTexts(MessageSource messages) {
        this.messages = messages;
    }

    String text(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }

    String problem(String code, Object... args) {
        return text("problem." + code, args);
    }

    List<ProblemLine> problems(List<RowProblem> problems) {
        return problems.stream()
                .map(p -> new ProblemLine(
                        p.row(),
                        p.column(),
                        text("certificates.column." + p.column()),
                        p.code(),
                        problem(p.code(), p.args().toArray())))
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

    /** One bad cell, ready to show or to send. */
    record ProblemLine(int row, String column, String columnLabel, String code, String message) {}

    /** One imported row, ready to show or to send; the mobile number is masked. */
    record ResultLine(
            int row, String mobile, String certificate, String date, int points, String reason, String explanation) {}
}
