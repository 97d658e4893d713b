package org.jifen.rulebook;

/** A one-rule rulebook for tests of versions and notices: article reads of 5 points under a daily cap. */
final class ArticleRulebook {

    private ArticleRulebook() {}

    /** In force from {@code from}, until {@code until} when not null, with {@code oncePerItem} when asked. */
    static String yaml(String from, String until, int articleCap, boolean oncePerItem) {
        return """
                name: 测试规则
                timeZone: Asia/Shanghai
                effectiveFrom: %s
                %s
                rules:
                  - id: article-read
                    action: article-read
                    title: 阅读文章
                    points: 5
                    dailyCap: %d
                %s""".formatted(
                        from,
                        until == null ? "" : "validUntil: " + until,
                        articleCap,
                        oncePerItem ? "    oncePerItem: true\n" : "");
    }
}
