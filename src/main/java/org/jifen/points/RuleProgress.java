package org.jifen.points;

/** Today's progress of one rule for one learner ("阅读文章 10/15"); {@code dailyCap} null when uncapped. */
public record RuleProgress(String ruleId, String title, String action, long earnedToday, Integer dailyCap) {}
