package org.jifen.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The hand-written check of a presented API key's format accepts exactly what the documented pattern accepts. */
class ApiKeyFormatTest {

    static final Pattern KEY = Pattern.compile("jf_[0-9a-f]{12}_[0-9a-f]{64}");

    @Test
    void agreesWithThePattern() {
        var random = new Random(42);
        var valid = "jf_" + "0123456789ab" + "_" + "0123456789abcdef".repeat(4);
        var keys = new ArrayList<String>();
        keys.add(valid);
        keys.add(valid.toUpperCase());
        keys.add(valid.substring(1));
        keys.add(valid + "0");
        keys.add("jf_not-a-key");
        keys.add("");
        var alphabet = "0123456789abcdefgAF_-jx ";
        for (int n = 0; n < 20_000; n++) {
            var b = new StringBuilder(valid);
            for (int edits = 1 + random.nextInt(2); edits > 0; edits--) {
                b.setCharAt(random.nextInt(b.length()), alphabet.charAt(random.nextInt(alphabet.length())));
            }
            keys.add(b.toString());
        }
        int accepted = 0;
        for (var key : keys) {
            assertThat(ApiClients.wellFormed(key))
                    .as(key)
                    .isEqualTo(KEY.matcher(key).matches());
            accepted += ApiClients.wellFormed(key) ? 1 : 0;
        }
        assertThat(accepted).isGreaterThan(1000).isLessThan(keys.size() - 1000); // both answers were exercised
        assertThat(ApiClients.wellFormed(null)).isFalse();
    }
}
