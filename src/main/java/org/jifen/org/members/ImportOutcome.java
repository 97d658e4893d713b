package org.jifen.org.members;

import java.util.List;
import org.jifen.org.members.domain.ImportProblem;

/** What a member import did: the number of members created, or every problem and nothing created. */
public record ImportOutcome(int rows, int imported, List<ImportProblem> problems) {

    public ImportOutcome {
        problems = List.copyOf(problems);
    }

    public boolean succeeded() {
        return problems.isEmpty();
    }
}
