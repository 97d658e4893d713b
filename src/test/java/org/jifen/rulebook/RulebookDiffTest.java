package org.jifen.rulebook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.jifen.rulebook.RulebookDiff.Change;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("LG-18 what changed between two rulebook versions")
class RulebookDiffTest {

    private static final String BASE = """
            name: 测试规则
            timeZone: Asia/Shanghai
            effectiveFrom: 2026-01-01T00:00:00+08:00
            validUntil: 2029-01-01T00:00:00+08:00
            rules:
              - id: article-read
                action: article-read
                title: 阅读文章
                points: 5
                dailyCap: 15
                oncePerItem: true
              - id: quiz-group
                action: quiz-group
                title: 答题
                points: 5
                dailyCap: 30
                when: {correct: {atLeast: 3}}
            """;

    private static Rulebook read(String yaml) {
        var read = RulebookDocument.fromYaml(yaml);
        assertThat(read.problems()).isEmpty();
        return read.rulebook().orElseThrow();
    }

    private static Rulebook edited(String from, String to) {
        assertThat(BASE).contains(from);
        return read(BASE.replace(from, to));
    }

    static Stream<Arguments> ruleChanges() {
        return Stream.of(
                Arguments.of(
                        "a raised daily cap",
                        "dailyCap: 15",
                        "dailyCap: 20",
                        "article-read",
                        List.of(new Change("dailyCap", "15", "20"))),
                Arguments.of(
                        "a lifted daily cap",
                        "    dailyCap: 15\n",
                        "",
                        "article-read",
                        List.of(new Change("dailyCap", "15", null))),
                Arguments.of(
                        "points and title at once",
                        "title: 阅读文章\n    points: 5",
                        "title: 阅读好文\n    points: 3",
                        "article-read",
                        List.of(new Change("title", "阅读文章", "阅读好文"), new Change("points", "5", "3"))),
                Arguments.of(
                        "once per item becomes at most twice",
                        "oncePerItem: true",
                        "atMostPerItem: 2",
                        "article-read",
                        List.of(new Change("oncePerItem", "true", null), new Change("atMostPerItem", null, "2"))),
                Arguments.of(
                        "a stricter threshold",
                        "atLeast: 3",
                        "atLeast: 4",
                        "quiz-group",
                        List.of(new Change("when", "{correct: {atLeast: 3}}", "{correct: {atLeast: 4}}"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ruleChanges")
    @DisplayName("LG-18 a changed rule lists each changed field with its old and new value")
    void changed_rule(String example, String from, String to, String ruleId, List<Change> changes) {
        var diff = RulebookDiff.between(read(BASE), edited(from, to));
        assertThat(diff.settings()).isEmpty();
        assertThat(diff.added()).isEmpty();
        assertThat(diff.removed()).isEmpty();
        assertThat(diff.changed()).singleElement().satisfies(c -> {
            assertThat(c.id()).isEqualTo(ruleId);
            assertThat(c.changes()).containsExactlyElementsOf(changes);
        });
    }

    @Test
    @DisplayName("LG-18 the same rulebook has no changes")
    void same_rulebook() {
        assertThat(RulebookDiff.between(read(BASE), read(BASE)).empty()).isTrue();
    }

    @Test
    @DisplayName("LG-20 a new effective date and validity are settings changes, in the rulebook's time zone")
    void new_validity() {
        var after = edited("effectiveFrom: 2026-01-01T00:00:00+08:00", "effectiveFrom: 2026-06-01T00:00:00+08:00");
        var diff = RulebookDiff.between(
                read(BASE), new Rulebook(after.name(), after.timeZone(), after.effectiveFrom(), null, after.rules()));
        assertThat(diff.settings())
                .containsExactly(
                        new Change("effectiveFrom", "2026-01-01T00:00+08:00", "2026-06-01T00:00+08:00"),
                        new Change("validUntil", "2029-01-01T00:00+08:00", null));
        assertThat(diff.changed()).isEmpty();
    }

    @Test
    @DisplayName("LG-18 item names added, renamed or removed are settings changes, one per item")
    void item_names() {
        var before = edited("rules:", "items:\n  a: 甲\n  b: 乙\nrules:");
        var after = edited("rules:", "items:\n  b: 乙二\n  c: 丙\nrules:");
        assertThat(RulebookDiff.between(before, after).settings())
                .containsExactly(
                        new Change("items", "a: 甲", null),
                        new Change("items", "b: 乙", "b: 乙二"),
                        new Change("items", null, "c: 丙"));
        assertThat(RulebookDiff.between(before, before).empty()).isTrue();
    }

    @Test
    @DisplayName("LG-18 rules are matched by id: a new id is added, a missing id removed")
    void added_and_removed() {
        var after = edited(
                "  - id: quiz-group\n    action: quiz-group\n    title: 答题",
                "  - id: share\n    action: share\n    title: 分享");
        var diff = RulebookDiff.between(read(BASE), after);
        assertThat(diff.added()).extracting(PointsRule::id).containsExactly("share");
        assertThat(diff.removed()).extracting(PointsRule::id).containsExactly("quiz-group");
        assertThat(diff.changed()).isEmpty();
    }

    @Test
    @DisplayName("LG-18 the first version has every rule added")
    void first_version() {
        var diff = RulebookDiff.between(null, read(BASE));
        assertThat(diff.added()).extracting(PointsRule::id).containsExactly("article-read", "quiz-group");
        assertThat(diff.removed()).isEmpty();
        assertThat(RulebookDiff.fieldsOf(diff.added().getFirst()))
                .contains(new Change("points", null, "5"), new Change("oncePerItem", null, "true"));
    }
}
