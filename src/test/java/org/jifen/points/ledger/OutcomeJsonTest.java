package org.jifen.points.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.jifen.points.Outcome;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.json.JsonMapper;

/**
 * The stored form of an outcome reads back to the same outcome (LG-7: a retried id answers what it answered the first
 * time), and the answer's hand-written JSON is what Jackson writes.
 */
class OutcomeJsonTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    static List<Outcome> outcomes() {
        return List.of(
                new Outcome("e-1", 5, null, List.of(new Outcome.RulePoints("article-read", 5)), 3),
                new Outcome("e-2", 0, "cap-reached", List.of(new Outcome.RulePoints("article-read", 0)), 1),
                new Outcome("e-3", 0, "unknown-user", List.of(), null),
                new Outcome("阅读-\u007f-/-é", 1, "\u001f", List.of(new Outcome.RulePoints("rule\\", 1)), 2),
                new Outcome(
                        "引号\"反斜杠\\换行\n制表\t\u0001 emoji \uD83D\uDE00 </script>",
                        7,
                        "x\"y",
                        List.of(new Outcome.RulePoints("a\"b", 2), new Outcome.RulePoints("c", 5)),
                        12));
    }

    @ParameterizedTest
    @MethodSource("outcomes")
    void storedReadsBackTheSame(Outcome outcome) {
        var stored = JdbcPointsLedger.stored(outcome);
        assertThat(stored).doesNotContain("\"e-");
        assertThat(JdbcPointsLedger.restored(JSON, outcome.eventId(), stored)).isEqualTo(outcome);
    }

    @ParameterizedTest
    @MethodSource("outcomes")
    void answerIsWhatJacksonWrites(Outcome outcome) {
        var b = new StringBuilder();
        outcome.appendJson(b, "eventId");
        assertThat(JSON.readTree(b.toString())).isEqualTo(JSON.readTree(JSON.writeValueAsString(outcome)));
        assertThat(JSON.readValue(b.toString(), Outcome.class)).isEqualTo(outcome);
    }
}
