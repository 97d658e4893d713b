package org.jifen.rulebook;

import java.util.List;
import java.util.Optional;

/**
 * One points rule of a rulebook.
 *
 * @param id stable id, recorded on every ledger entry the rule produces
 * @param action the learning action it rewards ({@code article-read})
 * @param title what learners see ("阅读文章")
 * @param clause the clause of the source document it implements ({@code LG-7.2.3}), or null
 * @param award how many points
 * @param limits caps and repetition limits
 * @param conditions when it applies
 */
public record PointsRule(
        String id,
        String action,
        String title,
        String clause,
        Award award,
        List<Limit> limits,
        List<Condition> conditions) {

    public PointsRule {
        limits = List.copyOf(limits);
        conditions = List.copyOf(conditions);
    }

    public <L extends Limit> Optional<L> limit(Class<L> kind) {
        return limits.stream().filter(kind::isInstance).map(kind::cast).findFirst();
    }
}
