package org.jifen.org.members.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jifen.account.Role;
import org.jifen.shared.MobileNumber;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ImportRulesTest {

    private static final long PINGHU = 2;
    private static final long SHANXIA = 3;
    private static final long BUJI = 4;

    /** 平湖 admin: 平湖街道 and 山厦社区 are in scope, 布吉街道 is not; one number is registered already. */
    private static final ImportRules.Lookups LOOKUPS = new ImportRules.Lookups() {
        private final Map<String, Long> orgs = Map.of("龙岗区/平湖街道", PINGHU, "龙岗区/平湖街道/山厦社区", SHANXIA, "龙岗区/布吉街道", BUJI);

        @Override
        public Optional<Long> organization(String path) {
            return Optional.ofNullable(orgs.get(path));
        }

        @Override
        public boolean inScope(long orgId) {
            return Set.of(PINGHU, SHANXIA).contains(orgId);
        }

        @Override
        public boolean registered(MobileNumber mobile) {
            return mobile.value().equals("13800138000");
        }
    };

    @ParameterizedTest(name = "[{index}] {0} | {1} | {2} | {3} | {4} | {5} → {6}:{7}")
    @DisplayName("ORG an import row with one problem is reported in that column with that reason")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            # name      | mobile        | organization          | department | role       | party | column       | code
            -           | 13712345678   | 龙岗区/平湖街道        | -          | -          | -     | name         | import.name-required
            '  '        | 13712345678   | 龙岗区/平湖街道        | -          | -          | -     | name         | import.name-required
            张三        | -             | 龙岗区/平湖街道        | -          | -          | -     | mobile       | import.mobile-required
            张三        | 12345         | 龙岗区/平湖街道        | -          | -          | -     | mobile       | import.mobile-invalid
            张三        | 10012345678   | 龙岗区/平湖街道        | -          | -          | -     | mobile       | import.mobile-invalid
            张三        | 0755-12345678 | 龙岗区/平湖街道        | -          | -          | -     | mobile       | import.mobile-invalid
            张三        | 13800138000   | 龙岗区/平湖街道        | -          | -          | -     | mobile       | import.mobile-registered
            张三        | 13712345678   | -                     | -          | -          | -     | organization | import.org-required
            张三        | 13712345678   | 龙岗区/不存在街道      | -          | -          | -     | organization | import.org-unknown
            张三        | 13712345678   | 龙岗区/布吉街道        | -          | -          | -     | organization | import.org-out-of-scope
            张三        | 13712345678   | 龙岗区/平湖街道        | -          | 管理员      | -     | role         | import.role-unknown
            张三        | 13712345678   | 龙岗区/平湖街道        | -          | system_admin | -   | role         | import.role-unknown
            张三        | 13712345678   | 龙岗区/平湖街道        | -          | -          | 可能   | partyMember  | import.party-member-invalid
            张三        | 13712345678   | 龙岗区/平湖街道        | -          | -          | 2     | partyMember  | import.party-member-invalid
            """)
    void one_bad_cell_is_reported(
            String name,
            String mobile,
            String org,
            String department,
            String role,
            String party,
            String column,
            String code) {
        var check = ImportRules.check(List.of(new ImportRow(7, name, mobile, org, department, role, party)), LOOKUPS);

        assertThat(check.problems())
                .extracting(ImportProblem::row, ImportProblem::column, ImportProblem::code)
                .containsExactly(tuple(7, column, code));
        assertThat(check.members()).isEmpty();
    }

    @ParameterizedTest(name = "[{index}] role {0}, party member {1} → {2}, {3}")
    @DisplayName("ORG accepted role and party-member values")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            # role             | party | granted role      | party member
            -                  | -     | LEARNER           | false
            学员               | 是    | LEARNER           | true
            learner            | 否    | LEARNER           | false
            组织管理员          | yes   | ORG_ADMIN         | true
            ORG_ADMIN          | No    | ORG_ADMIN         | false
            活动运营            | Y     | PROGRAM_OPERATOR  | true
            program_operator   | n     | PROGRAM_OPERATOR  | false
            -                  | 1     | LEARNER           | true
            -                  | 0     | LEARNER           | false
            -                  | TRUE  | LEARNER           | true
            -                  | false | LEARNER           | false
            """)
    void accepted_values(String role, String party, Role granted, boolean partyMember) {
        var check = ImportRules.check(
                List.of(new ImportRow(2, "李四", "137 1234 5678", "龙岗区/平湖街道/山厦社区", "综合组", role, party)), LOOKUPS);

        assertThat(check.problems()).isEmpty();
        assertThat(check.members())
                .containsExactly(new ImportedMember(
                        2,
                        "李四",
                        MobileNumber.parse("13712345678").orElseThrow(),
                        SHANXIA,
                        "综合组",
                        granted,
                        partyMember));
    }

    @Test
    @DisplayName("ORG a name longer than 50 characters and a department longer than 100 are refused")
    void too_long() {
        var check = ImportRules.check(
                List.of(new ImportRow(2, "张".repeat(51), "13712345678", "龙岗区/平湖街道", "部".repeat(101), "", "")), LOOKUPS);

        assertThat(check.problems())
                .extracting(ImportProblem::column, ImportProblem::code)
                .containsExactly(
                        tuple("name", "import.name-too-long"), tuple("department", "import.department-too-long"));
        assertThat(ImportRules.check(
                                List.of(new ImportRow(
                                        2, "张".repeat(50), "13712345678", "龙岗区/平湖街道", "部".repeat(100), "", "")),
                                LOOKUPS)
                        .problems())
                .isEmpty();
    }

    @Test
    @DisplayName("ORG a number repeated in the file is reported on the later rows, naming the first row")
    void duplicates_name_the_first_row() {
        var check = ImportRules.check(
                List.of(
                        new ImportRow(2, "甲", "13712345678", "龙岗区/平湖街道", "", "", ""),
                        new ImportRow(3, "乙", "13712345679", "龙岗区/平湖街道", "", "", ""),
                        new ImportRow(5, "丙", "+86 137-1234-5678", "龙岗区/平湖街道", "", "", ""),
                        new ImportRow(6, "丁", "13712345678", "龙岗区/平湖街道", "", "", "")),
                LOOKUPS);

        assertThat(check.problems())
                .containsExactly(
                        new ImportProblem(5, "mobile", "import.mobile-duplicate", List.of(2)),
                        new ImportProblem(6, "mobile", "import.mobile-duplicate", List.of(2)));
        assertThat(check.members()).as("one bad row: nothing is imported").isEmpty();
    }

    @Test
    @DisplayName("ORG every problem of every row is reported, with the spreadsheet's row numbers")
    void every_problem_of_every_row() {
        var check = ImportRules.check(
                List.of(
                        new ImportRow(2, "", "123", "", "", "boss", "maybe"),
                        new ImportRow(3, "好人", "13712345670", "龙岗区/平湖街道", "", "", ""),
                        new ImportRow(9, "王五", "13800138000", "龙岗区/布吉街道", "", "", "")),
                LOOKUPS);

        assertThat(check.problems())
                .extracting(ImportProblem::row, ImportProblem::code)
                .containsExactly(
                        tuple(2, "import.name-required"),
                        tuple(2, "import.mobile-invalid"),
                        tuple(2, "import.org-required"),
                        tuple(2, "import.role-unknown"),
                        tuple(2, "import.party-member-invalid"),
                        tuple(9, "import.mobile-registered"),
                        tuple(9, "import.org-out-of-scope"));
        assertThat(check.clean()).isFalse();
        assertThat(check.members()).isEmpty();
    }

    @Test
    @DisplayName("ORG a clean file yields every member in file order")
    void clean_file() {
        var check = ImportRules.check(
                List.of(
                        new ImportRow(2, "甲", "13712345678", "龙岗区/平湖街道", "", "组织管理员", "是"),
                        new ImportRow(4, "乙", "13712345679", "龙岗区/平湖街道/山厦社区", "", "", "")),
                LOOKUPS);

        assertThat(check.clean()).isTrue();
        assertThat(check.members()).extracting(ImportedMember::row).containsExactly(2, 4);
    }

    @Test
    void the_common_ancestor_of_lineages_is_their_deepest_shared_organization() {
        assertThat(ImportRules.commonAncestor(List.of(List.of(1L, 2L, 3L), List.of(1L, 2L), List.of(1L, 2L, 5L))))
                .contains(2L);
        assertThat(ImportRules.commonAncestor(List.of(List.of(1L, 2L, 3L)))).contains(3L);
        assertThat(ImportRules.commonAncestor(List.of(List.of(1L, 2L), List.of(7L, 8L))))
                .isEmpty();
        assertThat(ImportRules.commonAncestor(List.of())).isEmpty();
    }
}
