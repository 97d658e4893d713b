package org.jifen.rulebook;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jifen.rulebook.Award.PerAction;
import org.jifen.rulebook.Award.PerMinute;
import org.jifen.rulebook.Condition.AttributeEquals;
import org.jifen.rulebook.Condition.ItemIn;
import org.jifen.rulebook.Condition.ItemNotIn;
import org.jifen.rulebook.Condition.Threshold;
import org.jifen.rulebook.Limit.AtMostPerItem;
import org.jifen.rulebook.Limit.DailyCap;
import org.jifen.rulebook.Limit.FirstOfDay;
import org.jifen.rulebook.Limit.MonthlyCap;
import org.jifen.rulebook.Limit.OncePerItem;
import org.jifen.rulebook.Limit.OneTime;
import org.jifen.rulebook.Limit.WeeklyCap;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * The written form of a rulebook: YAML for people, the same tree as JSON in the database. Reading validates the
 * whole document and reports every problem with its path, not just the first one.
 *
 * <pre>
 * name: 龙岗第一课积分
 * timeZone: Asia/Shanghai
 * effectiveFrom: 2026-01-01T00:00:00+08:00
 * validUntil: 2029-01-01T00:00:00+08:00
 * items:                 # optional: what people call the items rules name by code (imports accept both)
 *   general-knowledge: 通用知识
 * rules:
 *   - id: article-read
 *     action: article-read
 *     title: 阅读文章
 *     clause: LG-7.2.3
 *     points: 5            # or perMinute: 2
 *     dailyCap: 15         # weeklyCap, monthlyCap
 *     oncePerItem: true    # atMostPerItem: 2, firstOfDay: true, oneTime: group
 *     when: {item: [a, b], itemNot: [c], channel: online, correct: {atLeast: 3}}
 * </pre>
 */
public final class RulebookDocument {

    private static final Set<String> TOP_KEYS =
            Set.of("name", "timeZone", "effectiveFrom", "validUntil", "items", "rules");
    /** The keys of a rule, in the order they are written; every key but {@code id} is a field a diff compares. */
    public static final List<String> RULE_FIELDS = List.of(
            "id",
            "action",
            "title",
            "clause",
            "points",
            "perMinute",
            "dailyCap",
            "weeklyCap",
            "monthlyCap",
            "oncePerItem",
            "atMostPerItem",
            "firstOfDay",
            "oneTime",
            "when");

    private static final Set<String> RULE_KEYS = Set.copyOf(RULE_FIELDS);
    private static final String NAME = "[a-z0-9][a-z0-9-]{0,59}";

    private RulebookDocument() {}

    /** The outcome of reading a document: a rulebook when there were no problems. */
    public record Read(Optional<Rulebook> rulebook, List<RulebookProblem> problems) {
        public boolean valid() {
            return problems.isEmpty();
        }
    }

    public static Read fromYaml(String yaml) {
        Object tree;
        try {
            var loading = new LoaderOptions();
            var dumping = new DumperOptions();
            tree = new Yaml(
                            new SafeConstructor(loading),
                            new Representer(dumping),
                            dumping,
                            loading,
                            new NoTimestamps())
                    .load(yaml == null ? "" : yaml);
        } catch (YAMLException e) {
            var line = e.getMessage() == null
                    ? ""
                    : e.getMessage().lines().findFirst().orElse("");
            return new Read(Optional.empty(), List.of(new RulebookProblem("", "yaml", "not valid YAML: " + line)));
        }
        return fromTree(tree);
    }

    /** Reads the tree form (parsed YAML or JSON: maps, lists, strings, numbers, booleans). */
    public static Read fromTree(Object tree) {
        var problems = new Problems();
        if (!(tree instanceof Map<?, ?> top)) {
            problems.add("", "not-a-map", "the document must be a map with name, timeZone, effectiveFrom and rules");
            return new Read(Optional.empty(), problems.list);
        }
        unknownKeys(top, TOP_KEYS, "", problems);
        var name = text(top.get("name"), "name", true, 200, problems);
        ZoneId zone = null;
        var zoneText = text(top.get("timeZone"), "timeZone", false, 60, problems);
        try {
            zone = zoneText == null ? ZoneId.of("Asia/Shanghai") : ZoneId.of(zoneText);
        } catch (DateTimeException e) {
            problems.add("timeZone", "time-zone", "unknown time zone " + zoneText);
        }
        var from = instant(top.get("effectiveFrom"), "effectiveFrom", true, problems);
        var until = instant(top.get("validUntil"), "validUntil", false, problems);
        if (from != null && until != null && !until.isAfter(from)) {
            problems.add("validUntil", "validity", "must be after effectiveFrom");
        }
        var itemNames = itemNames(top.get("items"), problems);
        var rules = new ArrayList<PointsRule>();
        var rawRules = top.get("rules");
        if (!(rawRules instanceof List<?> list) || list.isEmpty()) {
            problems.add("rules", "rules-missing", "must be a non-empty list of rules");
        } else {
            var ids = new HashSet<String>();
            for (int i = 0; i < list.size(); i++) {
                var rule = rule(list.get(i), "rules[" + i + "]", problems);
                if (rule != null) {
                    if (!ids.add(rule.id())) {
                        problems.add("rules[" + i + "].id", "id-duplicate", "id " + rule.id() + " is used twice");
                    }
                    rules.add(rule);
                }
            }
        }
        if (!problems.list.isEmpty()) {
            return new Read(Optional.empty(), problems.list);
        }
        return new Read(Optional.of(new Rulebook(name, zone, from, until, rules, itemNames)), List.of());
    }

    /** {@code items}: a map from item code to the name people use, each name given to one code only. */
    private static Map<String, String> itemNames(Object raw, Problems problems) {
        var names = new LinkedHashMap<String, String>();
        if (raw == null) {
            return names;
        }
        if (!(raw instanceof Map<?, ?> m)) {
            problems.add("items", "not-a-map", "must map item codes to their names");
            return names;
        }
        var codeOf = new HashMap<String, String>();
        for (var e : m.entrySet()) {
            var code = String.valueOf(e.getKey());
            var path = "items." + code;
            var name = text(e.getValue(), path, true, 60, problems);
            if (name == null) {
                continue;
            }
            var earlier = codeOf.putIfAbsent(name, code);
            if (earlier != null) {
                problems.add(path, "name-duplicate", "the name " + name + " is already that of " + earlier);
                continue;
            }
            names.put(code, name);
        }
        return names;
    }

    private static PointsRule rule(Object raw, String path, Problems problems) {
        if (!(raw instanceof Map<?, ?> m)) {
            problems.add(path, "not-a-map", "a rule must be a map");
            return null;
        }
        int before = problems.list.size();
        unknownKeys(m, RULE_KEYS, path, problems);
        var id = text(m.get("id"), path + ".id", true, 60, problems);
        if (id != null && !id.matches(NAME)) {
            problems.add(path + ".id", "name-format", "use lower-case letters, digits and dashes");
        }
        var action = text(m.get("action"), path + ".action", true, 60, problems);
        if (action != null && !action.matches(NAME)) {
            problems.add(path + ".action", "name-format", "use lower-case letters, digits and dashes");
        }
        var title = text(m.get("title"), path + ".title", false, 100, problems);
        var clause = text(m.get("clause"), path + ".clause", false, 30, problems);

        Award award = null;
        var points = positive(m.get("points"), path + ".points", problems);
        var perMinute = positive(m.get("perMinute"), path + ".perMinute", problems);
        if (m.containsKey("points") == m.containsKey("perMinute")) {
            problems.add(path, "award", "needs exactly one of points or perMinute");
        } else if (points != null) {
            award = new PerAction(points);
        } else if (perMinute != null) {
            award = new PerMinute(perMinute);
        }

        var limits = new ArrayList<Limit>();
        cap(m, "dailyCap", path, award, problems).ifPresent(p -> limits.add(new DailyCap(p)));
        cap(m, "weeklyCap", path, award, problems).ifPresent(p -> limits.add(new WeeklyCap(p)));
        cap(m, "monthlyCap", path, award, problems).ifPresent(p -> limits.add(new MonthlyCap(p)));
        boolean perItem = false;
        if (flag(m.get("oncePerItem"), path + ".oncePerItem", problems)) {
            limits.add(new OncePerItem());
            perItem = true;
        }
        if (m.containsKey("atMostPerItem")) {
            var times = positive(m.get("atMostPerItem"), path + ".atMostPerItem", problems);
            if (perItem) {
                problems.add(path + ".atMostPerItem", "conflict", "cannot be combined with oncePerItem");
            } else if (times != null) {
                limits.add(new AtMostPerItem(times));
            }
            perItem = true;
        }
        if (m.containsKey("oneTime")) {
            var group = text(m.get("oneTime"), path + ".oneTime", true, 60, problems);
            if (group != null && !group.matches(NAME)) {
                problems.add(path + ".oneTime", "name-format", "use lower-case letters, digits and dashes");
            } else if (group != null) {
                limits.add(new OneTime(group));
            }
            perItem = true;
        }
        boolean firstOfDay = flag(m.get("firstOfDay"), path + ".firstOfDay", problems);
        if (firstOfDay) {
            limits.add(new FirstOfDay());
        }
        if (award instanceof PerMinute && (perItem || firstOfDay)) {
            problems.add(
                    path + ".perMinute", "conflict", "a per-minute rule cannot limit items or the first of the day");
        }
        var conditions = conditions(m.get("when"), path + ".when", problems);
        if (problems.list.size() > before) {
            return null;
        }
        return new PointsRule(id, action, title == null ? id : title, clause, award, limits, conditions);
    }

    private static List<Condition> conditions(Object raw, String path, Problems problems) {
        if (raw == null) {
            return List.of();
        }
        if (!(raw instanceof Map<?, ?> m)) {
            problems.add(path, "not-a-map", "must be a map of conditions");
            return List.of();
        }
        var out = new ArrayList<Condition>();
        for (var e : m.entrySet()) {
            var key = String.valueOf(e.getKey());
            var p = path + "." + key;
            switch (key) {
                case "item" -> names(e.getValue(), p, problems).ifPresent(s -> out.add(new ItemIn(s)));
                case "itemNot" -> names(e.getValue(), p, problems).ifPresent(s -> out.add(new ItemNotIn(s)));
                default -> {
                    if (e.getValue() instanceof Map<?, ?> t) {
                        if (t.size() != 1 || !t.containsKey("atLeast")) {
                            problems.add(p, "condition", "a threshold is written {atLeast: n}");
                        } else if (t.get("atLeast") instanceof Number n && n.longValue() == n.doubleValue()) {
                            out.add(new Threshold(key, n.longValue()));
                        } else {
                            problems.add(p + ".atLeast", "integer", "must be a whole number");
                        }
                    } else if (e.getValue() instanceof String || e.getValue() instanceof Number) {
                        out.add(new AttributeEquals(key, String.valueOf(e.getValue())));
                    } else {
                        problems.add(p, "condition", "must be a value or {atLeast: n}");
                    }
                }
            }
        }
        return out;
    }

    private static Optional<Set<String>> names(Object raw, String path, Problems problems) {
        Collection<?> values = raw instanceof Collection<?> c ? c : raw == null ? List.of() : List.of(raw);
        if (values.isEmpty()) {
            problems.add(path, "items", "must name at least one item");
            return Optional.empty();
        }
        var out = new LinkedHashSet<String>();
        for (var v : values) {
            if (!(v instanceof String || v instanceof Number)) {
                problems.add(path, "items", "items are plain values");
                return Optional.empty();
            }
            out.add(String.valueOf(v));
        }
        return Optional.of(out);
    }

    private static Optional<Integer> cap(Map<?, ?> m, String key, String path, Award award, Problems problems) {
        if (!m.containsKey(key)) {
            return Optional.empty();
        }
        var cap = positive(m.get(key), path + "." + key, problems);
        if (cap == null) {
            return Optional.empty();
        }
        if (award != null && cap % award.points() != 0) {
            problems.add(
                    path + "." + key,
                    "cap-multiple",
                    "must be a positive multiple of " + (award instanceof PerMinute ? "perMinute" : "points"));
            return Optional.empty();
        }
        return Optional.of(cap);
    }

    private static Integer positive(Object raw, String path, Problems problems) {
        if (raw == null) {
            return null;
        }
        if (raw instanceof Number n
                && n.doubleValue() == Math.rint(n.doubleValue())
                && n.longValue() > 0
                && n.longValue() <= 1_000_000) {
            return n.intValue();
        }
        problems.add(path, "positive", "must be a whole number from 1 to 1000000");
        return null;
    }

    private static boolean flag(Object raw, String path, Problems problems) {
        if (raw == null) {
            return false;
        }
        if (raw instanceof Boolean b) {
            return b;
        }
        problems.add(path, "boolean", "must be true or false");
        return false;
    }

    private static String text(Object raw, String path, boolean required, int max, Problems problems) {
        if (raw == null || (raw instanceof String s && s.isBlank())) {
            if (required) {
                problems.add(path, "required", "is required");
            }
            return null;
        }
        if (!(raw instanceof String || raw instanceof Number)) {
            problems.add(path, "text", "must be text");
            return null;
        }
        var s = String.valueOf(raw).strip();
        if (s.length() > max) {
            problems.add(path, "too-long", "at most " + max + " characters");
            return null;
        }
        return s;
    }

    private static Instant instant(Object raw, String path, boolean required, Problems problems) {
        if (raw == null) {
            if (required) {
                problems.add(path, "required", "is required");
            }
            return null;
        }
        if (raw instanceof java.util.Date d) {
            return d.toInstant();
        }
        try {
            return OffsetDateTime.parse(String.valueOf(raw).strip()).toInstant();
        } catch (DateTimeParseException e) {
            problems.add(path, "instant", "must be an ISO-8601 time with offset, e.g. 2026-01-01T00:00:00+08:00");
            return null;
        }
    }

    private static void unknownKeys(Map<?, ?> m, Set<String> known, String path, Problems problems) {
        for (var key : m.keySet()) {
            if (!known.contains(String.valueOf(key))) {
                problems.add((path.isEmpty() ? "" : path + ".") + key, "unknown-key", "unknown key");
            }
        }
    }

    /** The tree form of a rulebook: what {@link #fromTree} reads back to an equal rulebook. */
    public static Map<String, Object> toTree(Rulebook book) {
        var top = new LinkedHashMap<String, Object>();
        top.put("name", book.name());
        top.put("timeZone", book.timeZone().getId());
        top.put("effectiveFrom", offset(book.effectiveFrom(), book.timeZone()));
        if (book.validUntil() != null) {
            top.put("validUntil", offset(book.validUntil(), book.timeZone()));
        }
        if (!book.itemNames().isEmpty()) {
            top.put("items", new LinkedHashMap<>(book.itemNames()));
        }
        var rules = new ArrayList<Map<String, Object>>();
        for (var r : book.rules()) {
            var m = new LinkedHashMap<String, Object>();
            m.put("id", r.id());
            m.put("action", r.action());
            m.put("title", r.title());
            if (r.clause() != null) {
                m.put("clause", r.clause());
            }
            switch (r.award()) {
                case PerAction a -> m.put("points", a.points());
                case PerMinute a -> m.put("perMinute", a.points());
            }
            for (var l : r.limits()) {
                switch (l) {
                    case DailyCap c -> m.put("dailyCap", c.points());
                    case WeeklyCap c -> m.put("weeklyCap", c.points());
                    case MonthlyCap c -> m.put("monthlyCap", c.points());
                    case OncePerItem o -> m.put("oncePerItem", true);
                    case AtMostPerItem a -> m.put("atMostPerItem", a.times());
                    case FirstOfDay f -> m.put("firstOfDay", true);
                    case OneTime o -> m.put("oneTime", o.group());
                }
            }
            if (!r.conditions().isEmpty()) {
                var when = new LinkedHashMap<String, Object>();
                for (var c : r.conditions()) {
                    switch (c) {
                        case ItemIn i -> when.put("item", new ArrayList<>(i.items()));
                        case ItemNotIn i -> when.put("itemNot", new ArrayList<>(i.items()));
                        case AttributeEquals a -> when.put(a.attribute(), a.value());
                        case Threshold t -> when.put(t.attribute(), Map.of("atLeast", t.atLeast()));
                    }
                }
                m.put("when", when);
            }
            rules.add(m);
        }
        top.put("rules", rules);
        return top;
    }

    public static String toYaml(Rulebook book) {
        var options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setIndent(2);
        options.setIndicatorIndent(0);
        options.setAllowUnicode(true);
        options.setWidth(120);
        return new Yaml(options).dump(toTree(book));
    }

    private static String offset(Instant at, ZoneId zone) {
        return at.atZone(zone).toOffsetDateTime().toString();
    }

    /**
     * Reads times as text, which {@link #instant} parses strictly: YAML's own timestamps are lenient (month 13 rolls
     * over into the next year) and take a time without offset as UTC.
     */
    private static final class NoTimestamps extends Resolver {
        @Override
        public void addImplicitResolver(Tag tag, Pattern regexp, String first, int limit) {
            if (!Tag.TIMESTAMP.equals(tag)) {
                super.addImplicitResolver(tag, regexp, first, limit);
            }
        }
    }

    private static final class Problems {
        final List<RulebookProblem> list = new ArrayList<>();

        void add(String path, String code, String message) {
            list.add(new RulebookProblem(path, code, message));
        }
    }
}
