package org.jifen.points.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.jifen.rulebook.Award;
import org.jifen.rulebook.Condition;
import org.jifen.rulebook.Limit;
import org.jifen.rulebook.PointsRule;
import org.jifen.rulebook.Presets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The rules in plain words (LG-6: a learner sees how each point is earned; LG-18: what the rulebook says is what
 * learners read). A decision table: one row per rule kind or combination, the Chinese and the English sentence.
 */
class RuleDescriptionsTest {

    private static final RuleDescriptions ZH = RuleDescriptions.in(Locale.SIMPLIFIED_CHINESE);
    private static final RuleDescriptions EN = RuleDescriptions.in(Locale.ENGLISH);

    private static PointsRule rule(String action, Award award, List<Limit> limits, List<Condition> conditions) {
        return new PointsRule("r", action, "自定义动作", null, award, limits, conditions);
    }

    static Stream<Arguments> table() {
        var perAction5 = new Award.PerAction(5);
        return Stream.of(
                Arguments.of(
                        "PerAction + DailyCap + OncePerItem (LG-7.2.3)",
                        rule(
                                "article-read",
                                perAction5,
                                List.of(new Limit.DailyCap(15), new Limit.OncePerItem()),
                                List.of()),
                        "每阅读一篇文章积 5 分，每日上限 15 分，同一篇文章只积一次",
                        "5 points for each article read, at most 15 a day, once per article"),
                Arguments.of(
                        "PerMinute + DailyCap (LG-7.2.4)",
                        rule("video-watch", new Award.PerMinute(2), List.of(new Limit.DailyCap(20)), List.of()),
                        "观看视频累计每满 1 分钟积 2 分，每日上限 20 分",
                        "2 points for every full minute of video watched (accumulated), at most 20 a day"),
                Arguments.of(
                        "ItemIn + AttributeEquals + OneTime (LG-7.1)",
                        rule(
                                "certificate",
                                new Award.PerAction(100),
                                List.of(new Limit.OneTime("general-knowledge")),
                                List.of(
                                        new Condition.ItemIn(Set.of("general-knowledge")),
                                        new Condition.AttributeEquals("channel", "offline"))),
                        "《通用知识》证书（线下）积 100 分，与同组规则只积一次",
                        "100 points for the certificate “General Knowledge” (offline), once only among the rules of its group"),
                Arguments.of(
                        "Threshold + DailyCap (LG-7.2.5)",
                        rule(
                                "quiz-group",
                                perAction5,
                                List.of(new Limit.DailyCap(30)),
                                List.of(new Condition.Threshold("correct", 3))),
                        "答题每组答对 3 题及以上积 5 分，每日上限 30 分",
                        "5 points for each quiz group with at least 3 correct answers, at most 30 a day"),
                Arguments.of(
                        "FirstOfDay (LG-7.2.1)",
                        rule("login", perAction5, List.of(new Limit.FirstOfDay()), List.of()),
                        "每日首次登录积 5 分",
                        "5 points for the first login of the day"),
                Arguments.of(
                        "AtMostPerItem (LG-7.2.4)",
                        rule(
                                "focus-video-watch",
                                new Award.PerAction(50),
                                List.of(new Limit.AtMostPerItem(2)),
                                List.of()),
                        "每观看一次“今日关注”视频积 50 分，同一个视频最多积 2 次",
                        "50 points for each viewing of a Today’s Focus video, at most 2 times per video"),
                Arguments.of(
                        "ItemIn of several items + OncePerItem (LG-7.2.2)",
                        rule(
                                "certificate",
                                new Award.PerAction(50),
                                List.of(new Limit.OncePerItem()),
                                List.of(new Condition.ItemIn(Set.of("traffic-safety", "ecology")))),
                        "《生态环境》、《交通安全》证书每个积 50 分，同一证书只积一次",
                        "50 points for each certificate of “Ecology”, “Traffic Safety”, once per certificate"),
                Arguments.of(
                        "WeeklyCap and MonthlyCap",
                        rule(
                                "share",
                                perAction5,
                                List.of(new Limit.WeeklyCap(20), new Limit.MonthlyCap(60)),
                                List.of()),
                        "每分享一次文章或视频积 5 分，每周上限 20 分，每月上限 60 分",
                        "5 points for each share of an article or video, at most 20 a week, at most 60 a month"),
                Arguments.of(
                        "ItemNotIn and an attribute the bundle does not know",
                        rule(
                                "certificate",
                                new Award.PerAction(1),
                                List.of(),
                                List.of(
                                        new Condition.ItemNotIn(Set.of("general-knowledge")),
                                        new Condition.AttributeEquals("level", "city"))),
                        "每获得一个证书（《通用知识》除外）（level 为 city）积 1 分",
                        "1 point for each certificate obtained (except “General Knowledge”) (level: city)"),
                Arguments.of(
                        "an action the bundle does not know: described through the rule's title",
                        rule("volunteer-hour", new Award.PerAction(3), List.of(new Limit.DailyCap(9)), List.of()),
                        "每次自定义动作积 3 分，每日上限 9 分",
                        "3 points for each 自定义动作, at most 9 a day"),
                Arguments.of(
                        "an unknown threshold attribute, first of day alongside an item condition",
                        rule(
                                "certificate",
                                perAction5,
                                List.of(new Limit.FirstOfDay()),
                                List.of(new Condition.ItemIn(Set.of("x-1")), new Condition.Threshold("score", 60))),
                        "x-1证书（score 达到 60 及以上）积 5 分，每日仅首次积分",
                        "5 points for the certificate x-1 (with score at least 60), only the first of the day"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    @DisplayName("LG-7 every rule kind reads as one sentence, in Chinese and in English")
    void describes(String row, PointsRule rule, String chinese, String english) {
        assertThat(ZH.describe(rule)).isEqualTo(chinese);
        assertThat(EN.describe(rule)).isEqualTo(english);
    }

    @Test
    @DisplayName("LG-7 the Longgang preset reads as its rules say, one sentence per rule")
    void longgang_preset() {
        var rulebook = Presets.load("longgang");
        var sentences = rulebook.rules().stream().map(ZH::describe).toList();
        assertThat(sentences)
                .contains(
                        "每日首次登录积 5 分",
                        "每日首次访问就业模块积 5 分",
                        "《通用知识》证书（线下）积 100 分，与同组规则只积一次",
                        "《通用知识》证书（线上）积 100 分，与同组规则只积一次",
                        "每阅读一篇文章积 5 分，每日上限 15 分，同一篇文章只积一次",
                        "观看视频累计每满 1 分钟积 2 分，每日上限 20 分",
                        "每观看一次“今日关注”视频积 50 分，同一个视频最多积 2 次",
                        "答题每组答对 3 题及以上积 5 分，每日上限 30 分",
                        "每分享一次文章或视频积 5 分，每日上限 10 分");
        assertThat(rulebook.rule("topic-certificate").map(ZH::describe).orElseThrow())
                .startsWith("《工业企业》")
                .contains("《交通安全》", "《防疫篇二》")
                .endsWith("证书每个积 50 分，同一证书只积一次");
    }

    @Test
    @DisplayName("a language without its own bundle reads Chinese, never the machine's default language")
    void other_languages_read_chinese() {
        var rule = rule("login", new Award.PerAction(5), List.of(new Limit.FirstOfDay()), List.of());
        assertThat(RuleDescriptions.in(Locale.FRENCH).describe(rule)).isEqualTo("每日首次登录积 5 分");
        assertThat(RuleDescriptions.in(Locale.forLanguageTag("en-GB")).describe(rule))
                .isEqualTo("5 points for the first login of the day");
    }
}
