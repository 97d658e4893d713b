package org.jifen.shared.web;

import java.util.List;
import java.util.Locale;

/** The platform's languages: Chinese (zh-CN) by default, English when asked for. */
public final class Languages {

    public static final Locale DEFAULT = Locale.SIMPLIFIED_CHINESE;
    private static final List<Locale> OFFERED = List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH);

    private Languages() {}

    /**
     * The language an {@code Accept-Language} header prefers among ours; zh-CN when it names none of them, is absent
     * or cannot be read.
     */
    public static Locale preferred(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return DEFAULT;
        }
        try {
            var best = Locale.lookup(Locale.LanguageRange.parse(acceptLanguage), OFFERED);
            return best == null ? DEFAULT : best;
        } catch (IllegalArgumentException e) {
            return DEFAULT;
        }
    }
}
