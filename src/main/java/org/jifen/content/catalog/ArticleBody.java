package org.jifen.content.catalog;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.owasp.html.Sanitizers;

/**
 * An article's rich text as the server keeps it: sanitized by the OWASP policy (formatting, blocks, links,
 * images, tables, styles; no scripts, no event handlers, no {@code javascript:} URLs), and the length of its text
 * for the reading time.
 */
public final class ArticleBody {

    private static final PolicyFactory POLICY = Sanitizers.FORMATTING
            .and(Sanitizers.BLOCKS)
            .and(Sanitizers.LINKS)
            .and(Sanitizers.IMAGES)
            .and(Sanitizers.TABLES)
            .and(Sanitizers.STYLES)
            .and(new HtmlPolicyBuilder()
                    .allowElements("hr", "figure", "figcaption", "section")
                    .toFactory());
    private static final Pattern BLOCK_TAG = Pattern.compile(
            "</?(p|div|br|hr|li|ul|ol|h[1-6]|table|tr|td|th|blockquote|pre|section|figure|figcaption)\\b[^>]*>",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    private static final Pattern ENTITY =
            Pattern.compile("&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|amp|lt|gt|quot|apos|nbsp);");
    private static final Pattern SPACE = Pattern.compile("[\\s\\u00A0\\u3000]+");

    private ArticleBody() {}

    public static String sanitize(String html) {
        return html == null ? "" : POLICY.sanitize(html);
    }

    /** The number of characters of the body's text: tags stripped, entities decoded, whitespace collapsed. */
    public static int textLength(String html) {
        return text(html).codePointCount(0, text(html).length());
    }

    public static String text(String html) {
        if (html == null) {
            return "";
        }
        // block elements separate words; inline ones (strong, a, span) do not
        var noTags = TAG.matcher(BLOCK_TAG.matcher(html).replaceAll(" ")).replaceAll("");
        var decoded = ENTITY.matcher(noTags).replaceAll(m -> Matcher.quoteReplacement(decode(m.group(1))));
        return SPACE.matcher(decoded).replaceAll(" ").strip();
    }

    private static String decode(String entity) {
        return switch (entity) {
            case "amp" -> "&";
            case "lt" -> "<";
            case "gt" -> ">";
            case "quot" -> "\"";
            case "apos" -> "'";
            case "nbsp" -> " ";
            default -> {
                int code = entity.startsWith("#x")
                        ? Integer.parseInt(entity.substring(2), 16)
                        : Integer.parseInt(entity.substring(1));
                yield Character.isValidCodePoint(code) ? Character.toString(code) : "";
            }
        };
    }
}
