package org.jifen.org.members.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jifen.account.Role;
import org.jifen.shared.MobileNumber;

/**
 * The row-by-row checks of a member import (ORG): a pure function of the parsed rows and three lookups, so that
 * every business example is a line of a decision table. Every problem of every row is reported; a file with any
 * problem imports nothing.
 */
public final class ImportRules {

    /** Longest real name an account can hold. */
    public static final int MAX_NAME = 50;
    /** Longest department a membership can hold. */
    public static final int MAX_DEPARTMENT = 100;

    private static final Map<String, Role> ROLES = Map.of(
            "", Role.LEARNER,
            "学员", Role.LEARNER,
            "learner", Role.LEARNER,
            "组织管理员", Role.ORG_ADMIN,
            "org_admin", Role.ORG_ADMIN,
            "活动运营", Role.PROGRAM_OPERATOR,
            "program_operator", Role.PROGRAM_OPERATOR);

    private static final Map<String, Boolean> YES_NO = Map.ofEntries(
            Map.entry("", false),
            Map.entry("是", true),
            Map.entry("否", false),
            Map.entry("yes", true),
            Map.entry("no", false),
            Map.entry("y", true),
            Map.entry("n", false),
            Map.entry("1", true),
            Map.entry("0", false),
            Map.entry("true", true),
            Map.entry("false", false));

    private ImportRules() {}

    /** What the checks need to know of the platform, looked up before they run. */
    public interface Lookups {

        /** The organization a name path such as {@code 龙岗区/平湖街道} names, if any. */
        Optional<Long> organization(String path);

        /** True when the importing admin may manage members of this organization. */
        boolean inScope(long orgId);

        /** True when an account with this number exists already. */
        boolean registered(MobileNumber mobile);
    }

    public static ImportCheck check(List<ImportRow> rows, Lookups lookups) {
        var problems = new ArrayList<ImportProblem>();
        var members = new ArrayList<ImportedMember>();
        var firstRowOf = new HashMap<MobileNumber, Integer>();
        for (var row : rows) {
            int before = problems.size();

            var name = row.name();
            if (name.isEmpty()) {
                problems.add(ImportProblem.of(row, ImportColumn.NAME, "import.name-required"));
            } else if (name.codePointCount(0, name.length()) > MAX_NAME) {
                problems.add(ImportProblem.of(row, ImportColumn.NAME, "import.name-too-long", MAX_NAME));
            }

            var mobile = MobileNumber.parse(row.mobile());
            if (mobile.isEmpty()) {
                problems.add(ImportProblem.of(
                        row,
                        ImportColumn.MOBILE,
                        row.mobile().isEmpty() ? "import.mobile-required" : "import.mobile-invalid"));
            } else {
                var first = firstRowOf.putIfAbsent(mobile.get(), row.row());
                if (first != null) {
                    problems.add(ImportProblem.of(row, ImportColumn.MOBILE, "import.mobile-duplicate", first));
                } else if (lookups.registered(mobile.get())) {
                    problems.add(ImportProblem.of(row, ImportColumn.MOBILE, "import.mobile-registered"));
                }
            }

            Optional<Long> org = Optional.empty();
            if (row.organization().isEmpty()) {
                problems.add(ImportProblem.of(row, ImportColumn.ORGANIZATION, "import.org-required"));
            } else {
                org = lookups.organization(row.organization());
                if (org.isEmpty()) {
                    problems.add(ImportProblem.of(row, ImportColumn.ORGANIZATION, "import.org-unknown"));
                } else if (!lookups.inScope(org.get())) {
                    problems.add(ImportProblem.of(row, ImportColumn.ORGANIZATION, "import.org-out-of-scope"));
                }
            }

            var department = row.department();
            if (department.codePointCount(0, department.length()) > MAX_DEPARTMENT) {
                problems.add(
                        ImportProblem.of(row, ImportColumn.DEPARTMENT, "import.department-too-long", MAX_DEPARTMENT));
            }

            var role = ROLES.get(row.role().toLowerCase(Locale.ROOT));
            if (role == null) {
                problems.add(ImportProblem.of(row, ImportColumn.ROLE, "import.role-unknown"));
            }

            var party = YES_NO.get(row.partyMember().toLowerCase(Locale.ROOT));
            if (party == null) {
                problems.add(ImportProblem.of(row, ImportColumn.PARTY_MEMBER, "import.party-member-invalid"));
            }

            if (problems.size() == before) {
                members.add(new ImportedMember(
                        row.row(),
                        name,
                        mobile.get(),
                        org.get(),
                        department.isEmpty() ? null : department,
                        role,
                        party));
            }
        }
        return new ImportCheck(problems.isEmpty() ? members : List.of(), problems);
    }

    /** The deepest organization on every lineage (ids from a root down), if they share a root. */
    public static Optional<Long> commonAncestor(List<List<Long>> lineages) {
        if (lineages.isEmpty()) {
            return Optional.empty();
        }
        List<Long> common = lineages.getFirst();
        for (var lineage : lineages) {
            int n = 0;
            while (n < common.size() && n < lineage.size() && common.get(n).equals(lineage.get(n))) {
                n++;
            }
            common = common.subList(0, n);
        }
        return common.isEmpty() ? Optional.empty() : Optional.of(common.getLast());
    }
}
