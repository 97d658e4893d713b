package org.jifen.content.certificates.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import org.jifen.shared.MobileNumber;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("LG-7.1 checking the rows of an offline certificate file")
class CertificateRulesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 6, 10);

    /** 13712345678 is a member (id 1), 13712345679 has an account outside the program (id 2). */
    private static final CertificateRules.Lookups LOOKUPS = new CertificateRules.Lookups() {
        private final Map<String, Long> ids = Map.of("13712345678", 1L, "13712345679", 2L);

        @Override
        public Optional<Long> account(MobileNumber mobile) {
            return Optional.ofNullable(ids.get(mobile.value()));
        }

        @Override
        public boolean member(long userId) {
            return userId == 1L;
        }

        @Override
        public SortedSet<String> codes() {
            return new TreeSet<>(List.of("general-knowledge", "traffic-safety"));
        }

        @Override
        public Map<String, String> names() {
            // a name for a code the rulebook does not reward here is not accepted
            return Map.of("general-knowledge", "通用知识", "traffic-safety", "交通安全", "ecology", "生态环境");
        }

        @Override
        public LocalDate today() {
            return TODAY;
        }
    };

    @ParameterizedTest(name = "{0} | {1} | {2} → {3} in {4}")
    @DisplayName("LG-7.1 each kind of bad row is reported in its column")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            -           | general-knowledge | 2026-06-01 | certificates.mobile-missing | mobile
            12345       | general-knowledge | 2026-06-01 | certificates.mobile-invalid | mobile
            13712340000 | general-knowledge | 2026-06-01 | certificates.unknown-user   | mobile
            13712345679 | general-knowledge | 2026-06-01 | certificates.not-member     | mobile
            13712345678 | -                 | 2026-06-01 | certificates.code-missing   | certificate
            13712345678 | driving           | 2026-06-01 | certificates.unknown-code   | certificate
            13712345678 | general-knowledge | -          | certificates.date-missing   | date
            13712345678 | general-knowledge | 2026-02-30 | certificates.date-invalid   | date
            13712345678 | general-knowledge | 06/01/2026 | certificates.date-invalid   | date
            13712345678 | general-knowledge | 2026-06-11 | certificates.date-future    | date
            """)
    void reports_a_bad_row(String mobile, String code, String date, String problem, String column) {
        var check = CertificateRules.check(List.of(new CertificateLine(2, mobile, code, date)), LOOKUPS);

        assertThat(check.good()).isEmpty();
        assertThat(check.problems())
                .extracting(RowProblem::row, RowProblem::code, RowProblem::column)
                .containsExactly(tuple(2, problem, column));
    }

    @Test
    @DisplayName("LG-7.1 an unknown code names the valid ones")
    void unknown_code_lists_the_valid_ones() {
        var check = CertificateRules.check(
                List.of(new CertificateLine(3, "13712345678", "Driving", "2026-06-01")), LOOKUPS);

        assertThat(check.problems().getFirst().args())
                .containsExactly("Driving", "general-knowledge/通用知识, traffic-safety/交通安全");
    }

    @ParameterizedTest(name = "\"{0}\" is {1}")
    @DisplayName("LG-7.1 LG-7.2.2 a certificate may be named as the rulebook names it, the way people write it")
    @CsvSource(textBlock = """
            通用知识,              general-knowledge
            《通用知识》,          general-knowledge
            《通用知识》证书,      general-knowledge
            “通用知识”培训证书,   general-knowledge
            交通安全 证书,         traffic-safety
            Traffic-Safety,        traffic-safety
            """)
    void names_are_read_as_codes(String cell, String code) {
        var check = CertificateRules.check(List.of(new CertificateLine(2, "13712345678", cell, "2026-06-01")), LOOKUPS);

        assertThat(check.problems()).isEmpty();
        assertThat(check.good()).extracting(OfflineCertificate::code).containsExactly(code);
    }

    @ParameterizedTest(name = "\"{0}\"")
    @DisplayName("LG-7.1 a name that is not one the rulebook rewards is an unknown certificate")
    @CsvSource(textBlock = """
            生态环境
            证书
            通用
            """)
    void other_names_are_unknown(String cell) {
        var check = CertificateRules.check(List.of(new CertificateLine(2, "13712345678", cell, "2026-06-01")), LOOKUPS);

        assertThat(check.good()).isEmpty();
        assertThat(check.problems()).extracting(RowProblem::code).containsExactly("certificates.unknown-code");
    }

    @Test
    @DisplayName("LG-7.1 a code and its name in one file are the same certificate twice")
    void code_and_name_are_one_certificate() {
        var check = CertificateRules.check(
                List.of(
                        new CertificateLine(2, "13712345678", "general-knowledge", "2026-06-01"),
                        new CertificateLine(3, "13712345678", "《通用知识》证书", "2026-06-02")),
                LOOKUPS);

        assertThat(check.problems())
                .extracting(RowProblem::row, RowProblem::code)
                .containsExactly(tuple(3, "certificates.duplicate"));
    }

    @Test
    @DisplayName("LG-7.1 every problem of every row is reported, and a good row is kept with its account and date")
    void reports_every_problem_and_keeps_good_rows() {
        var check = CertificateRules.check(
                List.of(
                        new CertificateLine(2, "137 1234 5678", " General-Knowledge ", "2026/6/1"),
                        new CertificateLine(3, "bad", "nope", "tomorrow"),
                        new CertificateLine(4, "+86 13712345678", "general-knowledge", "2026-06-02"),
                        new CertificateLine(5, "13712345678", "traffic-safety", "46086")),
                LOOKUPS);

        assertThat(check.problems())
                .extracting(RowProblem::row, RowProblem::code)
                .containsExactly(
                        tuple(3, "certificates.mobile-invalid"),
                        tuple(3, "certificates.unknown-code"),
                        tuple(3, "certificates.date-invalid"),
                        tuple(4, "certificates.duplicate"));
        assertThat(check.problems().get(3).args()).containsExactly(2);
        assertThat(check.good())
                .containsExactly(
                        new OfflineCertificate(2, "13712345678", 1L, "general-knowledge", LocalDate.of(2026, 6, 1)),
                        new OfflineCertificate(5, "13712345678", 1L, "traffic-safety", LocalDate.of(2026, 3, 5)));
        assertThat(check.good().getFirst().eventId()).isEqualTo("offline-certificate:1:general-knowledge");
        assertThat(check.rows()).isEqualTo(4);
    }

    @ParameterizedTest(name = "\"{0}\" is {1}")
    @DisplayName("LG-7.1 dates as people and Excel write them")
    @CsvSource(textBlock = """
            2026-03-05,          2026-03-05
            2026-3-5,            2026-03-05
            2026/03/05,          2026-03-05
            2026.3.5,            2026-03-05
            2026年3月5日,         2026-03-05
            2026-03-05T10:15,    2026-03-05
            46086,               2026-03-05
            """)
    void reads_dates(String text, LocalDate expected) {
        assertThat(CertificateRules.date(text)).contains(expected);
    }

    @Test
    void today_is_not_in_the_future() {
        var check = CertificateRules.check(
                List.of(new CertificateLine(2, "13712345678", "general-knowledge", TODAY.toString())), LOOKUPS);
        assertThat(check.clean()).isTrue();
    }
}
