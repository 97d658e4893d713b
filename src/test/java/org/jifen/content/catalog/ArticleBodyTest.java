package org.jifen.content.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ArticleBodyTest {

    @Test
    @DisplayName("scripts, event handlers and javascript: links are removed from rich text")
    void removes_active_content() {
        var clean = ArticleBody.sanitize("""
                <p>安全<script>alert('x')</script>生产</p>
                <img src="/media/a.png" onerror="alert(1)">
                <a href="javascript:alert(2)">点我</a>
                <div onclick="steal()">x</div><iframe src="https://evil.example"></iframe>""");
        assertThat(clean)
                .doesNotContainIgnoringCase("script")
                .doesNotContainIgnoringCase("onerror")
                .doesNotContainIgnoringCase("onclick")
                .doesNotContainIgnoringCase("javascript:")
                .doesNotContainIgnoringCase("iframe")
                .doesNotContain("alert");
        assertThat(clean).contains("<p>安全生产</p>").contains("点我");
    }

    @Test
    @DisplayName("ordinary formatting, lists, links, images and tables stay")
    void keeps_formatting() {
        var html = "<h2>标题</h2><p><strong>重点</strong> <em>提示</em></p><ul><li>一</li></ul>"
                + "<a href=\"https://www.lg.gov.cn/\">链接</a><img src=\"https://example.org/a.png\" alt=\"图\">"
                + "<table><tbody><tr><td>格</td></tr></tbody></table>";
        var clean = ArticleBody.sanitize(html);
        assertThat(clean)
                .contains("<h2>标题</h2>", "<strong>重点</strong>", "<em>提示</em>", "<li>一</li>", "<td>格</td>")
                .contains("href=\"https://www.lg.gov.cn/\"")
                .contains("src=\"https://example.org/a.png\"");
    }

    @Test
    @DisplayName("the body's length is the characters of its text: tags stripped, entities decoded, spaces collapsed")
    void counts_text_characters() {
        assertThat(ArticleBody.textLength("<p>安全 &amp;  生产</p>\n\n<p>第二段</p>")).isEqualTo("安全 & 生产 第二段".length());
        assertThat(ArticleBody.textLength(ArticleBody.sanitize("<script>1234567890</script>")))
                .isZero();
        assertThat(ArticleBody.textLength("<p>&#x1F600;</p>")).isEqualTo(1);
        assertThat(ArticleBody.text("<p><strong>重</strong>点</p><p>二</p>")).isEqualTo("重点 二");
    }
}
