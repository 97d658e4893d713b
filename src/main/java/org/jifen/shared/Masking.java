package org.jifen.shared;

import java.util.regex.Pattern;

/** Partial hiding of personal data for lists, logs, exports and public pages (MASK, LG-11, LG-16). */
public final class Masking {

    private static final Pattern MOBILE_IN_TEXT = Pattern.compile("(?<!\\d)(1[3-9]\\d)\\d{4}(\\d{4})(?!\\d)");

    private Masking() {}

    /** 13812345678 → 138****5678. */
    public static String mobile(String mobile) {
        if (mobile == null || mobile.length() < 7) {
            return "****";
        }
        return mobile.substring(0, 3) + "****" + mobile.substring(mobile.length() - 4);
    }

    /** 张三 → 张*, 张小明 → 张*明, 欧阳小明 → 欧**明. */
    public static String name(String name) {
        if (name == null || name.isBlank()) {
            return "";
        }
        var cps = name.strip().codePoints().toArray();
        if (cps.length == 1) {
            return "*";
        }
        var sb = new StringBuilder().appendCodePoint(cps[0]);
        if (cps.length == 2) {
            return sb.append('*').toString();
        }
        sb.append("*".repeat(cps.length - 2));
        return sb.appendCodePoint(cps[cps.length - 1]).toString();
    }

    /** 110101199003071234 → 110***********1234. */
    public static String idNumber(String id) {
        if (id == null || id.length() < 8) {
            return "****";
        }
        return id.substring(0, 3) + "*".repeat(id.length() - 7) + id.substring(id.length() - 4);
    }

    /** Masks every mainland mobile number found in free text (log messages, error texts). */
    public static String mobilesIn(String text) {
        return text == null ? null : MOBILE_IN_TEXT.matcher(text).replaceAll("$1****$2");
    }
}
