package org.jifen.rulebook;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The rules of a program as one document: in force from {@code effectiveFrom}, until {@code validUntil} if set
 * (LG-20), with days counted in {@code timeZone}.
 *
 * @param itemNames what people call the items that rules name by code, such as certificates ({@code
 *     general-knowledge}: 通用知识), in the document's order: imports accept the names as well as the codes. Labels
 *     only: they change no judgement.
 */
public record Rulebook(
        String name,
        ZoneId timeZone,
        Instant effectiveFrom,
        Instant validUntil,
        List<PointsRule> rules,
        Map<String, String> itemNames) {

    public Rulebook {
        rules = List.copyOf(rules);
        itemNames = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(itemNames));
    }

    /** A rulebook without item names. */
    public Rulebook(String name, ZoneId timeZone, Instant effectiveFrom, Instant validUntil, List<PointsRule> rules) {
        this(name, timeZone, effectiveFrom, validUntil, rules, Map.of());
    }

    /** True when events at {@code at} are judged by this rulebook's validity window. */
    public boolean validAt(Instant at) {
        return !at.isBefore(effectiveFrom) && (validUntil == null || at.isBefore(validUntil));
    }

    public List<PointsRule> rulesFor(String action) {
        var of = new java.util.ArrayList<PointsRule>(2); // asked for every event judged: a loop, not a stream
        for (var r : rules) {
            if (r.action().equals(action)) {
                of.add(r);
            }
        }
        return of;
    }

    public Optional<PointsRule> rule(String id) {
        return rules.stream().filter(r -> r.id().equals(id)).findFirst();
    }
}
