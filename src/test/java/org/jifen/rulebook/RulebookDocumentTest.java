package org.jifen.rulebook;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RulebookDocumentTest {

    @Test
    @DisplayName("LG-7 the Longgang preset reads, and writes back to an equal rulebook")
    void preset_round_trips() {
        var book = Presets.load("longgang");
        assertThat(book.rules()).hasSize(10);
        var again = RulebookDocument.fromYaml(RulebookDocument.toYaml(book));
        assertThat(again.problems()).isEmpty();
        assertThat(again.rulebook()).contains(book);
    }

    @Test
    @DisplayName("every problem is reported with its path, not just the first one")
    void reports_every_problem_with_its_path() {
        var read = RulebookDocument.fromYaml("""
                name: 测试
                timeZone: Mars/Base
                effectiveFrom: 2026-01-01T00:00:00+08:00
                validUntil: 2025-01-01T00:00:00+08:00
                colour: red
                rules:
                  - id: a
                    action: read
                    points: 5
                  - id: b
                    action: read
                    points: 5
                    dailyCap: 12
                  - id: a
                    action: Watch!
                    perMinute: 2
                    oncePerItem: true
                  - action: quiz
                    points: 0
                    when: {correct: {atLeast: three}}
                """);
        assertThat(read.valid()).isFalse();
        assertThat(read.problems())
                .extracting(RulebookProblem::text)
                .contains(
                        "timeZone: unknown time zone Mars/Base",
                        "validUntil: must be after effectiveFrom",
                        "colour: unknown key",
                        "rules[1].dailyCap: must be a positive multiple of points",
                        "rules[2].action: use lower-case letters, digits and dashes",
                        "rules[2].perMinute: a per-minute rule cannot limit items or the first of the day",
                        "rules[3].id: is required",
                        "rules[3].points: must be a whole number from 1 to 1000000",
                        "rules[3].when.correct.atLeast: must be a whole number");
    }

    @Test
    @DisplayName("LG-7.2.2 the preset names its certificates as the seed does, in the document's order")
    void preset_names_its_certificates() {
        var names = Presets.load("longgang").itemNames();
        assertThat(names).hasSize(12).containsEntry("general-knowledge", "通用知识");
        assertThat(names.values()).startsWith("通用知识", "工业企业").endsWith("防疫篇一", "防疫篇二");
    }

    @Test
    @DisplayName("item names: a map of code to a name, each name given to one code; every problem with its path")
    void reports_bad_item_names() {
        var read = RulebookDocument.fromYaml("""
                name: x
                effectiveFrom: 2026-01-01T00:00:00+08:00
                items:
                  a: 甲
                  b: 甲
                  c: " "
                rules:
                  - {id: r, action: read, points: 5}
                """);
        assertThat(read.problems())
                .extracting(RulebookProblem::text)
                .containsExactly("items.b: the name 甲 is already that of a", "items.c: is required");
        assertThat(RulebookDocument.fromYaml("""
                        name: x
                        effectiveFrom: 2026-01-01T00:00:00+08:00
                        items: [a, b]
                        rules:
                          - {id: r, action: read, points: 5}
                        """).problems())
                .extracting(RulebookProblem::text)
                .containsExactly("items: must map item codes to their names");
    }

    @Test
    void reports_duplicate_rule_ids() {
        var read = RulebookDocument.fromYaml("""
                name: x
                effectiveFrom: 2026-01-01T00:00:00+08:00
                rules:
                  - {id: a, action: read, points: 5}
                  - {id: a, action: watch, points: 5}
                """);
        assertThat(read.problems())
                .extracting(RulebookProblem::text)
                .containsExactly("rules[1].id: id a is used twice");
    }

    @Test
    void reports_broken_yaml_and_missing_rules() {
        assertThat(RulebookDocument.fromYaml("name: [unclosed").problems())
                .singleElement()
                .satisfies(p -> assertThat(p.code()).isEqualTo("yaml"));
        assertThat(RulebookDocument.fromYaml("name: x\neffectiveFrom: 2026-01-01T00:00:00+08:00")
                        .problems())
                .extracting(RulebookProblem::text)
                .containsExactly("rules: must be a non-empty list of rules");
    }
}
