package org.jifen.org.members.domain;

import java.util.List;

/** The outcome of checking an import: every problem, or (when there are none) every member to create. */
public record ImportCheck(List<ImportedMember> members, List<ImportProblem> problems) {

    public ImportCheck {
        members = List.copyOf(members);
        problems = List.copyOf(problems);
    }

    public boolean clean() {
        return problems.isEmpty();
    }
}
