package org.jifen.content.certificates.domain;

import java.util.Locale;
import java.util.Optional;

/** The columns of a certificate import, recognized by their Chinese or English header. */
public enum CertificateColumn {
    MOBILE("手机号", "mobile"),
    CERTIFICATE("证书", "certificate"),
    DATE("日期", "date");

    private final String chinese;
    private final String english;

    CertificateColumn(String chinese, String english) {
        this.chinese = chinese;
        this.english = english;
    }

    /** The header of the template. */
    public String chinese() {
        return chinese;
    }

    public String english() {
        return english;
    }

    /** The key in problem reports and message keys ({@code certificates.column.mobile}). */
    public String key() {
        return english;
    }

    /** The column a header names, ignoring case, spaces and a required-marker: {@code 手机号*}, {@code Mobile}. */
    public static Optional<CertificateColumn> byHeader(String header) {
        if (header == null) {
            return Optional.empty();
        }
        var normalized =
                header.strip().toLowerCase(Locale.ROOT).replace(" ", "").replace("*", "");
        for (var column : values()) {
            if (normalized.equals(column.chinese) || normalized.equals(column.english)) {
                return Optional.of(column);
            }
        }
        return Optional.empty();
    }
}
