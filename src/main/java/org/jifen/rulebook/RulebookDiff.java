package org.jifen.rulebook;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * What changed from one rulebook version to the next (LG-18): the document's settings (name, time zone, validity)
 * and the rules, matched by id, with each changed field's old and new value as written in YAML. A field that is
 * absent reads as null ({@code dailyCap: 15 → null} is a cap that was lifted).
 *
 * @param settings changes of name, timeZone, effectiveFrom and validUntil
 * @param added rules of the new version whose id the old one does not have
 * @param removed rules of the old version whose id the new one does not have
 * @param changed rules present in both, with at least one field changed
 */
public record RulebookDiff(
        List<Change> settings, List<PointsRule> added, List<PointsRule> removed, List<RuleChange> changed) {

    /** The order in which a rule's fields are compared and shown, as they are written. */
    public static final List<String> RULE_FIELDS =
            RulebookDocument.RULE_FIELDS.subList(1, RulebookDocument.RULE_FIELDS.size());

    private static final List<String> SETTINGS = List.of("name", "timeZone", "effectiveFrom", "validUntil");

    public RulebookDiff {
        settings = List.copyOf(settings);
        added = List.copyOf(added);
        removed = List.copyOf(removed);
        changed = List.copyOf(changed);
    }

    /** One field's change; {@code before} or {@code after} is null when the field is absent on that side. */
    public record Change(String field, String before, String after) {}

    /** The changed fields of one rule, named by its id and its (new) title. */
    public record RuleChange(String id, String title, List<Change> changes) {
        public RuleChange {
            changes = List.copyOf(changes);
        }
    }

    /** The changes from {@code before} (null: there was no version before) to {@code after}. */
    public static RulebookDiff between(Rulebook before, Rulebook after) {
        var newTree = RulebookDocument.toTree(after);
        if (before == null) {
            return new RulebookDiff(List.of(), after.rules(), List.of(), List.of());
        }
        var oldTree = RulebookDocument.toTree(before);
        var settings = new ArrayList<>(compare(oldTree, newTree, SETTINGS));
        settings.addAll(itemNames(before.itemNames(), after.itemNames()));
        var oldRules = rulesById(oldTree);
        var newRules = rulesById(newTree);
        var added = after.rules().stream()
                .filter(r -> !oldRules.containsKey(r.id()))
                .toList();
        var removed = before.rules().stream()
                .filter(r -> !newRules.containsKey(r.id()))
                .toList();
        var changed = new ArrayList<RuleChange>();
        for (var rule : after.rules()) {
            var old = oldRules.get(rule.id());
            if (old != null) {
                var changes = compare(old, newRules.get(rule.id()), RULE_FIELDS);
                if (!changes.isEmpty()) {
                    changed.add(new RuleChange(rule.id(), rule.title(), changes));
                }
            }
        }
        return new RulebookDiff(settings, added, removed, changed);
    }

    /** Item names added, renamed or removed, one change each, worded "code: name". */
    private static List<Change> itemNames(java.util.Map<String, String> before, java.util.Map<String, String> after) {
        var codes = new java.util.LinkedHashSet<>(before.keySet());
        codes.addAll(after.keySet());
        var changes = new ArrayList<Change>();
        for (var code : codes) {
            var was = before.get(code);
            var is = after.get(code);
            if (!java.util.Objects.equals(was, is)) {
                changes.add(new Change(
                        "items", was == null ? null : code + ": " + was, is == null ? null : code + ": " + is));
            }
        }
        return changes;
    }

    public boolean empty() {
        return settings.isEmpty() && added.isEmpty() && removed.isEmpty() && changed.isEmpty();
    }

    /** The fields of a rule as written, in {@link #RULE_FIELDS} order, absent ones left out. */
    public static List<Change> fieldsOf(PointsRule rule) {
        var tree = rulesById(RulebookDocument.toTree(
                        new Rulebook("", java.time.ZoneOffset.UTC, java.time.Instant.EPOCH, null, List.of(rule))))
                .get(rule.id());
        var out = new ArrayList<Change>();
        for (var field : RULE_FIELDS) {
            if (tree.containsKey(field)) {
                out.add(new Change(field, null, written(tree.get(field))));
            }
        }
        return out;
    }

    /** A value as it reads in YAML's flow style: {@code [a, b]}, {@code {correct: {atLeast: 3}}}. */
    public static String written(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Map<?, ?> m) {
            return m.entrySet().stream()
                    .map(e -> e.getKey() + ": " + written(e.getValue()))
                    .collect(Collectors.joining(", ", "{", "}"));
        }
        if (value instanceof List<?> l) {
            return l.stream().map(RulebookDiff::written).collect(Collectors.joining(", ", "[", "]"));
        }
        return String.valueOf(value);
    }

    private static List<Change> compare(Map<?, ?> before, Map<?, ?> after, List<String> fields) {
        var keys = new LinkedHashSet<>(fields);
        var out = new ArrayList<Change>();
        for (var key : keys) {
            var a = written(before.get(key));
            var b = written(after.get(key));
            if (!Objects.equals(a, b)) {
                out.add(new Change(key, a, b));
            }
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> rulesById(Map<String, Object> tree) {
        var out = new LinkedHashMap<String, Map<String, Object>>();
        for (var rule : (List<Map<String, Object>>) tree.get("rules")) {
            out.put((String) rule.get("id"), rule);
        }
        return out;
    }
}
