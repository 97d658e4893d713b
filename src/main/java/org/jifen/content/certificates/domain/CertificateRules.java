package org.jifen.content.certificates.domain;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import org.jifen.shared.MobileNumber;

/**
 * Checks every row of a certificate file and reports every problem by row and column (DESIGN principle 5): the
 * mobile number is valid and belongs to a member of the program, the certificate is one the rulebook in force
 * rewards, the date is a real date not after the program's today, and no person has the same certificate twice in
 * the file.
 */
public final class CertificateRules {

    /** The first day of Excel's serial day numbers (serial 1 = 1900-01-01, counting its phantom 1900-02-29). */
    private static final LocalDate EXCEL_EPOCH = LocalDate.of(1899, 12, 30);

    private static final List<DateTimeFormatter> DATES = List.of(
            DateTimeFormatter.ofPattern("uuuu-M-d").withResolverStyle(ResolverStyle.STRICT),
            DateTimeFormatter.ofPattern("uuuu/M/d").withResolverStyle(ResolverStyle.STRICT),
            DateTimeFormatter.ofPattern("uuuu.M.d").withResolverStyle(ResolverStyle.STRICT),
            DateTimeFormatter.ofPattern("uuuu年M月d日").withResolverStyle(ResolverStyle.STRICT));

    private CertificateRules() {}

    /** What the checks need to know about people and the program. */
    public interface Lookups {

        /** The account id of a mobile number, if it has an account. */
        Optional<Long> account(MobileNumber mobile);

        /** True when the account belongs to the program's organization subtree. */
        boolean member(long userId);

        /** The certificate codes the rulebook in force rewards, in order. */
        SortedSet<String> codes();

        /** The names the rulebook gives those certificates, by code (some may have none). */
        Map<String, String> names();

        /** The program's today, in its time zone. */
        LocalDate today();
    }

    /** The good rows and the problems of the bad ones; a row is good when it has no problem. */
    public record Check(List<OfflineCertificate> good, List<RowProblem> problems, int rows) {

        public Check {
            good = List.copyOf(good);
            problems = List.copyOf(problems);
        }

        public boolean clean() {
            return problems.isEmpty();
        }
    }

    public static Check check(List<CertificateLine> lines, Lookups lookups) {
        var good = new ArrayList<OfflineCertificate>();
        var problems = new ArrayList<RowProblem>();
        Map<String, Integer> seen = new HashMap<>();
        var codes = lookups.codes();
        var byName = new HashMap<String, String>();
        lookups.names().forEach((code, name) -> {
            if (codes.contains(code)) {
                byName.put(plainName(name), code);
            }
        });
        var valid = String.join(
                ", ",
                codes.stream()
                        .map(c -> lookups.names().containsKey(c)
                                ? c + "/" + lookups.names().get(c)
                                : c)
                        .toList());
        var today = lookups.today();
        for (var line : lines) {
            var found = new ArrayList<RowProblem>();
            Long userId = null;
            var mobileText = line.mobile() == null ? "" : line.mobile().strip();
            var mobile = MobileNumber.parse(mobileText);
            if (mobileText.isEmpty()) {
                found.add(problem(line, CertificateColumn.MOBILE, "certificates.mobile-missing"));
            } else if (mobile.isEmpty()) {
                found.add(problem(line, CertificateColumn.MOBILE, "certificates.mobile-invalid"));
            } else {
                var account = lookups.account(mobile.get());
                if (account.isEmpty()) {
                    found.add(problem(line, CertificateColumn.MOBILE, "certificates.unknown-user"));
                } else if (!lookups.member(account.get())) {
                    found.add(problem(line, CertificateColumn.MOBILE, "certificates.not-member"));
                } else {
                    userId = account.get();
                }
            }
            var code = code(line.certificate(), codes, byName);
            if (code.isEmpty()) {
                found.add(problem(line, CertificateColumn.CERTIFICATE, "certificates.code-missing"));
            } else if (!codes.contains(code)) {
                found.add(problem(
                        line,
                        CertificateColumn.CERTIFICATE,
                        "certificates.unknown-code",
                        line.certificate().strip(),
                        valid));
            } else if (mobile.isPresent()) {
                var earlier = seen.putIfAbsent(mobile.get().value() + "\n" + code, line.row());
                if (earlier != null) {
                    found.add(problem(line, CertificateColumn.CERTIFICATE, "certificates.duplicate", earlier));
                }
            }
            var dateText = line.date() == null ? "" : line.date().strip();
            var date = date(dateText);
            if (dateText.isEmpty()) {
                found.add(problem(line, CertificateColumn.DATE, "certificates.date-missing"));
            } else if (date.isEmpty()) {
                found.add(problem(line, CertificateColumn.DATE, "certificates.date-invalid", dateText));
            } else if (date.get().isAfter(today)) {
                found.add(problem(
                        line,
                        CertificateColumn.DATE,
                        "certificates.date-future",
                        date.get().toString(),
                        today.toString()));
            }
            if (found.isEmpty()) {
                good.add(new OfflineCertificate(line.row(), mobile.get().value(), userId, code, date.get()));
            } else {
                problems.addAll(found);
            }
        }
        return new Check(good, problems, lines.size());
    }

    /**
     * A date as people type it ({@code 2026-03-05}, {@code 2026/3/5}, {@code 2026.3.5}, {@code 2026年3月5日}), an
     * ISO date-time (its date), or an Excel serial day number such as {@code 46086}.
     */
    public static Optional<LocalDate> date(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        var value = text.strip();
        if (value.matches("\\d{1,6}")) {
            long serial = Long.parseLong(value);
            return serial >= 1 && serial <= 2_958_465 ? Optional.of(EXCEL_EPOCH.plusDays(serial)) : Optional.empty();
        }
        var t = value.indexOf('T');
        if (t < 0) {
            t = value.indexOf(' ');
        }
        if (t > 0) {
            value = value.substring(0, t);
        }
        for (var format : DATES) {
            try {
                return Optional.of(LocalDate.parse(value, format));
            } catch (DateTimeParseException e) {
                // try the next form
            }
        }
        return Optional.empty();
    }

    /**
     * The certificate a cell names: its code (any case), or its name as the rulebook gives it, as people write it
     * ({@code 通用知识}, {@code 《通用知识》证书}, {@code “交通安全”培训证书}); else the cell as typed, in lower case.
     */
    static String code(String cell, SortedSet<String> codes, Map<String, String> codeByPlainName) {
        var typed = cell == null ? "" : cell.strip();
        var lower = typed.toLowerCase(Locale.ROOT);
        if (codes.contains(lower)) {
            return lower;
        }
        return codeByPlainName.getOrDefault(plainName(typed), lower);
    }

    /** A certificate's name without quotes, book-title marks, spaces and a closing "(培训)证书". */
    static String plainName(String name) {
        var plain = name.replaceAll("[\\s《》〈〉“”\"'‘’「」]", "");
        for (var suffix : List.of("培训证书", "证书")) {
            if (plain.endsWith(suffix) && plain.length() > suffix.length()) {
                plain = plain.substring(0, plain.length() - suffix.length());
                break;
            }
        }
        return plain;
    }

    private static RowProblem problem(CertificateLine line, CertificateColumn column, String code, Object... args) {
        return new RowProblem(line.row(), column.key(), code, List.of(args));
    }
}
