package org.jifen.points;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jifen.points.simulator.SimulateCommand;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

class SimulatorTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int simulate(String rulebook, String events) throws Exception {
        var file = dir.resolve("events.jsonl");
        Files.writeString(file, events);
        return SimulateCommand.run(
                new String[] {"simulate", "--rulebook", rulebook, "--events", file.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> result() {
        return JsonMapper.builder().build().readValue(out.toString(StandardCharsets.UTF_8), Map.class);
    }

    @Test
    @DisplayName("LG-7 the simulator judges events with the Longgang preset in memory and sums each user's points")
    void simulates_the_longgang_rules() throws Exception {
        int exit = simulate("longgang", """
                {"id":"1","user":"u1","action":"login","at":"2026-03-01T08:00:00+08:00"}
                {"id":"2","user":"u1","action":"login","at":"2026-03-01T09:00:00+08:00"}
                {"id":"3","user":"u1","action":"article-read","item":"a1","at":"2026-03-01T09:00:00+08:00"}
                {"id":"3","user":"u1","action":"article-read","item":"a1","at":"2026-03-01T09:00:00+08:00"}
                {"id":"4","user":"u2","action":"video-watch","amount":150,"at":"2026-03-01T09:00:00Z"}
                {"id":"5","user":"u2","action":"quiz-group","attrs":{"correct":2,"total":5},"at":"2026-03-01T09:00:00Z"}
                {"id":"6","user":"u2","action":"video-watch","amount":-5,"at":"2026-03-01T09:00:00Z"}
                {"id":"7","user":"u2","action":"login","at":"yesterday"}
                not json

                """);
        assertThat(exit).isZero();
        var result = result();
        assertThat((Map<String, Object>) result.get("users"))
                .containsEntry("u1", Map.of("lifetime", 10, "redeemable", 10))
                .containsEntry("u2", Map.of("lifetime", 4, "redeemable", 4));
        var outcomes = (List<Map<String, Object>>) result.get("outcomes");
        assertThat(outcomes)
                .extracting(o -> o.get("id") + ":" + o.get("points") + ":" + o.get("reason"))
                .containsExactly(
                        "1:5:null",
                        "2:0:already-today",
                        "3:5:null",
                        "3:5:null",
                        "4:4:null",
                        "5:0:not-eligible",
                        "6:0:negative-amount",
                        "7:0:malformed-time",
                        "line 9:0:malformed-event");
    }

    @Test
    @DisplayName("an invalid rulebook file is refused with every problem and its path")
    void refuses_an_invalid_rulebook() throws Exception {
        var yaml = dir.resolve("bad.yaml");
        Files.writeString(
                yaml,
                "name: x\neffectiveFrom: 2026-01-01T00:00:00+08:00\nrules:\n  - {id: a, action: read, points: 5, dailyCap: 7}\n");
        assertThat(simulate(yaml.toString(), "")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("rules[0].dailyCap: must be a positive multiple of points");
    }

    @Test
    void names_an_unknown_preset() throws Exception {
        assertThat(simulate("atlantis", "")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("no rulebook file or preset named atlantis");
    }
}
