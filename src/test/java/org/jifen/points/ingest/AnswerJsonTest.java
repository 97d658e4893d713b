package org.jifen.points.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.jifen.points.Outcome;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The ingestion listener writes an answer's JSON directly: the same JSON as the main port's mapper writes (LG-7). */
class AnswerJsonTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    static final List<Outcome> OUTCOMES = List.of(
            new Outcome("e-1", 5, null, List.of(new Outcome.RulePoints("article-read", 5)), 3),
            new Outcome(null, 0, "malformed-event", List.of(), null),
            new Outcome("\"引号\\</script>\n\u0001", 2, "cap-reached", List.of(new Outcome.RulePoints("a\"b", 2)), 1));

    @Test
    void aSingleEventsAnswer() {
        for (var o : OUTCOMES) {
            var answer = new EventIngestion.Answer(true, List.of(o));
            assertThat(JSON.readTree(answer.json())).isEqualTo(JSON.valueToTree(answer.views()));
        }
    }

    @Test
    void aBatchsAnswer() {
        var answer = new EventIngestion.Answer(false, OUTCOMES);
        assertThat(JSON.readTree(answer.json())).isEqualTo(JSON.valueToTree(answer.views()));
        assertThat(JSON.readTree(new EventIngestion.Answer(false, List.of()).json()))
                .isEqualTo(JSON.valueToTree(List.of()));
    }
}
