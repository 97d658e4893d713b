package org.jifen.points.ledger;

import org.jifen.points.Outcome;

/**
 * The stored form of an outcome, the JSON that Jackson writes for {@link Outcome} (and reads back), written by hand:
 * it is written once for every judged event inside the group's transaction, where Jackson's general serializer cost
 * a tenth of the writer's CPU (JFR, docs/benchmarks.md).
 */
final class OutcomeJson {

    private OutcomeJson() {}

    static String write(Outcome o) {
        var b = new StringBuilder(96 + 40 * o.rules().size());
        o.appendJson(b, "eventId");
        return b.toString();
    }
}
