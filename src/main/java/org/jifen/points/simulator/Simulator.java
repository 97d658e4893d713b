package org.jifen.points.simulator;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jifen.points.domain.EventInput;
import org.jifen.points.domain.InMemoryTally;
import org.jifen.points.domain.Judgement;
import org.jifen.points.domain.PointsEngine;
import org.jifen.rulebook.Rulebook;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs events through the engine in memory, without a database, so that an operator sees what a rulebook (or a
 * change to it) would do before activating it. Same rules as the platform: the same event id counts once and
 * answers the same outcome; bad lines are rejected one by one.
 */
public final class Simulator {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Rulebook rulebook;
    private final Map<String, InMemoryTally> tallies = new HashMap<>();
    private final Map<String, long[]> balances = new TreeMap<>();
    private final Map<String, Map<String, Object>> seen = new HashMap<>();
    private final List<Map<String, Object>> outcomes = new ArrayList<>();

    public Simulator(Rulebook rulebook) {
        this.rulebook = rulebook;
    }

    /** Judges one input line (a JSON object); blank lines are skipped. */
    @SuppressWarnings("unchecked")
    public void accept(String line, int lineNumber) {
        if (line.isBlank()) {
            return;
        }
        Map<String, Object> raw;
        try {
            raw = JSON.readValue(line, Map.class);
        } catch (JacksonException | ClassCastException e) {
            outcomes.add(outcome("line " + lineNumber, 0, "malformed-event"));
            return;
        }
        var read = EventInput.read(raw);
        if (!read.ok()) {
            outcomes.add(outcome(read.id() == null ? "line " + lineNumber : read.id(), 0, read.rejection()));
            return;
        }
        var event = read.event();
        var earlier = seen.get(event.id());
        if (earlier != null) {
            outcomes.add(earlier);
            return;
        }
        var tally = tallies.computeIfAbsent(event.user(), u -> new InMemoryTally());
        Judgement judgement = PointsEngine.judge(rulebook, event, tally, false);
        tally.apply(judgement);
        var balance = balances.computeIfAbsent(event.user(), u -> new long[2]);
        balance[0] += judgement.points();
        balance[1] += judgement.points();
        var outcome = outcome(
                event.id(),
                judgement.points(),
                judgement.reason() == null ? null : judgement.reason().code());
        seen.put(event.id(), outcome);
        outcomes.add(outcome);
    }

    /** {@code {"users": {"u": {"lifetime": n, "redeemable": n}}, "outcomes": [{"id", "points", "reason"}]}}. */
    public String result() {
        var users = new LinkedHashMap<String, Object>();
        balances.forEach((user, b) -> {
            var balance = new LinkedHashMap<String, Object>();
            balance.put("lifetime", b[0]);
            balance.put("redeemable", b[1]);
            users.put(user, balance);
        });
        var out = new LinkedHashMap<String, Object>();
        out.put("users", users);
        out.put("outcomes", outcomes);
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(out);
    }

    private static Map<String, Object> outcome(String id, int points, String reason) {
        var m = new LinkedHashMap<String, Object>();
        m.put("id", id);
        m.put("points", points);
        m.put("reason", reason);
        return m;
    }
}
